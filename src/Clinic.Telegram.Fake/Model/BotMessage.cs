using System.Text;

namespace Clinic.Telegram.Fake;

/// <summary>
/// One version of a message the bot sent to a chat. Edits produce a new version with a higher
/// <see cref="EditCount"/>; the chat keeps only the latest one in its message list.
/// </summary>
public sealed record BotMessage
{
    public required int MessageId { get; init; }
    public required long ChatId { get; init; }
    public required DateTimeOffset Date { get; init; }
    public DateTimeOffset? EditDate { get; init; }

    /// <summary>When the text or caption last changed: what Telegram clients mark "edited" (a buttons-only edit is not).</summary>
    public DateTimeOffset? ContentEditDate { get; init; }

    /// <summary>Visible text after parse_mode was applied (tags removed); null for media messages.</summary>
    public string? Text { get; init; }

    /// <summary>Text exactly as the bot sent it, before parse_mode processing.</summary>
    public string? RawText { get; init; }
    public string? ParseMode { get; init; }
    public IReadOnlyList<TextEntity> Entities { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<InlineButton>> InlineKeyboard { get; init; } = [];

    /// <summary>The reply keyboard this message installed, if any.</summary>
    public ReplyKeyboard? ReplyKeyboard { get; init; }
    public bool RemovesReplyKeyboard { get; init; }
    public bool ForceReply { get; init; }
    public bool LinkPreviewDisabled { get; init; }

    /// <summary>Sent with <c>allow_paid_broadcast</c>: Telegram's paid lane (up to 1000 messages/s, not counted in the free 30/s).</summary>
    public bool PaidBroadcast { get; init; }

    public FakeFile? Photo { get; init; }
    public FakeFile? Document { get; init; }
    public string? Caption { get; init; }
    public IReadOnlyList<TextEntity> CaptionEntities { get; init; } = [];

    public int EditCount { get; init; }
    public bool Deleted { get; init; }

    public IEnumerable<InlineButton> InlineButtons => InlineKeyboard.SelectMany(row => row);

    public bool HasButton(string text) => InlineButtons.Any(button => button.Text == text);

    /// <summary>Text or caption: whatever the user reads.</summary>
    public string VisibleText => Text ?? Caption ?? string.Empty;

    public override string ToString()
    {
        var line = new StringBuilder($"#{MessageId}");
        if (Photo is not null) line.Append(" [photo]");
        if (Document is not null) line.Append($" [document {Document.FileName}]");
        if (EditCount > 0) line.Append($" (edited x{EditCount})");
        if (Deleted) line.Append(" (deleted)");
        line.Append(": ").Append(VisibleText.Replace("\n", "⏎"));
        foreach (var row in InlineKeyboard)
            line.Append(" | ").AppendJoin(" ", row.Select(b => $"[{b.Text}→{b.CallbackData ?? b.Url}]"));
        if (ReplyKeyboard is not null)
            line.Append(" | keyboard: ").AppendJoin(" ", ReplyKeyboard.Buttons.Select(b => $"[{b.Text}]"));
        if (RemovesReplyKeyboard) line.Append(" | keyboard removed");
        return line.ToString();
    }
}
