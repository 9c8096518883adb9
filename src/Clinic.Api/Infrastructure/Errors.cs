using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clinic.Api;

/// <summary>Builders for the one error shape, so endpoints read <c>Errors.NotFound("...")</c>.</summary>
public static class Errors
{
    public static BadRequest<ApiError> Validation(string field, string message) =>
        TypedResults.BadRequest(new ApiError(ErrorCodes.ValidationFailed, message, new Dictionary<string, string[]> { [field] = [message] }));

    public static BadRequest<ApiError> Validation(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.BadRequest(new ApiError(ErrorCodes.ValidationFailed, "Some fields are invalid.", errors));

    public static NotFound<ApiError> NotFound(string message, string code = ErrorCodes.NotFound) =>
        TypedResults.NotFound(new ApiError(code, message));

    public static Conflict<ApiError> Conflict(string code, string message) =>
        TypedResults.Conflict(new ApiError(code, message));

    public static JsonHttpResult<ApiError> TooManyRequests(string code, string message) =>
        TypedResults.Json(new ApiError(code, message), statusCode: StatusCodes.Status429TooManyRequests);
}

/// <summary>Collects field errors at the edge before any database work.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
