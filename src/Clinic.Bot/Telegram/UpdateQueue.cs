using System.Threading.Channels;
using Telegram.Bot.Types;

namespace Clinic.Bot.Telegram;

/// <summary>
/// Updates waiting to be handled, from polling or the webhook. Partitioned by chat: one chat's updates stay in
/// arrival order on one reader while other partitions run in parallel. Bounded, so a flood waits instead of eating memory.
/// Each update carries when it arrived, for the queue's gauges (<see cref="Count"/>, <see cref="OldestWait"/>).
/// </summary>
public sealed class UpdateQueue(TimeProvider clock)
{
    public const int Partitions = 32;
    private const int CapacityPerPartition = 1_000;

    private readonly Channel<QueuedUpdate>[] _channels = Enumerable.Range(0, Partitions)
        .Select(_ => Channel.CreateBounded<QueuedUpdate>(new BoundedChannelOptions(CapacityPerPartition)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        }))
        .ToArray();

    public ValueTask EnqueueAsync(Update update, CancellationToken ct) =>
        _channels[PartitionOf(update)].Writer.WriteAsync(new QueuedUpdate(update, clock.GetTimestamp()), ct);

    public ChannelReader<QueuedUpdate> Reader(int partition) => _channels[partition].Reader;

    /// <summary>Updates waiting now, in all partitions.</summary>
    public int Count => _channels.Sum(channel => channel.Reader.Count);

    /// <summary>How long the oldest waiting update has waited (each partition's head is its oldest); zero when none waits.</summary>
    public TimeSpan OldestWait()
    {
        var oldest = TimeSpan.Zero;
        foreach (var channel in _channels)
        {
            if (channel.Reader.TryPeek(out var head) && clock.GetElapsedTime(head.EnqueuedAt) is var waited && waited > oldest)
                oldest = waited;
        }
        return oldest;
    }

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

/// <param name="EnqueuedAt">The queue clock's timestamp when the update arrived.</param>
public readonly record struct QueuedUpdate(Update Update, long EnqueuedAt);
