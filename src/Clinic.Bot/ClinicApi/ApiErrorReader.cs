using System.Text.Json;
using Clinic.Contracts;

namespace Clinic.Bot.ClinicApi;

/// <summary>
/// Reads an error body in either shape the bot meets: this project's <c>{ "code", "message", "errors" }</c>, or Django REST
/// Framework's (the original API): <c>{ "detail": "…" }</c>, or field errors <c>{ "field": ["msg"] }</c>. A DRF answer has
/// no code, so its status stands for one.
/// </summary>
public static class ApiErrorReader
{
    /// <summary>The error, or null when the body is neither shape; <c>Ours</c> is true for this project's shape.</summary>
    public static (ApiError? Error, bool Ours) Read(byte[] content, int status)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                && code.GetString() is { Length: > 0 })
            {
                var error = root.Deserialize<ApiError>(ClinicJson.Options)!;
                return (error with { Message = error.Message ?? "" }, true);
            }

            return (ReadDjango(root, status), false);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }

    private static ApiError? ReadDjango(JsonElement root, int status)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            return new ApiError(CodeFor(status), detail.GetString()!);
        if (status != 400)
            return null;
        var errors = FieldErrors(root);
        return errors.Count == 0 ? null : new ApiError(ErrorCodes.ValidationFailed, errors.First().Value.FirstOrDefault() ?? "", errors);
    }

    /// <summary><c>{ "field": ["msg"] }</c> (a string for a single message), or a bare list as DRF writes non-field errors.</summary>
    private static Dictionary<string, string[]> FieldErrors(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Object => root.EnumerateObject()
            .Select(field => (field.Name, Messages: Messages(field.Value)))
            .Where(field => field.Messages.Length > 0)
            .ToDictionary(field => field.Name, field => field.Messages, StringComparer.Ordinal),
        JsonValueKind.Array when Messages(root) is { Length: > 0 } messages => new() { ["non_field_errors"] = messages },
        _ => [],
    };

    private static string[] Messages(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).ToArray(),
        _ => [],
    };

    /// <summary>
    /// DRF's statuses as this project's codes. A 409 from the original comes from its booking (the only conflict it has),
    /// so it is read as a taken slot.
    /// </summary>
    private static string CodeFor(int status) => status switch
    {
        400 => ErrorCodes.ValidationFailed,
        401 => ErrorCodes.Unauthorized,
        403 => ErrorCodes.Forbidden,
        404 or 405 => ErrorCodes.NotFound,
        409 => ErrorCodes.SlotTaken,
        429 => ErrorCodes.RateLimited,
        _ => ApiResultCodes.Unknown,
    };
}
