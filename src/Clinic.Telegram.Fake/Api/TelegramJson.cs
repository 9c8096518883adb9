using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clinic.Telegram.Fake.Api;

/// <summary>Telegram's JSON shapes (User, Chat, Message, ...) built from the fake's records.</summary>
internal static class TelegramJson
{
    /// <summary>Telegram writes UTF-8 text as is, not as \uXXXX escapes.</summary>
    public static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject BotUser(FakeTelegramOptions bot) => new()
    {
        ["id"] = bot.BotId,
        ["is_bot"] = true,
        ["first_name"] = bot.BotFirstName,
        ["username"] = bot.BotUsername,
    };

    public static JsonObject Me(FakeTelegramOptions bot)
    {
        var me = BotUser(bot);
        me["can_join_groups"] = true;
        me["can_read_all_group_messages"] = false;
        me["supports_inline_queries"] = false;
        me["can_connect_to_business"] = false;
        me["has_main_web_app"] = false;
        return me;
    }

    public static JsonObject User(FakeUser user)
    {
        var json = new JsonObject { ["id"] = user.Id, ["is_bot"] = false, ["first_name"] = user.FirstName };
        AddIfSet(json, "last_name", user.LastName);
        AddIfSet(json, "username", user.Username);
        AddIfSet(json, "language_code", user.LanguageCode);
        return json;
    }

    public static JsonObject Chat(FakeUser user)
    {
        var json = new JsonObject { ["id"] = user.Id, ["type"] = "private", ["first_name"] = user.FirstName };
        AddIfSet(json, "last_name", user.LastName);
        AddIfSet(json, "username", user.Username);
        return json;
    }

    public static JsonObject Chat(FakeChat chat)
    {
        if (chat.User is { } user) return Chat(user);
        return new JsonObject { ["id"] = chat.Id, ["type"] = chat.Type, ["title"] = chat.Group!.Title };
    }

    public static JsonObject Message(BotMessage message, FakeChat chat, FakeTelegramOptions bot)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["from"] = BotUser(bot),
            ["chat"] = Chat(chat),
            ["date"] = message.Date.ToUnixTimeSeconds(),
        };
        if (message.EditDate is { } edited) json["edit_date"] = edited.ToUnixTimeSeconds();
        if (message.Text is not null)
        {
            json["text"] = message.Text;
            AddEntities(json, "entities", message.Entities);
            if (message.LinkPreviewDisabled) json["link_preview_options"] = new JsonObject { ["is_disabled"] = true };
        }
        if (message.Photo is { } photo) json["photo"] = new JsonArray(PhotoSize(photo));
        if (message.Document is { } document) json["document"] = Document(document);
        if (message.Caption is not null)
        {
            json["caption"] = message.Caption;
            AddEntities(json, "caption_entities", message.CaptionEntities);
        }
        if (message.InlineKeyboard.Count > 0) json["reply_markup"] = InlineKeyboard(message.InlineKeyboard);
        return json;
    }

    public static JsonObject InlineKeyboard(IReadOnlyList<IReadOnlyList<InlineButton>> rows) => new()
    {
        ["inline_keyboard"] = new JsonArray(rows.Select(row => (JsonNode)new JsonArray(row.Select(InlineButton).ToArray())).ToArray()),
    };

    private static JsonNode InlineButton(InlineButton button)
    {
        var json = new JsonObject { ["text"] = button.Text };
        AddIfSet(json, "callback_data", button.CallbackData);
        AddIfSet(json, "url", button.Url);
        return json;
    }

    public static JsonObject PhotoSize(FakeFile photo) => new()
    {
        ["file_id"] = photo.FileId,
        ["file_unique_id"] = photo.FileUniqueId,
        ["width"] = photo.Width,
        ["height"] = photo.Height,
        ["file_size"] = photo.Size,
    };

    public static JsonObject Document(FakeFile document)
    {
        var json = new JsonObject { ["file_id"] = document.FileId, ["file_unique_id"] = document.FileUniqueId };
        AddIfSet(json, "file_name", document.FileName);
        AddIfSet(json, "mime_type", document.MimeType);
        json["file_size"] = document.Size;
        return json;
    }

    public static JsonArray Entities(IReadOnlyList<TextEntity> entities) =>
        new(entities.Select(entity =>
        {
            var json = new JsonObject { ["type"] = entity.Type, ["offset"] = entity.Offset, ["length"] = entity.Length };
            AddIfSet(json, "url", entity.Url);
            AddIfSet(json, "language", entity.Language);
            return (JsonNode)json;
        }).ToArray());

    private static void AddEntities(JsonObject json, string name, IReadOnlyList<TextEntity> entities)
    {
        if (entities.Count > 0) json[name] = Entities(entities);
    }

    private static void AddIfSet(JsonObject json, string name, string? value)
    {
        if (value is not null) json[name] = value;
    }
}
