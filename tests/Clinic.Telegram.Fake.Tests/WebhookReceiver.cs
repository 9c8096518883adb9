using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Clinic.Telegram.Fake.Tests;

/// <summary>A tiny bot-side webhook endpoint: records every delivery and fails the first N on purpose.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Delivery(Update Update, string? Secret);

    private readonly WebApplication _app;
    private readonly Channel<Delivery> _deliveries = Channel.CreateUnbounded<Delivery>();
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app, int failFirst)
    {
        _app = app;
        _failuresLeft = failFirst;
    }

    public string Url { get; private set; } = string.Empty;

    public static async Task<WebhookReceiver> StartAsync(int failFirst, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failFirst);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            var update = await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options);
            await receiver._deliveries.Writer.WriteAsync(new Delivery(update!, request.Headers["X-Telegram-Bot-Api-Secret-Token"]));
            return Interlocked.Decrement(ref receiver._failuresLeft) >= 0 ? Results.StatusCode(500) : Results.Ok();
        });
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    public async Task<Delivery> NextAsync(CancellationToken ct) =>
        await _deliveries.Reader.ReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
