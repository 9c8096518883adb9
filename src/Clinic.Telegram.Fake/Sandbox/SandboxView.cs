namespace Clinic.Telegram.Fake.Sandbox;

// What the web sandbox's page reads: plain records serialised as camelCase JSON.

internal sealed record SandboxInfo(string BotName, string BotUsername, IReadOnlyList<long> AdminIds);

internal sealed record SandboxUserView(
    long Id, string FirstName, string? LastName, string? Username, string? LanguageCode, string Phone, bool IsAdmin, long Version, string? Preview);

internal sealed record SandboxChatView(
    SandboxUserView User,
    IReadOnlyList<SandboxMessageView> Messages,
    SandboxReplyKeyboardView? ReplyKeyboard,
    IReadOnlyList<SandboxAnswerView> Answers,
    IReadOnlyList<BotCommandInfo> Commands);

internal sealed record SandboxMessageView(
    int Id,
    string From,
    DateTimeOffset Date,
    DateTimeOffset? EditDate,
    string? Text,
    IReadOnlyList<TextEntity> Entities,
    string? Caption,
    IReadOnlyList<TextEntity> CaptionEntities,
    SandboxFileView? Photo,
    SandboxFileView? Document,
    string? ContactPhone,
    IReadOnlyList<IReadOnlyList<InlineButton>> InlineKeyboard);

internal sealed record SandboxFileView(string Url, string? FileName, string? MimeType, long Size, int Width, int Height);

internal sealed record SandboxReplyKeyboardView(IReadOnlyList<IReadOnlyList<ReplyButton>> Rows, string? Placeholder, bool OneTime);

internal sealed record SandboxAnswerView(string Id, string? Text, bool ShowAlert, string? Url);

internal sealed record SandboxTextRequest(string? Text);

internal sealed record SandboxPressRequest(int MessageId, string? Data);

internal sealed record SandboxError(string Error);
