using System.Globalization;
using System.Text;
using Clinic.Telegram.Fake.Api;

namespace Clinic.Telegram.Fake.Parsing;

/// <summary>
/// Telegram's parse_mode=HTML: the supported tags become entities, anything else is refused with
/// "can't parse entities", so a bot that forgets to escape user input fails here as it would in production.
/// </summary>
internal static class HtmlEntityParser
{
    private static readonly Dictionary<string, string> EntityTypeByTag = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b"] = "bold", ["strong"] = "bold",
        ["i"] = "italic", ["em"] = "italic",
        ["u"] = "underline", ["ins"] = "underline",
        ["s"] = "strikethrough", ["strike"] = "strikethrough", ["del"] = "strikethrough",
        ["tg-spoiler"] = "spoiler", ["span"] = "spoiler",
        ["a"] = "text_link", ["code"] = "code", ["pre"] = "pre",
        ["blockquote"] = "blockquote", ["tg-emoji"] = "custom_emoji",
    };

    private sealed record OpenTag(string Name, int Offset, string Type, string? Url, string? Language);

    public static FormattedText Parse(string html)
    {
        var text = new StringBuilder(html.Length);
        var open = new Stack<OpenTag>();
        var entities = new List<TextEntity>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var close = html.IndexOf('>', i);
                if (close < 0) throw Fail($"Unclosed start tag at byte offset {ByteOffset(html, i)}");
                var tag = html.Substring(i + 1, close - i - 1);
                if (tag.StartsWith('/')) CloseTag(html, i, tag[1..].Trim(), open, entities, text.Length);
                else open.Push(OpenTagAt(html, i, tag, open, text.Length));
                i = close + 1;
            }
            else if (c == '&' && TryDecodeEntity(html, i, out var decoded, out var consumed))
            {
                text.Append(decoded);
                i += consumed;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        if (open.Count > 0)
            throw Fail($"Can't find end tag corresponding to start tag \"{open.Peek().Name}\"");
        entities.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : b.Length.CompareTo(a.Length));
        return new FormattedText(text.ToString(), entities);
    }

    private static OpenTag OpenTagAt(string html, int at, string tag, Stack<OpenTag> open, int offset)
    {
        var nameEnd = 0;
        while (nameEnd < tag.Length && !char.IsWhiteSpace(tag[nameEnd]) && tag[nameEnd] != '/') nameEnd++;
        var name = tag[..nameEnd].ToLowerInvariant();
        if (!EntityTypeByTag.TryGetValue(name, out var type))
            throw Fail($"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, at)}");
        var attributes = ParseAttributes(tag[nameEnd..]);
        string? url = null, language = null;
        switch (name)
        {
            case "a":
                url = attributes.GetValueOrDefault("href");
                if (url is not null && url.StartsWith("tg://user?id=", StringComparison.Ordinal)) type = "text_mention";
                break;
            case "span" when attributes.GetValueOrDefault("class") != "tg-spoiler":
                throw Fail($"Tag \"span\" must have class \"tg-spoiler\" at byte offset {ByteOffset(html, at)}");
            case "blockquote" when attributes.ContainsKey("expandable"):
                type = "expandable_blockquote";
                break;
            case "code" when open.TryPeek(out var parent) && parent.Name == "pre":
                language = attributes.GetValueOrDefault("class") is { } cls && cls.StartsWith("language-")
                    ? cls["language-".Length..]
                    : null;
                break;
        }
        return new OpenTag(name, offset, type, url, language);
    }

    private static void CloseTag(string html, int at, string name, Stack<OpenTag> open, List<TextEntity> entities, int offset)
    {
        if (!open.TryPop(out var tag))
            throw Fail($"Unexpected end tag at byte offset {ByteOffset(html, at)}");
        if (!tag.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            throw Fail($"Unmatched end tag at byte offset {ByteOffset(html, at)}, expected \"</{tag.Name}>\", found \"</{name}>\"");
        var length = offset - tag.Offset;
        if (length == 0) return;
        if (tag.Language is not null && open.TryPeek(out var pre) && pre.Name == "pre")
        {
            // <pre><code class="language-x"> is one pre entity carrying the language.
            open.Pop();
            open.Push(pre with { Language = tag.Language });
            return;
        }
        if (tag.Type == "text_link" && tag.Url is null) return;
        entities.Add(new TextEntity(tag.Type, tag.Offset, length, tag.Type == "text_link" ? tag.Url : null, tag.Language));
    }

    private static Dictionary<string, string> ParseAttributes(string source)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < source.Length)
        {
            while (i < source.Length && (char.IsWhiteSpace(source[i]) || source[i] == '/')) i++;
            var nameStart = i;
            while (i < source.Length && source[i] != '=' && !char.IsWhiteSpace(source[i])) i++;
            if (i == nameStart) break;
            var name = source[nameStart..i];
            if (i >= source.Length || source[i] != '=')
            {
                attributes[name] = string.Empty;
                continue;
            }
            i++;
            var quote = i < source.Length && (source[i] == '"' || source[i] == '\'') ? source[i++] : '\0';
            var valueStart = i;
            while (i < source.Length && (quote == '\0' ? !char.IsWhiteSpace(source[i]) : source[i] != quote)) i++;
            attributes[name] = System.Net.WebUtility.HtmlDecode(source[valueStart..i]);
            if (quote != '\0') i++;
        }
        return attributes;
    }

    private static bool TryDecodeEntity(string html, int at, out string decoded, out int consumed)
    {
        decoded = string.Empty;
        consumed = 0;
        var end = html.IndexOf(';', at);
        if (end < 0 || end - at > 10) return false;
        var name = html.Substring(at + 1, end - at - 1);
        string? value = name switch
        {
            "lt" => "<", "gt" => ">", "amp" => "&", "quot" => "\"",
            ['#', 'x' or 'X', .. var hex] when int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) => CodePoint(code),
            ['#', .. var dec] when int.TryParse(dec, NumberStyles.None, CultureInfo.InvariantCulture, out var code) => CodePoint(code),
            _ => null,
        };
        if (value is null) return false;
        decoded = value;
        consumed = end - at + 1;
        return true;
    }

    private static string? CodePoint(int code) =>
        code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(code) : null;

    private static int ByteOffset(string text, int charIndex) => Encoding.UTF8.GetByteCount(text.AsSpan(0, charIndex));

    private static BotApiException Fail(string detail) => BotApiException.BadRequest("can't parse entities: " + detail);
}
