using System.Text;
using Clinic.Telegram.Fake.Api;

namespace Clinic.Telegram.Fake.Parsing;

/// <summary>
/// Telegram's parse_mode=MarkdownV2. Its most common production failure is an unescaped reserved
/// character (a "." in a price, a "-" in a date), so those are refused exactly like Telegram does.
/// </summary>
internal static class MarkdownV2Parser
{
    private const string Reserved = "_*[]()~`>#+-=|{}.!";

    private sealed record Open(string Marker, string Type, int Offset, int At);

    public static FormattedText Parse(string markdown)
    {
        var text = new StringBuilder(markdown.Length);
        var open = new Stack<Open>();
        var entities = new List<TextEntity>();
        var i = 0;
        while (i < markdown.Length)
        {
            var c = markdown[i];
            if (c == '\\')
            {
                if (i + 1 >= markdown.Length) throw Fail($"Character '\\' is reserved and must be escaped with the preceding '\\'");
                text.Append(markdown[i + 1]);
                i += 2;
            }
            else if (c == '`')
            {
                i = ParseCode(markdown, i, text, entities);
            }
            else if (c == '>' && (i == 0 || markdown[i - 1] == '\n'))
            {
                // A quotation line: the marker is dropped, the quote itself is not modelled.
                i++;
            }
            else if (c == ']' && open.TryPeek(out var link) && link.Marker == "[")
            {
                i = CloseLink(markdown, i, open.Pop(), text, entities);
            }
            else if (Marker(markdown, i) is { } marker)
            {
                if (open.TryPeek(out var top) && top.Marker == marker.Marker)
                {
                    open.Pop();
                    if (text.Length > top.Offset) entities.Add(new TextEntity(top.Type, top.Offset, text.Length - top.Offset));
                }
                else
                {
                    open.Push(new Open(marker.Marker, marker.Type, text.Length, i));
                }
                i += marker.Marker.Length;
            }
            else if (Reserved.Contains(c))
            {
                throw Fail($"Character '{c}' is reserved and must be escaped with the preceding '\\'");
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        if (open.TryPeek(out var unclosed))
            throw Fail($"Can't find end of {Name(unclosed.Type)} entity at byte offset {ByteOffset(markdown, unclosed.At)}");
        entities.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : b.Length.CompareTo(a.Length));
        return new FormattedText(text.ToString(), entities);
    }

    private static (string Marker, string Type)? Marker(string s, int i) => s[i] switch
    {
        '*' => ("*", "bold"),
        '_' when i + 1 < s.Length && s[i + 1] == '_' => ("__", "underline"),
        '_' => ("_", "italic"),
        '~' => ("~", "strikethrough"),
        '|' when i + 1 < s.Length && s[i + 1] == '|' => ("||", "spoiler"),
        '[' => ("[", "text_link"),
        _ => null,
    };

    private static int CloseLink(string s, int i, Open link, StringBuilder text, List<TextEntity> entities)
    {
        if (i + 1 >= s.Length || s[i + 1] != '(')
            throw Fail($"Character ']' is reserved and must be escaped with the preceding '\\'");
        var end = s.IndexOf(')', i + 2);
        if (end < 0) throw Fail($"Can't find end of a URL at byte offset {ByteOffset(s, i + 1)}");
        var url = s[(i + 2)..end].Replace("\\)", ")").Replace("\\\\", "\\");
        if (text.Length > link.Offset) entities.Add(new TextEntity("text_link", link.Offset, text.Length - link.Offset, url));
        return end + 1;
    }

    /// <summary>`code` and ```pre```: only ` and \ are special inside.</summary>
    private static int ParseCode(string s, int i, StringBuilder text, List<TextEntity> entities)
    {
        var fence = s.AsSpan(i).StartsWith("```") ? "```" : "`";
        var start = i + fence.Length;
        string? language = null;
        if (fence == "```")
        {
            var lineEnd = s.IndexOf('\n', start);
            if (lineEnd > start && !s[start..lineEnd].Contains('`')) (language, start) = (s[start..lineEnd], lineEnd + 1);
        }
        var offset = text.Length;
        var j = start;
        while (j < s.Length && !s.AsSpan(j).StartsWith(fence))
        {
            if (s[j] == '\\' && j + 1 < s.Length) j++;
            text.Append(s[j]);
            j++;
        }
        if (j >= s.Length) throw Fail($"Can't find end of {(fence == "`" ? "Code" : "Pre")} entity at byte offset {ByteOffset(s, i)}");
        if (text.Length > offset)
            entities.Add(new TextEntity(fence == "`" ? "code" : "pre", offset, text.Length - offset, Language: string.IsNullOrEmpty(language) ? null : language));
        return j + fence.Length;
    }

    private static string Name(string type) => type switch
    {
        "bold" => "Bold",
        "italic" => "Italic",
        "underline" => "Underline",
        "strikethrough" => "Strikethrough",
        "spoiler" => "Spoiler",
        _ => "TextUrl",
    };

    private static int ByteOffset(string text, int charIndex) => Encoding.UTF8.GetByteCount(text.AsSpan(0, charIndex));

    private static BotApiException Fail(string detail) => BotApiException.BadRequest("can't parse entities: " + detail);
}
