using Clinic.Telegram.Fake.Api;

namespace Clinic.Telegram.Fake.Parsing;

/// <summary>Text after Telegram applied parse_mode: what the user sees plus the formatting entities.</summary>
internal sealed record FormattedText(string Text, IReadOnlyList<TextEntity> Entities)
{
    public static FormattedText Parse(string text, string? parseMode) => parseMode switch
    {
        null or "" => new FormattedText(text, []),
        _ when parseMode.Equals("HTML", StringComparison.OrdinalIgnoreCase) => HtmlEntityParser.Parse(text),
        _ when parseMode.Equals("MarkdownV2", StringComparison.OrdinalIgnoreCase) => MarkdownV2Parser.Parse(text),
        // Legacy Markdown is deprecated by Telegram; it is passed through unparsed.
        _ when parseMode.Equals("Markdown", StringComparison.OrdinalIgnoreCase) => new FormattedText(text, []),
        _ => throw BotApiException.BadRequest("unsupported parse_mode"),
    };
}
