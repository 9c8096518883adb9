using System.Net.Http.Headers;
using System.Text.Json;
using Clinic.Contracts;
using Polly;

namespace Clinic.Bot.ClinicApi;

/// <summary>Sending requests and turning every kind of answer into an <see cref="ApiResult{T}"/>.</summary>
public sealed partial class ClinicApiClient
{
    // Enough of an unexpected body to recognise it in a log, not enough to flood it.
    private const int MaxEchoedBodyLength = 200;

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private Task<ApiResult<T>> Get<T>(string path, CancellationToken ct) => Send<T>(HttpMethod.Get, path, body: null, idempotencyKey: null, ct);

    private async Task<ApiResult<T>> Send<T>(HttpMethod method, string path, object? body, string? idempotencyKey, CancellationToken ct,
        TimeSpan? attemptTimeout = null)
    {
        // Routes start with "/"; relative to the base address they keep any path prefix the base URL has.
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (attemptTimeout is { } limit)
            request.Options.Set(ClinicApiResilience.AttemptTimeoutOption, limit);
        if (body is not null)
        {
            // Serialized to bytes once so a retry can send the same content again.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ClinicJson.Options));
            request.Content.Headers.ContentType = JsonMediaType;
        }
        // Without the header the request is also not retried: only an API known to honour the key may see it twice.
        if (idempotencyKey is not null && (capabilities?.HonoursIdempotencyKeys ?? true))
            request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var status = (int)response.StatusCode;
            var content = await response.Content.ReadAsByteArrayAsync(ct);
            return response.IsSuccessStatusCode ? ReadValue<T>(content, status) : ReadError<T>(request, content, status, response.ReasonPhrase);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return ApiResult<T>.Unavailable("The clinic API did not answer in time.");
        }
        catch (HttpRequestException error)
        {
            return ApiResult<T>.Unavailable($"The clinic API could not be reached: {error.HttpRequestError}.");
        }
        catch (ExecutionRejectedException rejected)
        {
            return ApiResult<T>.Unavailable(ClinicApiResilience.Describe(rejected));
        }
    }

    private static ApiResult<T> ReadValue<T>(byte[] content, int status)
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(content, ClinicJson.Options);
            if (value is not null)
                return ApiResult<T>.Success(value, status);
        }
        catch (JsonException)
        {
            // Falls through to the "unknown" result below.
        }
        return ApiResult<T>.Failure(new ApiError(ApiResultCodes.Unknown, $"HTTP {status} with an unreadable body: {Echo(content)}"), status);
    }

    private ApiResult<T> ReadError<T>(HttpRequestMessage request, byte[] content, int status, string? reason)
    {
        var (error, ours) = ApiErrorReader.Read(content, status);
        if (capabilities?.LearnFromAnswer(request.Method, request.RequestUri!.OriginalString, status, ours) == true)
            return ApiResult<T>.Failure(new ApiError(ApiResultCodes.NotOffered, $"HTTP {status}: the clinic API has no such route"), status);
        if (error is not null && (ours || status < 500))
            return ApiResult<T>.Failure(error, status);
        // Not an error shape the bot knows (a proxy's HTML page, say): described below.
        var message = $"HTTP {status} {reason}: {Echo(content)}".TrimEnd(' ', ':');
        return status >= 500
            ? ApiResult<T>.Unavailable(message, status)
            : ApiResult<T>.Failure(new ApiError(ApiResultCodes.Unknown, message), status);
    }

    private static string Echo(byte[] content)
    {
        var text = System.Text.Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, MaxEchoedBodyLength * 4));
        return text.Length <= MaxEchoedBodyLength ? text : text[..MaxEchoedBodyLength] + "…";
    }
}
