using System.Text;
using System.Text.Json.Nodes;

namespace Clinic.Bot.Tests.Telegram;

/// <summary>
/// Webhook bodies an attacker (or a confused proxy) could send with the right secret: Telegram's shapes with fields
/// missing, null, of the wrong type, huge or nested absurdly deep; unknown update kinds and chat types; garbage callback
/// data; and bytes that are not JSON at all or not valid UTF-8. Seeded, so a failure can be replayed.
/// </summary>
public sealed class HostileUpdates(int seed)
{
    private static readonly string[] Kinds = ["message", "edited_message", "channel_post", "callback_query", "inline_query", "poll", "my_chat_member", "chat_join_request", "business_message", "brand_new_kind"];
    private static readonly string[] ChatTypes = ["private", "group", "supergroup", "channel", "sender", "secret", "", "PRIVATE"];
    private static readonly string[] Texts = ["/start", "/profile", "/appointments", "/documents", "/admin", "/help", "/start@clinic_test_bot", "/", "//", "📅", "\u0000", "\uFFFF", "<b>x</b>", "' OR 1=1 --"];
    private readonly Random _random = new(seed);

    /// <summary>The next body, as the bytes on the wire.</summary>
    public byte[] Next() => _random.Next(20) switch
    {
        0 => Encoding.UTF8.GetBytes(Corrupted()),
        1 => Encoding.UTF8.GetBytes(DeeplyNested()),
        2 => Encoding.UTF8.GetBytes(InvalidEscapes()),
        3 => Encoding.UTF8.GetBytes(Junk()),
        4 => InvalidUtf8(),
        _ => Encoding.UTF8.GetBytes(Shaped().ToJsonString()),
    };

    /// <summary>An update of some kind, each field kept, dropped, nulled or replaced by a value of another type.</summary>
    private JsonObject Shaped()
    {
        var update = new JsonObject { ["update_id"] = Maybe(() => Id()) };
        var kind = Pick(Kinds);
        update[kind] = kind switch
        {
            "callback_query" => Callback(),
            "message" or "edited_message" or "channel_post" or "business_message" => Message(),
            _ => Maybe(() => new JsonObject { ["id"] = Id(), ["from"] = Maybe(User), ["chat"] = Maybe(Chat) }),
        };
        if (_random.Next(10) == 0)
        {
            update[Pick(Kinds)] = Maybe(Message);
        }

        return update;
    }

    private JsonNode? Message()
    {
        var user = User();
        var chat = _random.Next(3) == 0 && user is JsonObject from
            ? new JsonObject { ["id"] = from["id"]?.DeepClone(), ["type"] = "private", ["first_name"] = "x" }
            : Chat();
        return Maybe(() => new JsonObject
        {
            ["message_id"] = Maybe(() => (int)Id()),
            ["date"] = Maybe(() => Id()),
            ["from"] = Maybe(() => user),
            ["chat"] = Maybe(() => chat),
            ["text"] = Maybe(Text),
            ["sender_chat"] = _random.Next(8) == 0 ? Chat() : null,
            ["contact"] = _random.Next(8) == 0 ? new JsonObject { ["phone_number"] = Text(), ["first_name"] = "x", ["user_id"] = Id() } : null,
            ["entities"] = _random.Next(4) == 0 ? new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = _random.Next(-5, 5), ["length"] = _random.Next(-5, 50) }) : null,
        });
    }

    private JsonNode? Callback() => Maybe(() => new JsonObject
    {
        ["id"] = Maybe(() => Id().ToString()),
        ["from"] = Maybe(User),
        ["message"] = Maybe(Message),
        ["inline_message_id"] = _random.Next(4) == 0 ? "inline-" + Id() : null,
        ["chat_instance"] = Maybe(() => Id().ToString()),
        ["data"] = Maybe(() => Pick(["ap:list:up", "pf:dy", "adm:x", "lang:xx", "rg:save", ":::", "bk:d:" + Id(), Huge(64), Huge(5000)])),
    });

    private JsonNode? User() => Maybe(() => new JsonObject
    {
        ["id"] = Maybe(() => Id()),
        ["is_bot"] = Maybe(() => _random.Next(2) == 0),
        ["first_name"] = Maybe(Text),
        ["language_code"] = Maybe(() => Pick(["ru", "kk", "en", "zz", "", Huge(300)])),
    });

    private JsonNode? Chat() => Maybe(() => new JsonObject
    {
        ["id"] = Maybe(() => Id()),
        ["type"] = Maybe(() => Pick(ChatTypes)),
        ["title"] = Maybe(Text),
    });

    /// <summary>Mostly a plausible value; now and then null, absent-as-null, or a value of the wrong JSON type.</summary>
    private JsonNode? Maybe(Func<JsonNode?> value) => _random.Next(12) switch
    {
        0 => null,
        1 => "not-" + _random.Next(),
        2 => new JsonArray(1, 2, 3),
        3 => _random.Next(2) == 0,
        4 => 12.5,
        _ => value(),
    };

    private long Id() => _random.Next(6) switch
    {
        0 => -_random.NextInt64(1, long.MaxValue),
        1 => 0,
        2 => long.MaxValue,
        3 => long.MinValue,
        _ => _random.NextInt64(1, 10_000_000_000),
    };

    private JsonNode Text() => _random.Next(10) == 0 ? Huge(_random.Next(4_000, 200_000)) : Pick(Texts);

    private string Huge(int length)
    {
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            text.Append((char)_random.Next(0x20, 0xD7FF));
        }

        return text.ToString(0, length);
    }

    private string Corrupted()
    {
        var json = Shaped().ToJsonString();
        var cut = _random.Next(json.Length);
        return _random.Next(2) == 0 ? json[..cut] : json.Insert(cut, Pick(["{", "]", ",", "\"", ":", "\\"]));
    }

    private string DeeplyNested()
    {
        var depth = _random.Next(20, 2_000);
        return "{\"update_id\":1,\"message\":" + new string('[', depth) + new string(']', depth) + "}";
    }

    private string InvalidEscapes() => Pick(
    [
        """{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"from":{"id":1,"is_bot":false,"first_name":"\uD800"},"text":"\uDC00\uD800"}}""",
        """{"update_id":1,"message":{"text":"\u00"}}""",
        """{"update_id":1,"message":{"text":"\x41"}}""",
        """{"update_id":1,"message":{"text":"\uZZZZ"}}""",
    ]);

    /// <summary>A well-shaped update with bytes inside a string that are not UTF-8 (a stray continuation byte, 0xFF, a cut sequence).</summary>
    private byte[] InvalidUtf8()
    {
        var json = Encoding.UTF8.GetBytes("{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":5,\"type\":\"private\"},\"from\":{\"id\":5,\"is_bot\":false,\"first_name\":\"@\"},\"text\":\"/start\"}}");
        var at = Array.IndexOf(json, (byte)'@');
        byte[] bad = Pick<byte[]>([[0x80], [0xFF, 0xFE], [0xC3], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]]);
        return [.. json[..at], .. bad, .. json[(at + 1)..]];
    }

    private string Junk() => Pick(["", "null", "[]", "{}", "\"update\"", "42", "{\"update_id\":1}", "<xml/>", "\u00ff\u00fe", Huge(_random.Next(1, 3000))]);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
