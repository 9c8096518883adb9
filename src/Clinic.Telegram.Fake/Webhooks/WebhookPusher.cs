using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using Clinic.Telegram.Fake.Api;

namespace Clinic.Telegram.Fake.Webhooks;

/// <summary>
/// Telegram's side of webhook mode: POSTs each pending update to the registered URL with the secret header
/// and re-sends the same update (same update_id) until the bot answers 2xx.
/// </summary>
internal sealed class WebhookPusher : IAsyncDisposable
{
    private const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private readonly FakeTelegramState _state;
    private readonly HttpClient _http;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationToken _stopping;
    private readonly Task _loop;

    public WebhookPusher(FakeTelegramState state, FakeTelegramOptions options, CancellationToken stopping)
    {
        _state = state;
        _stopping = stopping;
        var handler = options.WebhookHandlerFactory?.Invoke() ?? new SocketsHttpHandler { MaxConnectionsPerServer = 100 };
        _http = new HttpClient(handler) { Timeout = options.WebhookTimeout };
        _loop = Task.Run(RunAsync, CancellationToken.None);
    }

    public void Wake() => _wake.Writer.TryWrite(true);

    private async Task RunAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var (config, updates, nextRetryIn) = _state.TakeDeliverableUpdates();
            if (config is not null)
                foreach (var update in updates) _ = DeliverAsync(config, update);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
            wait.CancelAfter(nextRetryIn ?? TimeSpan.FromSeconds(1));
            try
            {
                await _wake.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Woken by the retry timer or stopping: the loop condition tells which.
            }
        }
    }

    private async Task DeliverAsync(FakeTelegramState.WebhookConfig config, PendingUpdate update)
    {
        string? error;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, config.Url);
            request.Content = new StringContent(update.Json.ToJsonString(TelegramJson.WriteOptions), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            if (config.SecretToken is not null) request.Headers.Add(SecretHeader, config.SecretToken);
            using var response = await _http.SendAsync(request, _stopping);
            error = response.IsSuccessStatusCode ? null : $"Wrong response from the webhook: {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            error = exception is TaskCanceledException ? "Read timeout expired" : "Connection refused";
        }
        _state.CompleteDelivery(update, error);
    }

    public async ValueTask DisposeAsync()
    {
        _wake.Writer.TryComplete();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping is the normal way out.
        }
        catch (ChannelClosedException)
        {
            // Completed the channel ourselves.
        }
        _http.Dispose();
    }
}
