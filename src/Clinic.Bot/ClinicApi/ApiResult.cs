using Clinic.Contracts;

namespace Clinic.Bot.ClinicApi;

/// <summary>
/// The outcome of one call to the clinic API. A refusal (4xx) carries the API's error code;
/// <see cref="IsUnavailable"/> means no usable answer (connection failure, timeout or 5xx),
/// so the flow should keep its state and ask the user to try again.
/// </summary>
public sealed record ApiResult<T>(T? Value, ApiError? Error, int StatusCode)
{
    /// <summary>The status used when no HTTP answer came back at all.</summary>
    public const int NoResponse = 0;

    public bool IsSuccess => Error is null && StatusCode is >= 200 and < 300;

    public bool IsUnavailable => StatusCode == NoResponse || StatusCode >= 500;

    /// <summary>The API's error code ("slot_taken"), <see cref="ApiResultCodes.Unavailable"/>, or null on success.</summary>
    public string? ErrorCode => Error?.Code;

    public static ApiResult<T> Success(T value, int statusCode = 200) => new(value, null, statusCode);

    public static ApiResult<T> Failure(ApiError error, int statusCode) => new(default, error, statusCode);

    public static ApiResult<T> Unavailable(string reason, int statusCode = NoResponse) =>
        new(default, new ApiError(ApiResultCodes.Unavailable, reason), statusCode);
}

/// <summary>Codes the client produces itself, next to the API's own <see cref="ErrorCodes"/>.</summary>
public static class ApiResultCodes
{
    /// <summary>No answer, a timeout, or a 5xx without a readable error body.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>An answer the client could not read (not JSON, or not the error shape).</summary>
    public const string Unknown = "unknown";

    /// <summary>The locale key that explains <paramref name="error"/> to the user ("errors.slot_taken"), "errors.unknown" for codes the bot does not know.</summary>
    public static string LocaleKey(ApiError? error) =>
        error is not null && KnownCodes.Contains(error.Code) ? $"errors.{error.Code}" : $"errors.{Unknown}";

    /// <summary>Every code the locale files explain.</summary>
    public static IReadOnlySet<string> KnownCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ErrorCodes.Unauthorized, ErrorCodes.Forbidden, ErrorCodes.ValidationFailed, ErrorCodes.InvalidJson,
        ErrorCodes.NotFound, ErrorCodes.PatientNotFound, ErrorCodes.SlotTaken, ErrorCodes.SlotUnavailable,
        ErrorCodes.PatientOverlap, ErrorCodes.TooLate, ErrorCodes.NotChangeable, ErrorCodes.HoldExpired,
        ErrorCodes.ConsentRequired, ErrorCodes.IinTaken, ErrorCodes.IdempotencyConflict, ErrorCodes.Internal,
        Unavailable, Unknown,
    };
}
