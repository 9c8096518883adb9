namespace Clinic.Telegram.Fake;

/// <summary>A button under a bot message: exactly one of <see cref="CallbackData"/> and <see cref="Url"/> is set.</summary>
public sealed record InlineButton(string Text, string? CallbackData, string? Url);

/// <summary>A button of the reply keyboard that replaces the user's keyboard.</summary>
public sealed record ReplyButton(string Text, bool RequestContact = false, bool RequestLocation = false);

/// <summary>A reply keyboard as the user sees it.</summary>
public sealed record ReplyKeyboard(
    IReadOnlyList<IReadOnlyList<ReplyButton>> Rows,
    bool OneTime,
    bool Resize,
    bool IsPersistent,
    string? InputFieldPlaceholder)
{
    public IEnumerable<ReplyButton> Buttons => Rows.SelectMany(row => row);
}
