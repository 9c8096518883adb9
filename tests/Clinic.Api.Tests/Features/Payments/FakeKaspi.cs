using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Api.Tests.Features.Payments;

/// <summary>
/// A local stand-in for Kaspi's partner QR API on a real port: the envelope <c>{StatusCode, Message, Data}</c>, the
/// scheme's path prefix, payments that a test moves through Kaspi's statuses, and failure modes (HTTP errors, a
/// non-zero StatusCode, no answer in time).
/// </summary>
public sealed class FakeKaspi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<long, string> _statuses = new();
    private long _nextId = 5_000_000;

    public ConcurrentQueue<(string Path, Dictionary<string, string> Headers, JsonNode? Body)> Requests { get; } = new();
    /// <summary>When set, every request is answered with this HTTP status and no envelope.</summary>
    public int? FailWithHttpStatus { get; set; }
    /// <summary>When set, every request is answered with this non-zero StatusCode.</summary>
    public int? RefuseWithStatusCode { get; set; }
    /// <summary>When set, every request waits this long before answering.</summary>
    public TimeSpan? Delay { get; set; }
    private int _failuresLeft;
    private int _slowLeft;
    private TimeSpan _slowDelay;
    public Uri BaseUrl { get; private set; } = null!;

    private FakeKaspi(WebApplication app) => _app = app;

    public static async Task<FakeKaspi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeKaspi(builder.Build());
        fake.Map();
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address + "/");
        return fake;
    }

    public void SetStatus(long paymentId, string status) => _statuses[paymentId] = status;

    /// <summary>The next <paramref name="requests"/> requests are answered HTTP 503 with no envelope; then the fake answers normally again.</summary>
    public void FailNext(int requests) => Volatile.Write(ref _failuresLeft, requests);

    /// <summary>The next <paramref name="requests"/> requests wait <paramref name="delay"/> before answering; then the fake answers at once again.</summary>
    public void SlowNext(int requests, TimeSpan delay)
    {
        _slowDelay = delay;
        Volatile.Write(ref _slowLeft, requests);
    }

    private static bool TakeOne(ref int left)
    {
        for (var seen = Volatile.Read(ref left); seen > 0; seen = Volatile.Read(ref left))
        {
            if (Interlocked.CompareExchange(ref left, seen - 1, seen) == seen)
                return true;
        }
        return false;
    }

    private readonly ConcurrentDictionary<long, bool> _returned = new();

    private void Map()
    {
        _app.MapPost("/r3/v01/qr/create", async (HttpContext http, CancellationToken _) => await Answer(http, body =>
        {
            var id = Interlocked.Increment(ref _nextId);
            _statuses[id] = "QrTokenCreated";
            return new JsonObject { ["QrToken"] = $"https://qr.kaspi.kz/{id}", ["ExpireDate"] = "2026-06-01T08:10:00+05:00", ["QrPaymentId"] = id };
        }));
        _app.MapPost("/r3/v01/qr/create-link", async (HttpContext http, CancellationToken _) => await Answer(http, body =>
        {
            var id = Interlocked.Increment(ref _nextId);
            _statuses[id] = "QrTokenCreated";
            return new JsonObject { ["PaymentLink"] = $"https://pay.kaspi.kz/pay/{id}", ["ExpireDate"] = "2026-06-01T08:10:00+05:00", ["PaymentId"] = id };
        }));
        _app.MapPost("/r3/v01/payment/return", async (HttpContext http, CancellationToken _) => await Answer(http, body =>
        {
            // Money goes back once, and only from a processed payment.
            var id = (long?)body?["QrPaymentId"] ?? 0;
            if (!_statuses.TryGetValue(id, out var status) || status != "Processed" || !_returned.TryAdd(id, true))
                return null;
            return new JsonObject { ["ReturnOperationId"] = 7_000_000 + id };
        }));
        _app.MapGet("/r3/v01/payment/status/{id:long}", async (HttpContext http, long id) => await Answer(http, _ =>
            _statuses.TryGetValue(id, out var status) ? new JsonObject { ["Status"] = status, ["TransactionId"] = 42 } : null));
    }

    private async Task<IResult> Answer(HttpContext http, Func<JsonNode?, JsonObject?> data)
    {
        var body = http.Request.HasJsonContentType() ? await JsonNode.ParseAsync(http.Request.Body) : null;
        // Copied: the server reuses a request's header collection once the request is over.
        Requests.Enqueue((http.Request.Path, http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
        if (Delay is { } delay)
            await Task.Delay(delay, http.RequestAborted);
        if (TakeOne(ref _slowLeft))
            await Task.Delay(_slowDelay, http.RequestAborted);
        if (FailWithHttpStatus is { } code)
            return Results.StatusCode(code);
        if (TakeOne(ref _failuresLeft))
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        if (RefuseWithStatusCode is { } refused)
            return Results.Json(new JsonObject { ["StatusCode"] = refused, ["Message"] = "Устройство не найдено" });
        var payload = data(body);
        return payload is null
            ? Results.Json(new JsonObject { ["StatusCode"] = -1501, ["Message"] = "Платёж не найден" })
            : Results.Json(new JsonObject { ["StatusCode"] = 0, ["Message"] = "OK", ["Data"] = payload });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
