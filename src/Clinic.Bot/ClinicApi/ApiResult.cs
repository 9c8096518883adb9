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

    /// <summary>The API has no route for this (the original Django API): the feature is not offered by this clinic.</summary>
    public const string NotOffered = "not_offered";

    /// <summary>An answer the client could not read (not JSON, or not the error shape).</summary>
    public const string Unknown = "unknown";

    /// <summary>The locale key that explains <paramref name="error"/> to the user ("errors.slot_taken"), "errors.unknown" for codes the bot does not know.</summary>
    public static string LocaleKey(ApiError? error) =>
        error is not null && KnownCodes.Contains(error.Code) ? $"errors.{error.Code}" : $"errors.{Unknown}";

    /// <summary>
    /// Every code the locale files explain: all of the API's <see cref="ErrorCodes"/> (the locale tests hold each to a text
    /// in every language) and the client's own.
    /// </summary>
    public static IReadOnlySet<string> KnownCodes { get; } = typeof(ErrorCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Append(Unavailable).Append(Unknown).Append(NotOffered)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A failure the user should hear the reason of even though the API answered 5xx: a 503 that names what is down
    /// (<c>payment_provider_unavailable</c>) says more than "try again later".
    /// </summary>
    public static bool IsSpecific(string? code) =>
        code is not null && KnownCodes.Contains(code) && code is not (Unavailable or Unknown or ErrorCodes.Internal);
}
