using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Clinic.Api.Tests.Infrastructure.Fuzz;

/// <summary>
/// Requests an attacker or a broken client would send, built from an operation's own schema and then spoiled: wrong
/// types, nulls in lists, missing fields, huge numbers and strings, undefined enums, negative ids, invalid JSON, wrong
/// content types, dates at the ends of the calendar. Deterministic for a given <see cref="Random"/> seed.
/// </summary>
public sealed class HostileInputs(Random random, OpenApiOperations api, long telegramId, IReadOnlyList<long> knownIds)
{
    /// <summary>Stand-ins for JSON a <see cref="JsonNode"/> cannot hold (numbers beyond double), replaced in the text.</summary>
    private static readonly Dictionary<string, string> RawTokens = new()
    {
        ["\"\u0001huge-integer\""] = "123456789012345678901234567890",
        ["\"\u0001huge-exponent\""] = "1e400",
        ["\"\u0001negative-huge\""] = "-9223372036854775809",
        ["\"\u0001lone-surrogate\""] = "\"\\ud800x\"",
        ["\"\u0001nul\""] = "\"a\\u0000b\"",
    };

    private static readonly string[] ExtremeTimes =
    [
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "2026-06-02T10:00:00+14:00",
        "1970-01-01T00:00:00Z", "2026-02-30T10:00:00Z", "0001-01-01", "9999-12-31", "2026-06-03T10:00:00",
    ];

    private static readonly string[] BrokenJson =
        ["{", "}", "[", "{\"a\":", "nul", "{\"telegram_id\":1,}", "{'telegram_id':1}", "\u00ff\u00fe", "{\"a\":1}{\"b\":2}", "NaN", "{\"telegram_id\":01}"];

    private static readonly string[] OtherJson = ["null", "[]", "[null]", "\"text\"", "0", "-1", "true", "{}", "[{}]", "{\"\":null}"];

    private static readonly string[] Strings =
    [
        "", " ", "x", "0", "-1", "null", "ru", "nope", "0001-01-01", "9999-12-31", "2026-13-45", "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z", "2026-06-02T10:00:00+14:00", "00000000-0000-0000-0000-000000000000", "T-000001", "王 小明", "😀👍🏽",
        "अनीता", "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "\t\n", "ﷺ", "\u202e", "1e400",
    ];

    public string PathValue(OperationParameter parameter) => IsInteger(parameter.Schema) ? IntegerText() : random.Next(5) switch
    {
        0 => Guid.NewGuid().ToString(),
        1 => new string('a', random.Next(1, 3000)),
        _ => Uri.EscapeDataString(Pick(Strings) is { Length: > 0 } s ? s : "x"),
    };

    /// <summary>A query value, or null to leave the parameter out (even a required one, now and then).</summary>
    public string? QueryValue(OperationParameter parameter)
    {
        if (random.Next(parameter.Required ? 8 : 3) == 0)
            return null;
        if (parameter.Name == "telegram_id" && random.Next(2) == 0)
            return telegramId.ToString();
        if (IsInteger(parameter.Schema))
            return IntegerText();
        if (parameter.Name is "date" or "from" or "to" && random.Next(2) == 0)
            return Pick(["0001-01-01", "9999-12-31", "2026-06-03", "2026-02-30", "10000-01-01", "-0001-01-01", "2026-06-03T10:00"]);
        return random.Next(6) == 0 ? new string('я', random.Next(1000, 20_000)) : Pick(Strings);
    }

    public string HeaderValue() => random.Next(4) switch
    {
        0 => "",
        1 => new string('k', random.Next(100, 2000)),
        _ => Guid.NewGuid().ToString(),
    };

    /// <summary>A body for the operation's media type: usually its schema's shape, spoiled; sometimes no JSON at all.</summary>
    public HttpContent? Body(Operation operation) => operation.BodyType switch
    {
        null => random.Next(4) == 0 ? Json(Pick(OtherJson)) : null,
        "application/json" => JsonBody(operation.BodySchema),
        "multipart/form-data" => Multipart(),
        _ => Bytes(operation.BodyType),
    };

    private HttpContent? JsonBody(JsonNode? schema)
    {
        switch (random.Next(12))
        {
            case 0: return null;
            case 1: return Json(Pick(BrokenJson));
            case 2: return Json(Pick(OtherJson));
            case 3: return new StringContent(Sample(schema, 0)?.ToJsonString() ?? "{}", Encoding.UTF8, Pick(["text/plain", "application/xml", "application/x-www-form-urlencoded"]));
            case 4: return Json(new string('[', 200) + new string(']', 200));
            default:
                var body = Sample(schema, 0) ?? new JsonObject();
                for (var spoils = random.Next(1, 4); spoils > 0; spoils--)
                    body = Spoil(body, schema, 0);
                return Json(Raw(body.ToJsonString()));
        }
    }

    /// <summary>A plausible value for the schema: the registered patient's telegram_id, known ids, near-future times.</summary>
    private JsonNode? Sample(JsonNode? schema, int depth, string? name = null)
    {
        schema = api.Resolve(schema);
        if (schema is null || depth > 6)
            return null;
        if (schema["enum"] is JsonArray values)
            return values[random.Next(values.Count)]?.DeepClone();
        if (schema["oneOf"] is JsonArray options)
            return Sample(options.FirstOrDefault(o => o?["type"]?.ToString() != "null"), depth, name);
        if (name == "telegram_id")
            return telegramId;
        switch (TypeOf(schema))
        {
            case "object":
                var obj = new JsonObject();
                foreach (var (property, propertySchema) in schema["properties"]?.AsObject() ?? [])
                    obj[property] = Sample(propertySchema, depth + 1, property);
                return obj;
            case "array":
                return new JsonArray(Enumerable.Range(0, random.Next(1, 3)).Select(_ => Sample(schema["items"], depth + 1)).ToArray());
            case "integer":
                return name is not null && name.EndsWith("id", StringComparison.Ordinal) ? Pick(knownIds) : random.Next(0, 11);
            case "number":
                return random.NextDouble() * 10;
            case "boolean":
                return random.Next(2) == 0;
            default:
                return schema["format"]?.GetValue<string>() switch
                {
                    "date-time" => ClinicApp.Epoch.AddDays(2).AddHours(2).ToString("O"),
                    "date" => "2026-06-03",
                    "uuid" => Guid.NewGuid().ToString(),
                    _ => "text",
                };
        }
    }

    /// <summary>One defect somewhere in the value: a field removed, retyped, nulled, blown up; nested objects too.</summary>
    private JsonNode Spoil(JsonNode node, JsonNode? schema, int depth)
    {
        if (node is JsonArray array)
        {
            if (array.Count > 0 && array[random.Next(array.Count)] is JsonObject inner && random.Next(2) == 0)
                Spoil(inner, api.Resolve(schema)?["items"], depth + 1);
            else if (random.Next(3) == 0)
                array.Add(null);
            else
                for (var i = random.Next(500, 3000); i > 0; i--) array.Add(Pick(knownIds));
            return array;
        }
        if (node is not JsonObject obj || obj.Count == 0)
            return Bad() ?? new JsonArray((JsonNode?)null);
        var key = obj.ElementAt(random.Next(obj.Count)).Key;
        var propertySchema = api.Resolve(api.Resolve(schema)?["properties"]?[key]);
        switch (random.Next(5))
        {
            case 0:
                obj.Remove(key);
                break;
            case 1 when FormatOf(propertySchema) is "date-time" or "date":
                obj[key] = Pick(ExtremeTimes);
                break;
            case 1 when obj[key] is JsonObject or JsonArray && depth < 4:
                Spoil(obj[key]!, propertySchema, depth + 1);
                break;
            default:
                obj[key] = Bad();
                break;
        }
        return obj;
    }

    private JsonNode? Bad() => random.Next(16) switch
    {
        0 => null,
        1 => "text",
        2 => long.MaxValue,
        3 => long.MinValue,
        4 => -1,
        5 => 0,
        6 => 99,
        7 => 1.5,
        8 => true,
        9 => new JsonObject { ["a"] = null },
        10 => new JsonArray(null, 1, "x"),
        11 => new string('ж', random.Next(10_000, 200_000)),
        12 => Pick(Strings),
        13 => "\u0001huge-integer",
        14 => Pick(["\u0001huge-exponent", "\u0001negative-huge", "\u0001lone-surrogate", "\u0001nul"]),
        _ => double.MaxValue,
    };

    private HttpContent Multipart()
    {
        var form = new MultipartFormDataContent();
        if (random.Next(4) != 0)
        {
            var file = new ByteArrayContent(RandomBytes(random.Next(0, 4000), pdfHeader: random.Next(2) == 0));
            file.Headers.ContentType = new MediaTypeHeaderValue(Pick(["application/pdf", "image/png", "text/plain", "application/octet-stream"]));
            form.Add(file, Pick(["file", "file", "other"]), Pick(["a.pdf", "x", "../../x.pdf", new string('n', 3000) + ".png"]));
        }
        if (random.Next(4) != 0)
            form.Add(new StringContent(Pick(["lab_result", "visit_summary", "receipt", "99", "", "nope"])), "kind");
        if (random.Next(2) == 0)
            form.Add(new StringContent(Pick(Strings)), "title");
        if (random.Next(2) == 0)
            form.Add(new StringContent(IntegerText()), "appointment_id");
        return form;
    }

    private HttpContent Bytes(string mediaType)
    {
        var content = new ByteArrayContent(RandomBytes(random.Next(0, 6000), pdfHeader: random.Next(3) == 0));
        content.Headers.ContentType = new MediaTypeHeaderValue(random.Next(4) == 0 ? "application/json" : mediaType);
        return content;
    }

    private byte[] RandomBytes(int length, bool pdfHeader)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        if (pdfHeader && length >= 5)
            "%PDF-"u8.CopyTo(bytes);
        return bytes;
    }

    private string IntegerText() => random.Next(10) switch
    {
        < 3 => Pick(knownIds).ToString(),
        3 => "0",
        4 => "-1",
        5 => long.MaxValue.ToString(),
        6 => long.MinValue.ToString(),
        7 => "99999999999999999999",
        8 => "1.5",
        _ => Pick(["abc", "", "1e3", "0x10", "%20", "١٢"]),
    };

    private static string Raw(string json)
    {
        foreach (var (token, raw) in RawTokens)
            json = json.Replace(System.Text.Json.JsonSerializer.Serialize(token[1..^1]), raw);
        return json;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string? FormatOf(JsonNode? schema) => schema?["format"]?.GetValue<string>();

    private static bool IsInteger(JsonNode? schema) => TypeOf(schema) == "integer";

    private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
        JsonValue type => type.GetValue<string>(),
        _ => schema?["properties"] is not null ? "object" : null,
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
