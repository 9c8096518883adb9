using System.Threading.Channels;
using Telegram.Bot.Types;

namespace Clinic.Bot.Telegram;

/// <summary>
/// Updates waiting to be handled, from polling or the webhook. Partitioned by chat: one chat's updates stay in
/// arrival order on one reader while other partitions run in parallel. Bounded, so a flood waits instead of eating memory.
/// </summary>
public sealed class UpdateQueue
{
    public const int Partitions = 32;
    private const int CapacityPerPartition = 1_000;

    private readonly Channel<Update>[] _channels = Enumerable.Range(0, Partitions)
        .Select(_ => Channel.CreateBounded<Update>(new BoundedChannelOptions(CapacityPerPartition)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        }))
        .ToArray();

    public ValueTask EnqueueAsync(Update update, CancellationToken ct) =>
        _channels[PartitionOf(update)].Writer.WriteAsync(update, ct);

    public ChannelReader<Update> Reader(int partition) => _channels[partition].Reader;

    /// <summary>
    /// The chat's partition. Any part may be missing from a hostile or unusual update (no chat, no sender, an inline
    /// message): those go to partition 0, where the pipeline drops them.
    /// </summary>
    private static int PartitionOf(Update update)
    {
        var chatId = update.Message?.Chat?.Id ?? update.CallbackQuery?.Message?.Chat?.Id ?? update.CallbackQuery?.From?.Id ?? 0;
        return (int)((ulong)chatId % Partitions);
    }
}
