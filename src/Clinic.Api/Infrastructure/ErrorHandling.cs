using System.Text.Json;
using System.Text.RegularExpressions;
using Clinic.Contracts;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Clinic.Api;

/// <summary>
/// Turns every failure outside an endpoint's own typed results into the API's error JSON:
/// binding failures (malformed JSON, wrong types, missing parameters) as 400, unknown routes as 404,
/// and anything unexpected as a logged 500.
/// </summary>
public static partial class ErrorHandling
{
    public static IServiceCollection AddClinicErrorHandling(this IServiceCollection services)
    {
        // Binding failures throw instead of answering an empty 400, so they get the same JSON shape.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseClinicErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            // A client's bad request is answered, not an incident: only real failures are logged as errors.
            SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
            ExceptionHandler = WriteExceptionAsync,
        });
        app.UseStatusCodePages(context => WriteStatusAsync(context.HttpContext));
        return app;
    }

    private static Task WriteExceptionAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        ApiError error;
        if (exception is BadHttpRequestException bad)
        {
            context.Response.StatusCode = bad.StatusCode;
            error = Describe(bad);
        }
        else
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Clinic.Api.Errors");
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            error = new ApiError(ErrorCodes.Internal, "Something went wrong on our side. Please try again later.");
        }
        return WriteAsync(context, error);
    }

    /// <summary>Binding failures in the client's terms: which field, and what is wrong with it.</summary>
    private static ApiError Describe(BadHttpRequestException bad)
    {
        if (FindJsonException(bad) is ContractViolationException violation)
            return new ApiError(ErrorCodes.ValidationFailed, $"{violation.Field}: {violation.Problem}",
                new Dictionary<string, string[]> { [violation.Field] = [violation.Problem] });
        if (FindJsonException(bad) is { } json)
            return new ApiError(ErrorCodes.InvalidJson, "The request body is not valid JSON for this endpoint.",
                json.Path is { Length: > 1 } path ? new Dictionary<string, string[]> { [path.TrimStart('$', '.')] = ["Has the wrong type or format."] } : null);
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return new ApiError(ErrorCodes.InvalidJson, "Send the body as application/json.");
        if (bad.Message.Contains("no body was provided", StringComparison.Ordinal))
            return new ApiError(ErrorCodes.InvalidJson, "A JSON request body is required.");
        if (BindingFailure().Match(bad.Message) is { Success: true } wrong)
            return FieldError(wrong.Groups["name"].Value, "Has the wrong type or format.");
        if (MissingParameter().Match(bad.Message) is { Success: true } missing)
            return FieldError(missing.Groups["name"].Value, "Required.");
        return new ApiError(ErrorCodes.ValidationFailed, "The request is not valid.");
    }

    private static ApiError FieldError(string parameter, string problem)
    {
        var field = JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter);
        return new ApiError(ErrorCodes.ValidationFailed, $"{field}: {problem}", new Dictionary<string, string[]> { [field] = [problem] });
    }

    [GeneratedRegex("""^Failed to bind parameter "\S+ (?<name>\w+)" from""")]
    private static partial Regex BindingFailure();

    [GeneratedRegex("""^Required parameter "\S+ (?<name>\w+)" was not provided""")]
    private static partial Regex MissingParameter();

    private static JsonException? FindJsonException(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is JsonException json)
                return json;
        return null;
    }

    private static Task WriteStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var error = status switch
        {
            StatusCodes.Status404NotFound => new ApiError(ErrorCodes.NotFound, "No such route."),
            StatusCodes.Status405MethodNotAllowed => new ApiError("method_not_allowed", "This route does not accept that method."),
            StatusCodes.Status401Unauthorized => new ApiError(ErrorCodes.Unauthorized, "Missing or wrong bearer token."),
            StatusCodes.Status415UnsupportedMediaType => new ApiError(ErrorCodes.InvalidJson, "Send the body as application/json."),
            _ => new ApiError("http_" + status, "The request could not be processed."),
        };
        return WriteAsync(context, error);
    }

    public static Task WriteAsync(HttpContext context, ApiError error)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return context.Response.WriteAsJsonAsync(error, options, contentType: "application/json; charset=utf-8");
    }
}
