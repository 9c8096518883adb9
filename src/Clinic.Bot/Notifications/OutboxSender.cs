using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Clinic.Bot.ClinicApi;
using Clinic.Bot.Configuration;
using Clinic.Bot.Localization;
using Clinic.Bot.Telegram;
using Clinic.Bot.Telemetry;
using Clinic.Contracts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Clinic.Bot.Notifications;

/// <summary>
/// Sends the clinic's outbox: leases due rows from the API, renders each with the <see cref="IOutboxRenderer"/> of its kind
/// in the patient's language, sends under <see cref="OutboxRateLimiter"/> and reports every result right after its send
/// (what was sent meanwhile goes in the same request, so the API writes a batch at a time, however fast the sends go).
/// While it holds a claim's rows it extends their lease, so a slow send is never claimed and sent a second time; only a
/// sender that dies leaves rows leased, and they come back when the lease runs out.
/// On <c>429</c> everything pauses for <c>retry_after</c> and the message is tried again; <c>403</c> is reported as blocked;
/// network and server failures (a renderer throws <see cref="HttpRequestException"/> when the clinic API is unavailable) go back
/// to the API, which retries them later with a backoff; a row a renderer cannot render (any other exception) fails permanently.
/// On shutdown the messages already handed to Telegram are finished and reported; the rest are released unsent.
/// Every claim round and every handled message beat the "outbox" heartbeat of <see cref="LoopLiveness"/>.
/// </summary>
public sealed class OutboxSender(
    IServiceProvider services, BotOptions options, Localizer localizer, IHttpClientFactory httpClients,
    IEnumerable<IOutboxRenderer> renderers, OutboxRateLimiter limiter, LoopLiveness liveness, BotMetrics metrics, TimeProvider time, ILogger<OutboxSender> logger)
    : BackgroundService
{
    /// <summary>
    /// The longest a healthy sender goes without a beat: a claim round waits for a free place in the queue while every
    /// worker sits out Telegram's <c>retry_after</c> or a 30 s send limit.
    /// </summary>
    public static readonly TimeSpan StallAfter = TimeSpan.FromMinutes(5);

    private LoopHeartbeat _heartbeat = null!;

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

    /// <summary>
    /// How often an API without <c>outbox/claim</c> (the original Django API) is asked again, in case it gains one: rarely,
    /// but within <see cref="StallAfter"/>, so the loop still counts as alive.
    /// </summary>
    public static readonly TimeSpan NoOutboxDelay = TimeSpan.FromMinutes(1);

    private int _noOutboxLogged;
    private const int MaxFloodRetries = 10;

    /// <summary>Results per report request, at most what the API takes at once.</summary>
    public const int MaxReportBatch = 500;

    private static readonly TimeSpan[] ReportRetryDelays = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    private readonly Dictionary<string, IOutboxRenderer> _renderers = renderers.ToDictionary(r => r.Kind, StringComparer.Ordinal);
    private readonly int _maxRate = Math.Max(options.OutboxRatePerSecond, options.OutboxPaidBroadcast ? options.OutboxPaidRatePerSecond : 0);
    private long _sent;
    private long _tooManyRequests;

    /// <summary>The leases this sender holds, with their rows not yet reported: these are the leases it keeps extending.</summary>
    private readonly ConcurrentDictionary<Guid, int> _leases = new();

    /// <summary>False once the API answered that it has no batch endpoint (an older API): results then go one by one.</summary>
    private volatile bool _batchResults = true;

    /// <summary>Leases held now (for tests and logs).</summary>
    public int LeasesHeld => _leases.Count;

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

    /// <summary>
    /// Report requests at once. Each takes every result waiting when it starts (up to <see cref="MaxReportBatch"/>), so
    /// batches grow with the rate: one is written by the API while the next gathers what was sent meanwhile. Two kept up
    /// with 1000/s in the benchmark.
    /// </summary>
    private const int Reporters = 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _heartbeat = liveness.Start("outbox", StallAfter);
        try
        {
            await SendAllAsync(stoppingToken);
        }
        finally
        {
            _heartbeat.End();
        }
    }

    private async Task SendAllAsync(CancellationToken stoppingToken)
    {
        // Room for two claims, so the next claim is asked for while the last one is still being sent.
        var queue = Channel.CreateBounded<Leased>(new BoundedChannelOptions(BatchSize * 2) { SingleWriter = true });
        // Sent, not yet reported: at most one claim's worth, so a crash can repeat little more than that.
        var results = Channel.CreateBounded<(Leased Leased, OutboxResultRequest Result)>(new BoundedChannelOptions(BatchSize));
        var reporters = Enumerable.Range(0, Reporters).Select(_ => Task.Run(() => ReportLoopAsync(results.Reader), CancellationToken.None)).ToList();
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(queue.Reader, results.Writer, stoppingToken), CancellationToken.None)).ToList();
        using var renewal = new CancellationTokenSource();
        var renewing = Task.Run(() => RenewLeasesAsync(renewal.Token), CancellationToken.None);
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
            await renewal.CancelAsync();
            await renewing;
        }
    }

    private async Task ClaimLoopAsync(ChannelWriter<Leased> queue, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            _heartbeat.Beat();
            // Not cancelled by shutdown: rows the API leased are then released below instead of waiting out their lease.
            var claim = await Api().ClaimOutbox(new OutboxClaimRequest(BatchSize, options.OutboxLeaseSeconds), CancellationToken.None);

            if (claim.StatusCode is 404 or 405)
            {
                NoOutbox();
                if (!await DelayAsync(NoOutboxDelay, stoppingToken)) return;
                continue;
            }

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

            _leases[claim.Value.LeaseId] = items.Count;
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
                    var lease = claim.Value.LeaseId;
                    await ReportAsync(items.Skip(i).Select(rest => (new Leased(lease, rest), new OutboxResultRequest(lease, OutboxOutcome.Released))).ToList());
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
                metrics.OutboxMessage(result.Outcome.ToString().ToLowerInvariant());
                // The report goes to the reporters, so the next send need not wait for the API's write.
                await results.WriteAsync((leased, result), CancellationToken.None);
                _heartbeat.Beat();
            }
            catch (Exception error)
            {
                // Unreported, it stays leased until the rest of its claim is done, then comes back when the lease runs out.
                logger.LogError(error, "Outbox message {Id} could not be handled", leased.Item.Id);
                Reported(leased);
            }
        }
    }

    /// <summary>Reports what is waiting, as one request of up to <see cref="MaxReportBatch"/> results, as soon as anything is.</summary>
    private async Task ReportLoopAsync(ChannelReader<(Leased Leased, OutboxResultRequest Result)> results)
    {
        var batch = new List<(Leased Leased, OutboxResultRequest Result)>(MaxReportBatch);
        while (await results.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxReportBatch && results.TryRead(out var result))
                batch.Add(result);
            if (batch.Count == 0)
                continue;
            try
            {
                await ReportAsync(batch);
            }
            catch (Exception error)
            {
                logger.LogError(error, "The results of {Count} outbox messages could not be reported", batch.Count);
            }
            batch.Clear();
        }
    }

    /// <summary>One message: wait for its turn, render and send it; the answer is what to report.</summary>
    private async Task<OutboxResultRequest> SendAsync(Leased leased, CancellationToken stoppingToken)
    {
        var item = leased.Item;
        var lease = leased.LeaseId;
        // Outbox messages are personal: only a user's own private chat may get one, and its id is the user's, always positive.
        // A group's id is negative, and so is the placeholder id of a deleted account.
        if (item.TelegramId <= 0)
            return new OutboxResultRequest(lease, OutboxOutcome.Cancelled, Error: "Not a user's private chat: outbox messages go only to a patient's own chat.");
        if (!_renderers.TryGetValue(item.Kind, out var renderer))
            return new OutboxResultRequest(lease, OutboxOutcome.Failed, Error: $"No renderer is registered for the kind '{item.Kind}'.", Permanent: true);

        var paid = options.OutboxPaidBroadcast && item.Kind == OutboxKinds.Broadcast;
        for (var flood = 0; ; flood++)
        {
            try
            {
                using (metrics.WaitingForRateLimiter(paid))
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
                metrics.OutboxTooManyRequests();
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
            using var timeout = new CancellationTokenSource(SendTimeout, time);
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

    /// <summary>
    /// Reports results in one request. Reports are idempotent, so an unanswered request is sent again a few times; if the API
    /// stays away the rows are left leased and come back once their lease runs out (sent again: the only duplicates besides a
    /// crash). An API without the batch endpoint gets one request a result.
    /// </summary>
    private async Task ReportAsync(IReadOnlyList<(Leased Leased, OutboxResultRequest Result)> batch)
    {
        try
        {
            if (!_batchResults)
            {
                foreach (var (leased, result) in batch)
                    await ReportOneAsync(leased, result);
                return;
            }

            var request = new OutboxResultsRequest(batch.Select(r => OutboxResultItem.From(r.Leased.Item.Id, r.Result)).ToList());
            for (var attempt = 0; ; attempt++)
            {
                var answer = await Api().ReportOutboxResults(request, CancellationToken.None);
                if (answer.IsSuccess)
                {
                    foreach (var row in answer.Value!.Results.Where(r => r.ErrorCode is not null))
                        logger.LogWarning("Outbox result for {Id} was not recorded: {Code}", row.Id, row.ErrorCode);
                    return;
                }
                if (answer.StatusCode is 404 or 405)
                {
                    logger.LogInformation("The clinic API has no batch outbox results ({Status}); reporting one result a request", answer.StatusCode);
                    _batchResults = false;
                }
                if (!answer.IsUnavailable)
                {
                    // Refused whole (a result it cannot take): one by one, so the others still count.
                    foreach (var (leased, result) in batch)
                        await ReportOneAsync(leased, result);
                    return;
                }
                if (attempt == ReportRetryDelays.Length)
                {
                    logger.LogWarning("The results of {Count} outbox messages were not recorded: {Code} {Message}",
                        batch.Count, answer.ErrorCode, answer.Error?.Message);
                    return;
                }
                await Task.Delay(ReportRetryDelays[attempt], time);
            }
        }
        finally
        {
            foreach (var (leased, _) in batch)
                Reported(leased);
        }
    }

    private async Task ReportOneAsync(Leased leased, OutboxResultRequest result)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answer = await Api().ReportOutboxResult(leased.Item.Id, result, CancellationToken.None);
            if (answer.IsSuccess)
                return;
            if (!answer.IsUnavailable || attempt == ReportRetryDelays.Length)
            {
                // lease_lost: another sender has the row now. Unavailable: the lease runs out and the row is claimed again.
                logger.LogWarning("Outbox result {Outcome} for {Id} was not recorded: {Code} {Message}",
                    result.Outcome, leased.Item.Id, answer.ErrorCode, answer.Error?.Message);
                return;
            }
            await Task.Delay(ReportRetryDelays[attempt], time);
        }
    }

    /// <summary>One row of a lease is done with: a lease with none left is no longer extended.</summary>
    private void Reported(Leased leased)
    {
        var left = _leases.AddOrUpdate(leased.LeaseId, 0, (_, rows) => rows - 1);
        if (left <= 0)
            _leases.TryRemove(new KeyValuePair<Guid, int>(leased.LeaseId, left));
    }

    /// <summary>
    /// Every third of the lease, extends each lease this sender still holds rows of. Rows in a queue behind a long
    /// <c>retry_after</c> or a slow Telegram stay this sender's; an API without the endpoint leaves leases to run their course.
    /// </summary>
    private async Task RenewLeasesAsync(CancellationToken stopping)
    {
        var every = TimeSpan.FromSeconds(options.OutboxLeaseSeconds / 3.0);
        while (await DelayAsync(every, stopping))
        {
            foreach (var lease in _leases.Keys)
            {
                var answer = await Api().ExtendOutboxLease(lease, new OutboxLeaseExtendRequest(options.OutboxLeaseSeconds), CancellationToken.None);
                if (answer.IsSuccess && answer.Value!.Rows == 0)
                    _leases.TryRemove(lease, out _);
                else if (answer.StatusCode is 404 or 405)
                {
                    logger.LogInformation("The clinic API cannot extend outbox leases ({Status}); they run their course", answer.StatusCode);
                    return;
                }
                else if (!answer.IsSuccess)
                    logger.LogWarning("Outbox lease {Lease} was not extended: {Code} {Message}", lease, answer.ErrorCode, answer.Error?.Message);
            }
        }
    }

    private ClinicApiClient Api() => services.GetRequiredService<ClinicApiClient>();

    /// <summary>Said once: an API without the outbox is a supported set-up (no reminders or broadcasts), not an error.</summary>
    private void NoOutbox()
    {
        if (Interlocked.Exchange(ref _noOutboxLogged, 1) == 0)
            logger.LogInformation("The clinic API has no outbox (claim answered 404/405): no reminders, surveys or broadcasts are sent; asking again every {Delay}",
                NoOutboxDelay);
    }

    /// <summary>Waits on the app's clock; false when the host stops first.</summary>
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private sealed record Leased(Guid LeaseId, OutboxItemDto Item);
}
