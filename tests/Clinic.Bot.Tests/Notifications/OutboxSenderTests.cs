using System.Diagnostics;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Clinic.Telegram.Fake;

namespace Clinic.Bot.Tests.Notifications;

/// <summary>The outbox sender against a fake Telegram that enforces Telegram's limits.</summary>
public sealed class OutboxSenderTests(OutboxTestEnvironment env) : IClassFixture<OutboxTestEnvironment>
{
    private static readonly TimeSpan Plenty = TimeSpan.FromSeconds(60);

    private static IEnumerable<string> Received(FakeUser user) => user.Messages.Select(m => m.Text ?? "");

    [Fact]
    public async Task EveryDueMessageIsDeliveredOnceAtTheConfiguredRateWithHardlyATooManyRequests()
    {
        var users = new List<FakeUser>();
        for (var i = 0; i < 50; i++)
            users.Add(await env.NewPatientAsync());
        var notes = users.SelectMany((u, i) => new[] { (u, $"note {i}-a"), (u, $"note {i}-b") }).ToList();
        var floodBefore = env.Telegram.Counters.TooManyRequests;
        var clock = Stopwatch.StartNew();

        await env.EnqueueAsync(notes);

        await Eventually.TrueAsync(() => users.All(u => u.Messages.Count >= 2), "all 100 notes delivered", Plenty);
        var elapsed = clock.Elapsed;
        for (var i = 0; i < users.Count; i++)
            Assert.Equal([$"note {i}-a", $"note {i}-b"], Received(users[i]).Order());
        // Pacing leaves a margin under Telegram's limits; one refusal is tolerated for a machine too busy to keep time.
        Assert.InRange(env.Telegram.Counters.TooManyRequests - floodBefore, 0, 1);
        // 25 messages a second: 100 take at least about 4 s.
        Assert.True(elapsed > TimeSpan.FromSeconds(3.5), $"100 messages went out in {elapsed.TotalSeconds:0.0} s, faster than 25/s");
    }

    [Fact]
    public async Task APatientWhoBlockedTheBotIsMarkedAndGetsMessagesAgainOnlyAfterWritingToIt()
    {
        var user = await env.NewPatientAsync();
        user.Block();

        var first = (await env.EnqueueAsync([(user, "first")]))[0];
        await Eventually.TrueAsync(() => env.RowAsync(first).Result.Status == OutboxStatus.Blocked, "the row reported blocked", Plenty);
        Assert.NotNull((await env.RowAsync(first)).Patient!.BotBlockedAtUtc);

        var second = (await env.EnqueueAsync([(user, "second")]))[0];
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        Assert.Equal(OutboxStatus.Pending, (await env.RowAsync(second)).Status);

        await user.SendText("/start"); // writing again unblocks the bot in Telegram and, through the bot, in the clinic
        await Eventually.TrueAsync(() => Received(user).Contains("second"), "the waiting message delivered", Plenty);
        Assert.DoesNotContain("first", Received(user));
        Assert.Null((await env.RowAsync(second)).Patient!.BotBlockedAtUtc);
    }

    [Fact]
    public async Task AMessageOfAKindNobodyRendersFailsWithAClearError()
    {
        var user = await env.NewPatientAsync();

        var id = (await env.EnqueueAsync([(user, "?")], kind: "mystery"))[0];

        await Eventually.TrueAsync(() => env.RowAsync(id).Result.Status == OutboxStatus.Failed, "the row failed", Plenty);
        Assert.Contains("No renderer is registered for the kind 'mystery'", (await env.RowAsync(id)).Error);
        Assert.Empty(user.Messages);
    }

    [Fact]
    public async Task AMessageWhosePatientIdIsAGroupChatIsNeverSentThere()
    {
        var group = env.Telegram.CreateGroup(-1_009_000_000_000 - Random.Shared.Next(1_000_000), "Семейный чат", "group");

        var id = await env.EnqueueForAsync(group.Id, "Ваш приём завтра в 10:00");

        await Eventually.TrueAsync(() => env.RowAsync(id).Result.Status == OutboxStatus.Cancelled, "the row was cancelled", Plenty);
        Assert.Empty(group.Messages);
    }

    [Fact]
    public async Task StoppingTheBotHalfwayAndStartingItAgainLosesNothing()
    {
        var users = new List<FakeUser>();
        for (var i = 0; i < 150; i++)
            users.Add(await env.NewPatientAsync());
        var ids = await env.EnqueueAsync(users.Select((u, i) => (u, $"part {i}")));

        await Eventually.TrueAsync(() => users.Count(u => u.Messages.Count > 0) >= 40, "the first 40 delivered", Plenty);
        await env.RestartBotAsync();

        await Eventually.TrueAsync(() => users.All(u => u.Messages.Count > 0), "all 150 delivered after the restart", Plenty);
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        var duplicates = users.Sum(u => u.Messages.Count - 1);
        Assert.True(duplicates <= 25, $"{duplicates} messages were sent twice; at most the 25 in flight may be");
        for (var i = 0; i < users.Count; i++)
            Assert.All(Received(users[i]), text => Assert.Equal($"part {i}", text));
        foreach (var id in ids)
            await Eventually.TrueAsync(() => env.RowAsync(id).Result.Status == OutboxStatus.Sent, $"row {id} reported sent");
    }
}

/// <summary>A sender configured faster than Telegram allows: it pauses on 429 and still delivers everything once.</summary>
public sealed class OutboxFloodTests(FloodingOutboxEnvironment env) : IClassFixture<FloodingOutboxEnvironment>
{
    [Fact]
    public async Task OnTooManyRequestsTheSenderPausesForRetryAfterAndStillDeliversEverythingOnce()
    {
        var users = new List<FakeUser>();
        for (var i = 0; i < 60; i++)
            users.Add(await env.NewPatientAsync());
        var ids = await env.EnqueueAsync(users.Select((u, i) => (u, $"flood {i}")));

        await Eventually.TrueAsync(() => users.All(u => u.Messages.Count > 0), "all 60 delivered", TimeSpan.FromSeconds(60));

        Assert.True(env.Telegram.Counters.TooManyRequests > 0, "the fake Telegram never refused: the test proves nothing");
        Assert.True(env.Sender.TooManyRequests > 0);
        Assert.All(users, (u, i) => Assert.Equal([$"flood {i}"], u.Messages.Select(m => m.Text)));
        foreach (var id in ids)
        {
            await Eventually.TrueAsync(() => env.RowAsync(id).Result.Status == OutboxStatus.Sent, $"row {id} reported sent");
            Assert.Equal(1, (await env.RowAsync(id)).Attempts); // a 429 is waited out, not counted as a failed attempt
        }
    }
}

/// <summary>Leases shorter than a send: the sender extends them, so a slow message is never claimed and sent again.</summary>
public sealed class OutboxLeaseTests(ShortLeaseOutboxEnvironment env) : IClassFixture<ShortLeaseOutboxEnvironment>
{
    [Fact]
    public async Task AMessageThatTakesLongerThanItsLeaseIsSentOnceAndRecordedSent()
    {
        var slow = await env.NewPatientAsync();
        var quick = await env.NewPatientAsync();

        var slowId = (await env.EnqueueAsync([(slow, "slow")], kind: OutboxTestEnvironment.SlowNoteKind))[0];
        var quickId = (await env.EnqueueAsync([(quick, "quick")]))[0];

        await Eventually.TrueAsync(() => env.RowAsync(slowId).Result.Status == OutboxStatus.Sent, "the slow row reported sent", TimeSpan.FromSeconds(45));
        // Past another lease length: a second claim of the row would have sent it again by now.
        await Task.Delay(TimeSpan.FromSeconds(7), TestContext.Current.CancellationToken);
        Assert.Equal(["slow"], slow.Messages.Select(m => m.Text));
        Assert.Equal(["quick"], quick.Messages.Select(m => m.Text));
        var row = await env.RowAsync(slowId);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(OutboxStatus.Sent, (await env.RowAsync(quickId)).Status);
        await Eventually.TrueAsync(() => env.Sender.LeasesHeld == 0, "no lease left to extend once everything is reported");
    }
}

/// <summary>Against an API without the batch and lease routes the sender falls back to one report a result.</summary>
public sealed class OutboxOlderApiTests(OlderApiOutboxEnvironment env) : IClassFixture<OlderApiOutboxEnvironment>
{
    [Fact]
    public async Task WithoutTheBatchRouteEveryResultIsStillRecordedOneByOne()
    {
        var users = new List<FakeUser>();
        for (var i = 0; i < 30; i++)
            users.Add(await env.NewPatientAsync());

        var ids = await env.EnqueueAsync(users.Select((u, i) => (u, $"older {i}")));

        foreach (var id in ids)
            await Eventually.TrueAsync(() => env.RowAsync(id).Result.Status == OutboxStatus.Sent, $"row {id} reported sent", TimeSpan.FromSeconds(60));
        Assert.All(users, (u, i) => Assert.Equal([$"older {i}"], u.Messages.Select(m => m.Text)));
        // The batch route was tried once by each of the two reporters at most, then the sender remembered it is missing.
        Assert.InRange(env.BatchRequests, 1, 2);
        // Past a lease renewal: asked once, then leases were left to run their course.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.InRange(env.ExtendRequests, 0, 1);
    }
}
