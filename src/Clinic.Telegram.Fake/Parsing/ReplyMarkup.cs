using System.Text;
using System.Text.Json.Nodes;
using Clinic.Telegram.Fake.Api;

namespace Clinic.Telegram.Fake.Parsing;

/// <summary>A validated reply_markup: one of an inline keyboard, a reply keyboard, a removal or force_reply.</summary>
internal sealed record ReplyMarkup(
    IReadOnlyList<IReadOnlyList<InlineButton>> InlineKeyboard,
    ReplyKeyboard? ReplyKeyboard,
    bool RemoveKeyboard,
    bool ForceReply)
{
    public static readonly ReplyMarkup None = new([], null, false, false);

    private const int MaxCallbackDataBytes = 64;

    public static ReplyMarkup Parse(JsonNode? node)
    {
        if (node is null) return None;
        if (node is not JsonObject markup) throw BotApiException.BadRequest("can't parse reply keyboard markup JSON object");
        if (markup["inline_keyboard"] is { } inline) return None with { InlineKeyboard = ParseInline(inline) };
        if (markup["keyboard"] is { } keyboard) return None with { ReplyKeyboard = ParseKeyboard(markup, keyboard) };
        if (IsTrue(markup["remove_keyboard"])) return None with { RemoveKeyboard = true };
        if (IsTrue(markup["force_reply"])) return None with { ForceReply = true };
        throw BotApiException.BadRequest("can't parse reply keyboard markup JSON object");
    }

    /// <summary>Only inline keyboards are part of a Message as Telegram returns it.</summary>
    public static bool SameInlineKeyboard(IReadOnlyList<IReadOnlyList<InlineButton>> a, IReadOnlyList<IReadOnlyList<InlineButton>> b) =>
        a.Count == b.Count && a.Zip(b).All(rows => rows.First.SequenceEqual(rows.Second));

    private static IReadOnlyList<IReadOnlyList<InlineButton>> ParseInline(JsonNode inline)
    {
        if (inline is not JsonArray rows || rows.Any(row => row is not JsonArray))
            throw BotApiException.BadRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
        return rows.Select(row => (IReadOnlyList<InlineButton>)row!.AsArray().Select(ParseInlineButton).ToList()).ToList();
    }

    private static InlineButton ParseInlineButton(JsonNode? node)
    {
        if (node is not JsonObject button || Text(button["text"]) is not { } text)
            throw BotApiException.BadRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
        var callbackData = Text(button["callback_data"]);
        var url = Text(button["url"]);
        if (callbackData is not null)
        {
            var bytes = Encoding.UTF8.GetByteCount(callbackData);
            if (bytes is 0 or > MaxCallbackDataBytes) throw BotApiException.BadRequest("BUTTON_DATA_INVALID");
        }
        else if (url is not null)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "tg"))
                throw BotApiException.BadRequest("BUTTON_URL_INVALID");
        }
        else if (!HasOtherAction(button))
        {
            throw BotApiException.BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }
        return new InlineButton(text, callbackData, url);
    }

    private static bool HasOtherAction(JsonObject button) =>
        button.Any(field => field.Key is "web_app" or "login_url" or "switch_inline_query" or "switch_inline_query_current_chat"
            or "switch_inline_query_chosen_chat" or "copy_text" or "callback_game" or "pay");

    private static ReplyKeyboard ParseKeyboard(JsonObject markup, JsonNode keyboard)
    {
        if (keyboard is not JsonArray rows || rows.Any(row => row is not JsonArray))
            throw BotApiException.BadRequest("field \"keyboard\" of the ReplyKeyboardMarkup must be an Array of Arrays");
        var parsed = rows.Select(row => (IReadOnlyList<ReplyButton>)row!.AsArray().Select(ParseReplyButton).ToList()).ToList();
        return new ReplyKeyboard(
            parsed,
            OneTime: IsTrue(markup["one_time_keyboard"]),
            Resize: IsTrue(markup["resize_keyboard"]),
            IsPersistent: IsTrue(markup["is_persistent"]),
            InputFieldPlaceholder: Text(markup["input_field_placeholder"]));
    }

    private static ReplyButton ParseReplyButton(JsonNode? node)
    {
        if (Text(node) is { } plain) return new ReplyButton(plain);
        if (node is not JsonObject button || Text(button["text"]) is not { } text)
            throw BotApiException.BadRequest("can't parse keyboard button: Field \"text\" must be of type String");
        return new ReplyButton(text, IsTrue(button["request_contact"]), IsTrue(button["request_location"]));
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool IsTrue(JsonNode? node) =>
        node is JsonValue value && (value.TryGetValue<bool>(out var flag) ? flag : value.TryGetValue<string>(out var text) && text == "true");
}
