using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Clinic.Telegram.Fake.Api;

/// <summary>A file part of a multipart request.</summary>
internal sealed record UploadedFile(string FileName, string? ContentType, byte[] Content);

/// <summary>
/// The parameters of one Bot API call, read the way Telegram reads them: from the query string,
/// a JSON body, an urlencoded form or multipart/form-data (where objects arrive as JSON strings).
/// </summary>
internal sealed class BotApiRequest
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UploadedFile> _files = new(StringComparer.Ordinal);

    public static async Task<BotApiRequest> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        var request = new BotApiRequest();
        foreach (var (key, value) in http.Query)
            request._values[key] = JsonValue.Create(value.ToString());

        if (http.HasJsonContentType())
            await request.ReadJsonAsync(http, ct);
        else if (http.HasFormContentType)
            await request.ReadFormAsync(http, ct);
        return request;
    }

    private async Task ReadJsonAsync(HttpRequest http, CancellationToken ct)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            throw BotApiException.BadRequest("can't parse JSON encoded request body");
        }
        if (body is null) return;
        if (body is not JsonObject fields)
            throw BotApiException.BadRequest("JSON encoded request body must be an object");
        foreach (var (key, value) in fields)
            _values[key] = value?.DeepClone();
    }

    private async Task ReadFormAsync(HttpRequest http, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await http.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new BotApiException(413, "Request Entity Too Large");
        }
        catch (Exception error) when (error is InvalidDataException or BadHttpRequestException or IOException)
        {
            throw BotApiException.BadRequest("can't parse request body");
        }
        foreach (var (key, value) in form)
            _values[key] = JsonValue.Create(value.ToString());
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            _files[file.Name] = new UploadedFile(file.FileName, file.ContentType, buffer.ToArray());
        }
    }

    public bool Has(string name) => _values.ContainsKey(name) || _files.ContainsKey(name);

    public string? String(string name)
    {
        if (!_values.TryGetValue(name, out var node) || node is null) return null;
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();
    }

    public string RequiredString(string name) =>
        String(name) is { Length: > 0 } text ? text : throw BotApiException.BadRequest($"{name} is empty");

    public long? Long(string name)
    {
        var text = String(name);
        if (string.IsNullOrEmpty(text)) return null;
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw BotApiException.BadRequest($"field \"{name}\" must be of type Integer");
    }

    public int? Int(string name) => Long(name) is { } number ? checked((int)number) : null;

    public bool Bool(string name) => String(name) is { } text && (text == "true" || text == "1" || text == "True");

    /// <summary>An object parameter: a JSON value in JSON bodies, a JSON-encoded string in forms.</summary>
    public JsonNode? Json(string name)
    {
        if (!_values.TryGetValue(name, out var node) || node is null) return null;
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                throw BotApiException.BadRequest($"can't parse {name} JSON object");
            }
        }
        return node;
    }

    /// <summary>A file sent as a multipart part named like the parameter or referenced as attach://part.</summary>
    public UploadedFile? File(string name)
    {
        if (_files.TryGetValue(name, out var file)) return file;
        var text = String(name);
        if (text is not null && text.StartsWith("attach://", StringComparison.Ordinal)
            && _files.TryGetValue(text["attach://".Length..], out var attached))
            return attached;
        return null;
    }
}
