namespace Clinic.Bot.Telegram;

/// <summary>Drains every partition of the <see cref="UpdateQueue"/> through the pipeline.</summary>
public sealed class UpdateWorker(UpdateQueue queue, UpdatePipeline pipeline, ILogger<UpdateWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, UpdateQueue.Partitions).Select(partition => DrainAsync(partition, stoppingToken)));

    private async Task DrainAsync(int partition, CancellationToken ct)
    {
        try
        {
            await foreach (var update in queue.Reader(partition).ReadAllAsync(ct))
            {
                try
                {
                    await pipeline.ProcessAsync(update, ct);
                }
                catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogError(error, "Update {UpdateId} could not be processed", update.Id);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
