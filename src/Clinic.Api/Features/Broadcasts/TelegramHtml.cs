using System.Text;
using System.Text.RegularExpressions;

namespace Clinic.Api.Features.Broadcasts;

/// <summary>
/// Checks text against Telegram's HTML parse mode before it is saved, so a broadcast never fails at send time:
/// only the tags Telegram knows, with the attributes it allows, properly nested and closed; <c>&lt; &gt; &amp;</c>
/// escaped elsewhere; and the visible text within Telegram's limit (4096, or 1024 as a photo caption).
/// </summary>
public static partial class TelegramHtml
{
    public const int MaxTextLength = 4096;
    public const int MaxCaptionLength = 1024;

    private static readonly HashSet<string> PlainTags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "code", "pre", "blockquote"];

    private static readonly HashSet<string> NamedEntities = ["lt", "gt", "amp", "quot"];

    /// <summary>The reason the text is not valid, or null when Telegram will accept it.</summary>
    public static string? Validate(string html, bool asCaption)
    {
        if (string.IsNullOrWhiteSpace(html))
            return "The text is empty.";
        var open = new Stack<string>();
        var visible = 0;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                    return $"Unclosed '<' at {i}; write &lt; for a literal '<'.";
                var error = ReadTag(html[(i + 1)..end], open);
                if (error is not null)
                    return error;
                i = end + 1;
            }
            else if (c == '>')
                return $"Unexpected '>' at {i}; write &gt;.";
            else if (c == '&')
            {
                var end = html.IndexOf(';', i);
                if (end < 0 || !IsEntity(html[(i + 1)..end]))
                    return $"Bad entity at {i}; write &amp; for a literal '&'.";
                visible++;
                i = end + 1;
            }
            else
            {
                visible++;
                i++;
            }
        }
        if (open.Count > 0)
            return $"<{open.Peek()}> is not closed.";
        if (visible == 0)
            return "The text has no visible characters.";
        var limit = asCaption ? MaxCaptionLength : MaxTextLength;
        return visible > limit ? $"The text is {visible} characters; Telegram allows {limit}." : null;
    }

    private static string? ReadTag(string inner, Stack<string> open)
    {
        if (inner.StartsWith('/'))
        {
            var closing = inner[1..].Trim().ToLowerInvariant();
            if (open.Count == 0 || open.Peek() != closing)
                return open.Count == 0 ? $"</{closing}> closes nothing." : $"</{closing}> closes <{open.Peek()}>; tags must nest.";
            open.Pop();
            return null;
        }
        var match = TagPattern().Match(inner);
        if (!match.Success)
            return $"<{inner}> is not a tag Telegram understands.";
        var name = match.Groups["name"].Value.ToLowerInvariant();
        var attributes = ParseAttributes(match.Groups["attrs"].Value);
        if (attributes is null)
            return $"<{inner}> has malformed attributes.";
        var error = name switch
        {
            _ when PlainTags.Contains(name) => CheckPlain(name, attributes),
            "a" => attributes.Count == 1 && attributes.TryGetValue("href", out var href) && IsLink(href)
                ? null : "<a> needs exactly one href with an http(s) or tg:// link.",
            "span" => attributes.Count == 1 && attributes.GetValueOrDefault("class") == "tg-spoiler"
                ? null : "<span> is allowed only as <span class=\"tg-spoiler\">.",
            "tg-emoji" => attributes.Count == 1 && attributes.TryGetValue("emoji-id", out var id) && id.All(char.IsAsciiDigit) && id.Length > 0
                ? null : "<tg-emoji> needs a numeric emoji-id.",
            _ => $"<{name}> is not allowed; Telegram allows b, i, u, s, a, code, pre, blockquote, tg-spoiler.",
        };
        if (error is not null)
            return error;
        if (name is "a" && open.Contains("a"))
            return "Links cannot be nested.";
        open.Push(name);
        return null;
    }

    private static string? CheckPlain(string name, Dictionary<string, string> attributes) => name switch
    {
        _ when attributes.Count == 0 => null,
        "code" when attributes.Count == 1 && attributes.TryGetValue("class", out var language) && language.StartsWith("language-", StringComparison.Ordinal) => null,
        "blockquote" when attributes.Count == 1 && attributes.ContainsKey("expandable") => null,
        _ => $"<{name}> takes no such attributes.",
    };

    private static bool IsLink(string href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg";

    private static bool IsEntity(string name) =>
        NamedEntities.Contains(name)
        || (name.StartsWith("#x", StringComparison.OrdinalIgnoreCase) && name.Length > 2 && name[2..].All(char.IsAsciiHexDigit))
        || (name.StartsWith('#') && name.Length > 1 && name[1..].All(char.IsAsciiDigit));

    private static Dictionary<string, string>? ParseAttributes(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = text.Trim();
        while (rest.Length > 0)
        {
            var match = AttributePattern().Match(rest);
            if (!match.Success || match.Index != 0)
                return null;
            var value = match.Groups["dq"].Success ? match.Groups["dq"].Value
                : match.Groups["sq"].Success ? match.Groups["sq"].Value
                : match.Groups["bare"].Value;
            if (!result.TryAdd(match.Groups["name"].Value, System.Net.WebUtility.HtmlDecode(value)))
                return null;
            rest = rest[match.Length..].TrimStart();
        }
        return result;
    }

    /// <summary>Escapes plain text for HTML parse mode.</summary>
    public static string Escape(string text) =>
        new StringBuilder(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").ToString();

    [GeneratedRegex(@"^(?<name>[a-zA-Z][a-zA-Z0-9-]*)(?<attrs>(\s[^<>]*)?)/?$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("""^(?<name>[a-zA-Z-]+)(\s*=\s*("(?<dq>[^"]*)"|'(?<sq>[^']*)'|(?<bare>[^\s"'=<>`]+)))?""")]
    private static partial Regex AttributePattern();
}
