namespace Clinic.Bot.Telegram;

/// <summary>
/// The last few thousand update ids, so a webhook retry (same update_id) is processed once.
/// Bounded: the oldest id is forgotten when a new one arrives at capacity.
/// </summary>
public sealed class RecentUpdates(int capacity = 10_000)
{
    private readonly HashSet<int> _seen = [];
    private readonly Queue<int> _order = new();

    /// <summary>True the first time an id is seen.</summary>
    public bool TryMark(int updateId)
    {
        lock (_seen)
        {
            if (!_seen.Add(updateId))
            {
                return false;
            }

            _order.Enqueue(updateId);
            if (_order.Count > capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
