using Telegram.Bot.Types;

namespace Clinic.Bot.Telegram;

/// <summary>
/// Drains every partition of the <see cref="UpdateQueue"/> through the pipeline, one reader per partition.
/// On shutdown it finishes what was already queued: polling has confirmed those updates to Telegram and the
/// webhook has answered 200 for them, so nobody would deliver them again.
/// </summary>
public sealed class UpdateWorker(UpdateQueue queue, UpdatePipeline pipeline, ILogger<UpdateWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, UpdateQueue.Partitions).Select(partition => DrainAsync(partition, stoppingToken)));

    private async Task DrainAsync(int partition, CancellationToken ct)
    {
        var reader = queue.Reader(partition);
        try
        {
            await foreach (var queued in reader.ReadAllAsync(ct))
            {
                await ProcessAsync(queued.Update);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            while (reader.TryRead(out var queued))
            {
                await ProcessAsync(queued.Update);
            }
        }
    }

    private async Task ProcessAsync(Update update)
    {
        try
        {
            // A taken update is finished even while the host stops (its shutdown timeout bounds this):
            // cancelling halfway would lose the step the user was just shown.
            await pipeline.ProcessAsync(update, CancellationToken.None);
        }
        catch (Exception error)
        {
            logger.LogError(error, "Update {UpdateId} could not be processed", update.Id);
        }
    }
}
