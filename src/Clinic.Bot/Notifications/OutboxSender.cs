using System.Net;
using System.Threading.Channels;
using Clinic.Bot.ClinicApi;
using Clinic.Bot.Configuration;
using Clinic.Bot.Localization;
using Clinic.Contracts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Clinic.Bot.Notifications;

/// <summary>
/// Sends the clinic's outbox: leases due rows from the API, renders each with the <see cref="IOutboxRenderer"/> of its kind
/// in the patient's language, sends under <see cref="OutboxRateLimiter"/> and reports every result right after its send.
/// On <c>429</c> everything pauses for <c>retry_after</c> and the message is tried again; <c>403</c> is reported as blocked;
/// network and server failures (a renderer throws <see cref="HttpRequestException"/> when the clinic API is unavailable) go back
/// to the API, which retries them later with a backoff; a row a renderer cannot render (any other exception) fails permanently.
/// On shutdown the messages already handed to Telegram are finished and reported; the rest are released unsent.
/// </summary>
public sealed class OutboxSender(
    IServiceProvider services, BotOptions options, Localizer localizer, IHttpClientFactory httpClients,
    IEnumerable<IOutboxRenderer> renderers, OutboxRateLimiter limiter, ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>
    /// The sender's own client, without the library's automatic "retry after" (which would wait one request and let the
    /// others run into the same limit): a 429 reaches the sender, which pauses every send.
    /// </summary>
    private readonly ITelegramBotClient _bot = new TelegramBotClient(
        new TelegramBotClientOptions(options.TelegramBotToken, options.TelegramApiUrl.ToString().TrimEnd('/')) { RetryCount = 0 },
        httpClients.CreateClient("telegram"));

    public static readonly TimeSpan IdleDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan ApiDownDelay = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);
    private const int MaxFloodRetries = 10;

    private readonly Dictionary<string, IOutboxRenderer> _renderers = renderers.ToDictionary(r => r.Kind, StringComparer.Ordinal);
    private readonly int _maxRate = Math.Max(options.OutboxRatePerSecond, options.OutboxPaidBroadcast ? options.OutboxPaidRatePerSecond : 0);
    private long _sent;
    private long _tooManyRequests;

    /// <summary>Messages sent since start (for the logs and tests).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Telegram's <c>429</c> answers seen since start.</summary>
    public long TooManyRequests => Interlocked.Read(ref _tooManyRequests);

    /// <summary>Rows asked for per claim: about two seconds of sending.</summary>
    private int BatchSize => Math.Clamp(_maxRate * 2, 10, 500);

    /// <summary>
    /// Sends in flight at once. Each worker waits for its turn and sends before taking the next row, so keeping the rate
    /// needs rate × send time of them (Little's law): three seconds' worth leaves room for a slow Telegram, for chats
    /// waiting their one-second turn and for reports falling behind for a moment.
    /// </summary>
    private int Workers => Math.Clamp(_maxRate * 3, 8, 3000);

    /// <summary>Results reported at once: a few, since every report is a write the API's database takes one at a time.</summary>
    private int Reporters => Math.Clamp(_maxRate / 16, 4, 32);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Room for two claims, so the next claim is asked for while the last one is still being sent.
        var queue = Channel.CreateBounded<Leased>(new BoundedChannelOptions(BatchSize * 2) { SingleWriter = true });
        // Sent, not yet reported: at most one claim's worth, so a crash can repeat little more than that.
        var results = Channel.CreateBounded<(Leased Leased, OutboxResultRequest Result)>(new BoundedChannelOptions(BatchSize));
        var reporters = Enumerable.Range(0, Reporters).Select(_ => Task.Run(() => ReportLoopAsync(results.Reader), CancellationToken.None)).ToList();
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(queue.Reader, results.Writer, stoppingToken), CancellationToken.None)).ToList();
        try
        {
            await ClaimLoopAsync(queue.Writer, stoppingToken);
        }
        finally
        {
            queue.Writer.TryComplete();
            await Task.WhenAll(workers);
            results.Writer.TryComplete();
            await Task.WhenAll(reporters);
        }
    }

    private async Task ClaimLoopAsync(ChannelWriter<Leased> queue, CancellationToken stoppingToken)
    {
        var leaseSeconds = (int)Math.Clamp(60 + 4.0 * BatchSize / options.OutboxRatePerSecond, 60, 3600);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Not cancelled by shutdown: rows the API leased are then released below instead of waiting out their lease.
            var claim = await Api().ClaimOutbox(new OutboxClaimRequest(BatchSize, leaseSeconds), CancellationToken.None);

            if (!claim.IsSuccess)
            {
                logger.LogWarning("Outbox claim failed: {Code} {Message}", claim.ErrorCode, claim.Error?.Message);
                if (!await DelayAsync(ApiDownDelay, stoppingToken)) return;
                continue;
            }

            var items = claim.Value!.Items;
            if (items.Count == 0)
            {
                if (!await DelayAsync(IdleDelay, stoppingToken)) return;
                continue;
            }

            for (var i = 0; i < items.Count; i++)
            {
                var leased = new Leased(claim.Value.LeaseId, items[i]);
                try
                {
                    await queue.WriteAsync(leased, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    // Stopping: what this claim took but nobody will send goes back now, not when the lease runs out.
                    foreach (var rest in items.Skip(i))
                        await ReportAsync(new Leased(claim.Value.LeaseId, rest), new OutboxResultRequest(claim.Value.LeaseId, OutboxOutcome.Released));
                    return;
                }
            }
        }
    }

    private async Task WorkAsync(ChannelReader<Leased> queue, ChannelWriter<(Leased, OutboxResultRequest)> results, CancellationToken stoppingToken)
    {
        await foreach (var leased in queue.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                var result = stoppingToken.IsCancellationRequested
                    ? new OutboxResultRequest(leased.LeaseId, OutboxOutcome.Released)
                    : await SendAsync(leased, stoppingToken);
                // The report goes to the reporters, so the next send need not wait for the API's write.
                await results.WriteAsync((leased, result), CancellationToken.None);
            }
            catch (Exception error)
            {
                logger.LogError(error, "Outbox message {Id} could not be handled", leased.Item.Id);
            }
        }
    }

    private async Task ReportLoopAsync(ChannelReader<(Leased Leased, OutboxResultRequest Result)> results)
    {
        await foreach (var (leased, result) in results.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await ReportAsync(leased, result);
            }
            catch (Exception error)
            {
                logger.LogError(error, "The result of outbox message {Id} could not be reported", leased.Item.Id);
            }
        }
    }

    /// <summary>One message: wait for its turn, render and send it; the answer is what to report.</summary>
    private async Task<OutboxResultRequest> SendAsync(Leased leased, CancellationToken stoppingToken)
    {
        var item = leased.Item;
        var lease = leased.LeaseId;
        if (!_renderers.TryGetValue(item.Kind, out var renderer))
            return new OutboxResultRequest(lease, OutboxOutcome.Failed, Error: $"No renderer is registered for the kind '{item.Kind}'.", Permanent: true);

        var paid = options.OutboxPaidBroadcast && item.Kind == OutboxKinds.Broadcast;
        for (var flood = 0; ; flood++)
        {
            try
            {
                await limiter.WaitAsync(item.TelegramId, paid, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return new OutboxResultRequest(lease, OutboxOutcome.Released);
            }

            try
            {
                return await SendOnceAsync(renderer, item, lease, paid);
            }
            catch (ApiRequestException error) when (error.ErrorCode == (int)HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref _tooManyRequests);
                var retryAfter = TimeSpan.FromSeconds(Math.Max(1, error.Parameters?.RetryAfter ?? 1));
                limiter.Pause(retryAfter);
                logger.LogWarning("Telegram asked to slow down: pausing the outbox for {Seconds} s", retryAfter.TotalSeconds);
                if (flood >= MaxFloodRetries)
                    return new OutboxResultRequest(lease, OutboxOutcome.Failed, Error: error.Message, RetryAfterSeconds: (int)retryAfter.TotalSeconds);
            }
            finally
            {
                limiter.Completed(item.TelegramId);
            }
        }
    }

    /// <summary>One try at Telegram; a <c>429</c> escapes to the caller, which pauses and tries again.</summary>
    private async Task<OutboxResultRequest> SendOnceAsync(IOutboxRenderer renderer, OutboxItemDto item, Guid lease, bool paid)
    {
        try
        {
            // Once its turn came, a message is finished even while the host stops: Telegram may already have it.
            using var timeout = new CancellationTokenSource(SendTimeout);
            var send = new OutboxSend(item, localizer.For(item.Language), _bot, services, paid);
            var messageId = await renderer.SendAsync(send, timeout.Token);
            Interlocked.Increment(ref _sent);
            return new OutboxResultRequest(lease, OutboxOutcome.Sent, TelegramMessageId: messageId);
        }
        catch (ApiRequestException error) when (error.ErrorCode == (int)HttpStatusCode.TooManyRequests)
        {
            throw; // the caller pauses everything and tries again
        }
        catch (ApiRequestException error) when (error.ErrorCode == (int)HttpStatusCode.Forbidden)
        {
            return new OutboxResultRequest(lease, OutboxOutcome.Blocked, Error: error.Message);
        }
        catch (ApiRequestException error) when (error.ErrorCode == (int)HttpStatusCode.BadRequest)
        {
            // Telegram refuses the message itself (chat not found, bad markup): sending it again cannot help.
            logger.LogWarning("Telegram refused outbox message {Id} ({Kind}): {Error}", item.Id, item.Kind, error.Message);
            return new OutboxResultRequest(lease, OutboxOutcome.Failed, Error: error.Message, Permanent: true);
        }
        catch (OutboxSkipException skip)
        {
            return new OutboxResultRequest(lease, OutboxOutcome.Cancelled, Error: skip.Message);
        }
        catch (Exception error) when (error is RequestException or HttpRequestException or OperationCanceledException)
        {
            // Telegram or the network failed for now: the API plans another attempt after a backoff.
            logger.LogWarning("Outbox message {Id} failed for now: {Error}", item.Id, error.Message);
            return new OutboxResultRequest(lease, OutboxOutcome.Failed, Error: error.Message);
        }
        catch (Exception error)
        {
            // The renderer cannot build this row (bad payload, a visit or ticket the patient cannot see): the same row would
            // fail the same way every time, so it fails for good instead of coming back until its attempts run out.
            logger.LogError(error, "The {Kind} renderer failed for outbox message {Id}", item.Kind, item.Id);
            return new OutboxResultRequest(lease, OutboxOutcome.Failed, Error: $"{error.GetType().Name}: {error.Message}", Permanent: true);
        }
    }

    /// <summary>Reports a result; a report is idempotent, so a lost answer is asked again a few times.</summary>
    private async Task ReportAsync(Leased leased, OutboxResultRequest result)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await Api().ReportOutboxResult(leased.Item.Id, result, CancellationToken.None);
            if (answer.IsSuccess)
                return;
            if (!answer.IsUnavailable || attempt == 3)
            {
                // lease_lost: another sender has the row now. Unavailable: the lease runs out and the row is claimed again.
                logger.LogWarning("Outbox result {Outcome} for {Id} was not recorded: {Code} {Message}",
                    result.Outcome, leased.Item.Id, answer.ErrorCode, answer.Error?.Message);
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
        }
    }

    private ClinicApiClient Api() => services.GetRequiredService<ClinicApiClient>();

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private sealed record Leased(Guid LeaseId, OutboxItemDto Item);
}
