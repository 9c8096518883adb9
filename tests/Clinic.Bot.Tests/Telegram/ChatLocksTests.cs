using Clinic.Bot.Telegram;

namespace Clinic.Bot.Tests.Telegram;

public sealed class ChatLocksTests
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_chat_waits_for_its_previous_update_while_another_chat_goes_ahead()
    {
        var locks = new ChatLocks();
        var first = await locks.AcquireAsync(1, Ct);

        var sameChat = locks.AcquireAsync(1, Ct);
        var otherChat = locks.AcquireAsync(2, Ct);

        Assert.True(otherChat.IsCompleted);
        Assert.False(sameChat.IsCompleted);
        first.Dispose();
        (await sameChat.WaitAsync(TimeSpan.FromSeconds(5), Ct)).Dispose();
        (await otherChat).Dispose();
    }

    [Fact]
    public async Task Locks_are_forgotten_when_nobody_holds_them()
    {
        var locks = new ChatLocks();
        for (var chat = 0; chat < 1_000; chat++)
        {
            using var held = await locks.AcquireAsync(chat, Ct);
        }

        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public void Update_ids_are_remembered_only_up_to_the_capacity()
    {
        var recent = new RecentUpdates(capacity: 3);
        Assert.True(recent.TryMark(1));
        Assert.False(recent.TryMark(1));
        Assert.True(recent.TryMark(2));
        Assert.True(recent.TryMark(3));
        Assert.True(recent.TryMark(4));
        Assert.True(recent.TryMark(1));
    }
}
