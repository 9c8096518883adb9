using System.Text.Json.Nodes;
using Clinic.Telegram.Fake.Api;

namespace Clinic.Telegram.Fake;

/// <summary>
/// A Telegram user in a private chat with the bot. Its actions become updates for the bot;
/// its properties show what the bot sent. The public surface is what a test, or a web chat page, needs.
/// </summary>
public sealed class FakeUser
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);
    private readonly FakeTelegramState _state;

    internal FakeUser(FakeTelegramState state, long id, string firstName, string? languageCode, string? lastName)
    {
        _state = state;
        Id = id;
        FirstName = firstName;
        LanguageCode = languageCode;
        LastName = lastName;
        PhoneNumber = $"+7701{id % 10_000_000:D7}";
    }

    public long Id { get; }
    public string FirstName { get; }
    public string? LastName { get; }
    public string? LanguageCode { get; }
    public string? Username { get; init; }

    /// <summary>The number shared by a request_contact button (see <see cref="ShareOwnContact"/>).</summary>
    public string PhoneNumber { get; set; }

    /// <summary>What this user sent in the chat, in order (messages the bot deleted left out).</summary>
    public IReadOnlyList<UserMessage> SentMessages => _state.UserMessagesOf(this);

    /// <summary>The bot's messages in this chat, each in its latest state (edits applied, deletions flagged).</summary>
    public IReadOnlyList<BotMessage> Messages => _state.MessagesOf(this);

    /// <summary>The latest message the bot sent that is not deleted.</summary>
    public BotMessage? LastMessage => Messages.LastOrDefault(message => !message.Deleted);

    public IReadOnlyList<CallbackAnswer> CallbackAnswers => _state.CallbackAnswersOf(this);

    /// <summary>The reply keyboard currently shown instead of the user's keyboard, if any.</summary>
    public ReplyKeyboard? ReplyKeyboard => _state.ReplyKeyboardOf(this);

    public bool IsBlocked => _state.IsBlocked(this);

    /// <summary>Both sides of the chat, one line per event, for failure messages.</summary>
    public string Transcript => _state.TranscriptOf(this);

    /// <summary>Sends text; a leading /command gets its bot_command entity as Telegram adds it.</summary>
    public Task<UserAction> SendText(string text) => SendTextIn(Id, text);

    /// <summary>
    /// Sends text into chat <paramref name="chatId"/>: a group (see <see cref="FakeGroup.SendText"/>), or, forged, another
    /// user's private chat. Telegram never sends an update whose private chat is not its sender's; a forged webhook call can.
    /// </summary>
    public Task<UserAction> SendTextIn(long chatId, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        IReadOnlyList<TextEntity> entities = CommandLength(text) is > 0 and var length ? [new TextEntity("bot_command", 0, length)] : [];
        return Task.FromResult(_state.UserSendsMessage(this, chatId, text, Shown() with { Text = text, Entities = entities }, message =>
        {
            message["text"] = text;
            if (entities.Count > 0) message["entities"] = TelegramJson.Entities(entities);
        }));
    }

    /// <summary>Shares a contact card; <paramref name="userId"/> defaults to this user, pass another to forge someone else's.</summary>
    public Task<UserAction> SendContact(string phone, long? userId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(phone);
        return Task.FromResult(_state.UserSendsMessage(this, $"[contact {phone}]", Shown() with { ContactPhone = phone }, message =>
        {
            var contact = new JsonObject { ["phone_number"] = phone, ["first_name"] = FirstName };
            if (LastName is not null) contact["last_name"] = LastName;
            contact["user_id"] = userId ?? Id;
            message["contact"] = contact;
        }));
    }

    /// <summary>Taps the request_contact button of the current reply keyboard: shares <see cref="PhoneNumber"/>.</summary>
    public Task<UserAction> ShareOwnContact()
    {
        var button = ReplyKeyboard?.Buttons.FirstOrDefault(b => b.RequestContact)
            ?? throw new InvalidOperationException($"The bot shows no \"share contact\" button.\n{Transcript}");
        _state.HideOneTimeKeyboard(this);
        return SendContact(PhoneNumber);
    }

    /// <summary>Taps a button of the current reply keyboard: sends its text, or the contact for request_contact buttons.</summary>
    public Task<UserAction> TapReplyButton(string text)
    {
        var button = ReplyKeyboard?.Buttons.FirstOrDefault(b => b.Text == text)
            ?? throw new InvalidOperationException($"The reply keyboard has no button \"{text}\".\n{Transcript}");
        if (button.RequestContact) return ShareOwnContact();
        _state.HideOneTimeKeyboard(this);
        return SendText(text);
    }

    /// <summary>Presses the inline button with this callback data on the given message.</summary>
    public Task<UserAction> PressButton(BotMessage message, string callbackData)
    {
        var current = Messages.FirstOrDefault(m => m.MessageId == message.MessageId);
        if (current is null || current.Deleted || !current.InlineButtons.Any(b => b.CallbackData == callbackData))
            throw new InvalidOperationException($"Message #{message.MessageId} has no button with data \"{callbackData}\".\n{Transcript}");
        return PressCallback(message.MessageId, callbackData);
    }

    /// <summary>Presses the inline button with this text on the latest bot message that shows one.</summary>
    public Task<UserAction> PressButton(string buttonText)
    {
        var message = Messages.LastOrDefault(m => !m.Deleted && m.HasButton(buttonText))
            ?? throw new InvalidOperationException($"No bot message has a button \"{buttonText}\".\n{Transcript}");
        var button = message.InlineButtons.First(b => b.Text == buttonText);
        if (button.CallbackData is null)
            throw new InvalidOperationException($"Button \"{buttonText}\" opens {button.Url}; it sends nothing to the bot.");
        return PressCallback(message.MessageId, button.CallbackData);
    }

    /// <summary>Sends a callback query with any data, even data no button carries: for stale and forged presses.</summary>
    public Task<UserAction> PressCallback(int messageId, string data) =>
        Task.FromResult(_state.UserPressesCallback(this, messageId, data));

    /// <summary>Presses a button (any data) on bot message <paramref name="messageId"/> of chat <paramref name="chatId"/>: a group, or, forged, another user's chat.</summary>
    public Task<UserAction> PressCallbackIn(long chatId, int messageId, string data) =>
        Task.FromResult(_state.UserPressesCallback(this, chatId, messageId, data));

    /// <summary>Sends a photo (PNG, JPEG, GIF or WebP bytes) as Telegram would: one size, with a file_id for getFile.</summary>
    public Task<UserAction> SendPhoto(byte[] content, string? caption = null)
    {
        var photo = _state.StoreFile("photo", content, "photo.jpg", "image/jpeg");
        return Task.FromResult(_state.UserSendsMessage(this, $"[photo] {caption}", Shown() with { Photo = photo, Caption = caption }, message =>
        {
            message["photo"] = new JsonArray(TelegramJson.PhotoSize(photo));
            if (caption is not null) message["caption"] = caption;
        }));
    }

    public Task<UserAction> SendDocument(byte[] content, string fileName, string? mimeType = null, string? caption = null)
    {
        var document = _state.StoreFile("document", content, fileName, mimeType ?? "application/octet-stream");
        return Task.FromResult(_state.UserSendsMessage(this, $"[document {fileName}] {caption}", Shown() with { Document = document, Caption = caption }, message =>
        {
            message["document"] = TelegramJson.Document(document);
            if (caption is not null) message["caption"] = caption;
        }));
    }

    /// <summary>
    /// Waits for the next new or edited bot message (matching <paramref name="predicate"/>) that this method
    /// has not returned yet. Messages it passes over are consumed. Throws <see cref="TimeoutException"/>
    /// with the chat transcript after <paramref name="timeout"/> (10 s by default).
    /// </summary>
    public Task<BotMessage> WaitForMessage(Func<BotMessage, bool>? predicate = null, TimeSpan? timeout = null, CancellationToken ct = default) =>
        _state.WaitForMessageAsync(this, predicate, timeout ?? DefaultWait, ct);

    /// <summary>Blocks the bot: its sends to this user fail with 403, and it gets a my_chat_member update.</summary>
    public void Block() => _state.SetBlocked(this, blocked: true);

    public void Unblock() => _state.SetBlocked(this, blocked: false);

    public override string ToString() => $"{FirstName} ({Id})";

    /// <summary>The state fills in the message id and date when it takes the message.</summary>
    private static UserMessage Shown() => new() { MessageId = 0, Date = default };

    private static int CommandLength(string text)
    {
        if (text.Length < 2 || text[0] != '/') return 0;
        var end = 1;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        return end > 1 ? end : 0;
    }
}
