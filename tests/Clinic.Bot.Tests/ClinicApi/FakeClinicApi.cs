using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Clinic.Bot.ClinicApi;
using Clinic.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.ClinicApi;

/// <summary>A real HTTP server on 127.0.0.1 that records what the client sent and answers as each test tells it.</summary>
public sealed class FakeClinicApi : IAsyncDisposable
{
    public const string Secret = "test-secret";

    private readonly WebApplication _app;

    private FakeClinicApi(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers a request; the number is the attempt (1 for the first request the server sees).</summary>
    public Func<HttpContext, int, Task> Respond { get; set; } = (context, _) => Json(context, 200, new { });

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeClinicApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeClinicApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseAddress = new Uri(app.Urls.Single());
        return fake;
    }

    /// <summary>
    /// The client as the bot registers it: DI, Bearer secret, timeouts, retries and circuit breaker (the bot's own unless
    /// <paramref name="resilience"/> is given), on <paramref name="clock"/> when given, logging to <paramref name="logs"/>.
    /// </summary>
    public ClinicApiClient CreateClient(string? baseUrl = null, ClinicApiResilience? resilience = null, TimeProvider? clock = null,
        ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        if (clock is not null)
            services.AddSingleton(clock);
        if (logs is not null)
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        return services
            .AddClinicApiClient(baseUrl ?? BaseAddress.ToString(), Secret, resilience)
            .BuildServiceProvider()
            .GetRequiredService<ClinicApiClient>();
    }

    /// <summary>The same client learning what the API offers into <paramref name="capabilities"/>, as the bot's is.</summary>
    public ClinicApiClient CreateClient(ApiCapabilities capabilities) =>
        new ServiceCollection()
            .AddSingleton(capabilities)
            .AddClinicApiClient(BaseAddress.ToString(), Secret)
            .BuildServiceProvider()
            .GetRequiredService<ClinicApiClient>();

    /// <summary>A port nothing listens on, for "connection refused".</summary>
    public static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Task Json(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, ClinicJson.Options));
    }

    public static Task Text(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            context.Request.Headers.Authorization.ToString(),
            context.Request.Headers[ClinicApiClient.IdempotencyKeyHeader].ToString(),
            context.Request.ContentType,
            body);
        Requests.Enqueue(request);
        await Respond(context, Requests.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    string Authorization,
    string IdempotencyKey,
    string? ContentType,
    string Body);
