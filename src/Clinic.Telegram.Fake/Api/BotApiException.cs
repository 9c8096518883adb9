namespace Clinic.Telegram.Fake.Api;

/// <summary>An error answered in Telegram's envelope: {"ok":false,"error_code":...,"description":...}.</summary>
internal sealed class BotApiException(int errorCode, string description, int? retryAfter = null)
    : Exception(description)
{
    public int ErrorCode { get; } = errorCode;
    public string Description { get; } = description;
    public int? RetryAfter { get; } = retryAfter;

    public static BotApiException BadRequest(string detail) => new(400, "Bad Request: " + detail);
    public static BotApiException ChatNotFound() => BadRequest("chat not found");
    public static BotApiException Blocked() => new(403, "Forbidden: bot was blocked by the user");
    public static BotApiException Conflict(string detail) => new(409, "Conflict: " + detail);
    public static BotApiException TooManyRequests(int retryAfter) =>
        new(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
}
