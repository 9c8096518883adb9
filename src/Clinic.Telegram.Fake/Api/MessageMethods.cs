using System.Text.Json.Nodes;
using Clinic.Telegram.Fake.Parsing;

namespace Clinic.Telegram.Fake.Api;

/// <summary>sendMessage, the edit methods, deleteMessage, sendChatAction and answerCallbackQuery.</summary>
internal static class MessageMethods
{
    private const int MaxTextLength = 4096;
    internal const int MaxCaptionLength = 1024;

    private static readonly HashSet<string> ChatActions =
    [
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    ];

    public static Task<ApiResult> SendMessage(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        var chat = state.ChatFor(request);
        var text = ParseText(request);
        var markup = ReplyMarkup.Parse(request.Json("reply_markup"));
        var draft = new BotMessage
        {
            MessageId = 0,
            ChatId = chat.Id,
            Date = default,
            Text = text.Text,
            RawText = request.String("text"),
            ParseMode = request.String("parse_mode"),
            Entities = text.Entities,
            LinkPreviewDisabled = IsLinkPreviewDisabled(request),
            PaidBroadcast = request.Bool("allow_paid_broadcast"),
        }.WithMarkup(markup);
        return Sent(state, chat, draft);
    }

    public static Task<ApiResult> EditMessageText(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        var (chat, messageId) = Target(state, request);
        var text = ParseText(request);
        var markup = InlineMarkup(request);
        var edited = state.Edit(chat, messageId, current => current.Text is null
            ? throw BotApiException.BadRequest("there is no text in the message to edit")
            : current with
            {
                Text = text.Text,
                RawText = request.String("text"),
                ParseMode = request.String("parse_mode"),
                Entities = text.Entities,
                LinkPreviewDisabled = IsLinkPreviewDisabled(request),
                InlineKeyboard = markup.InlineKeyboard,
            });
        return Task.FromResult<ApiResult>(TelegramJson.Message(edited, chat, state.Options));
    }

    public static Task<ApiResult> EditMessageCaption(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        var (chat, messageId) = Target(state, request);
        var caption = ParseCaption(request);
        var markup = InlineMarkup(request);
        var edited = state.Edit(chat, messageId, current => current.Photo is null && current.Document is null
            ? throw BotApiException.BadRequest("there is no caption in the message to edit")
            : current with { Caption = caption?.Text, CaptionEntities = caption?.Entities ?? [], InlineKeyboard = markup.InlineKeyboard });
        return Task.FromResult<ApiResult>(TelegramJson.Message(edited, chat, state.Options));
    }

    public static Task<ApiResult> EditMessageReplyMarkup(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        var (chat, messageId) = Target(state, request);
        var markup = InlineMarkup(request);
        var edited = state.Edit(chat, messageId, current => current with { InlineKeyboard = markup.InlineKeyboard });
        return Task.FromResult<ApiResult>(TelegramJson.Message(edited, chat, state.Options));
    }

    public static Task<ApiResult> DeleteMessage(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        var chat = state.ChatFor(request);
        var messageId = request.Int("message_id") ?? throw BotApiException.BadRequest("message identifier is not specified");
        state.Delete(chat, messageId);
        return Task.FromResult(ApiResult.True);
    }

    public static Task<ApiResult> SendChatAction(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        var chat = state.ChatFor(request);
        if (!ChatActions.Contains(request.String("action") ?? string.Empty))
            throw BotApiException.BadRequest("wrong parameter action in request");
        state.EnsureCanWriteTo(chat);
        return Task.FromResult(ApiResult.True);
    }

    public static Task<ApiResult> AnswerCallbackQuery(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        var queryId = request.String("callback_query_id")
            ?? throw BotApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
        state.AnswerCallback(queryId, request.String("text"), request.Bool("show_alert"), request.String("url"), request.Int("cache_time") ?? 0);
        return Task.FromResult(ApiResult.True);
    }

    internal static Task<ApiResult> Sent(FakeTelegramState state, FakeChat chat, BotMessage draft)
    {
        var message = state.DeliverNew(chat, draft);
        return Task.FromResult<ApiResult>(TelegramJson.Message(message, chat, state.Options));
    }

    internal static BotMessage WithMarkup(this BotMessage message, ReplyMarkup markup) => message with
    {
        InlineKeyboard = markup.InlineKeyboard,
        ReplyKeyboard = markup.ReplyKeyboard,
        RemovesReplyKeyboard = markup.RemoveKeyboard,
        ForceReply = markup.ForceReply,
    };

    internal static FormattedText? ParseCaption(BotApiRequest request)
    {
        var raw = request.String("caption");
        if (string.IsNullOrEmpty(raw)) return null;
        var caption = FormattedText.Parse(raw, request.String("parse_mode"));
        if (caption.Text.Length > MaxCaptionLength) throw BotApiException.BadRequest("message caption is too long");
        return caption;
    }

    private static FormattedText ParseText(BotApiRequest request)
    {
        var raw = request.String("text");
        if (string.IsNullOrWhiteSpace(raw)) throw BotApiException.BadRequest("message text is empty");
        var text = FormattedText.Parse(raw, request.String("parse_mode"));
        if (string.IsNullOrWhiteSpace(text.Text)) throw BotApiException.BadRequest("message text is empty");
        if (text.Text.Length > MaxTextLength) throw BotApiException.BadRequest("message is too long");
        return text;
    }

    private static (FakeChat Chat, int MessageId) Target(FakeTelegramState state, BotApiRequest request)
    {
        if (request.Has("inline_message_id")) throw BotApiException.BadRequest("MESSAGE_ID_INVALID");
        var chat = state.ChatFor(request);
        var messageId = request.Int("message_id") ?? throw BotApiException.BadRequest("message identifier is not specified");
        return (chat, messageId);
    }

    /// <summary>Edits accept only inline keyboards; leaving reply_markup out removes the keyboard, as in Telegram.</summary>
    private static ReplyMarkup InlineMarkup(BotApiRequest request)
    {
        var markup = ReplyMarkup.Parse(request.Json("reply_markup"));
        if (markup.ReplyKeyboard is not null || markup.RemoveKeyboard || markup.ForceReply)
            throw BotApiException.BadRequest("inline keyboard expected");
        return markup;
    }

    private static bool IsLinkPreviewDisabled(BotApiRequest request) =>
        request.Bool("disable_web_page_preview")
        || request.Json("link_preview_options") is JsonObject options && options["is_disabled"]?.GetValue<bool>() == true;
}
