using Clinic.Bot.Conversation;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Bot.Tests.Conversation;

public sealed class SqliteStateStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"bot-state-test-{Guid.NewGuid():N}", "state.db");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly StateKey _key = new(123456, 42, 42);
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task State_and_data_are_kept_separately_and_survive_a_new_store_over_the_same_file()
    {
        var store = new SqliteStateStore(_path, _time);
        await store.SetStateAsync(_key, "bk:date", Ct);
        await store.SetDataAsync(_key, """{"branch":"1"}""", Ct);

        var reopened = new SqliteStateStore(_path, _time);
        Assert.Equal("bk:date", await reopened.GetStateAsync(_key, Ct));
        Assert.Equal("""{"branch":"1"}""", await reopened.GetDataAsync(_key, Ct));

        await reopened.SetStateAsync(_key, null, Ct);
        Assert.Null(await reopened.GetStateAsync(_key, Ct));
        Assert.NotNull(await reopened.GetDataAsync(_key, Ct));
    }

    [Fact]
    public async Task A_conversation_silent_for_longer_than_the_TTL_is_forgotten()
    {
        var store = new SqliteStateStore(_path, _time);
        await store.SetStateAsync(_key, "reg:name", Ct);

        _time.Advance(StateStoreDefaults.Ttl - TimeSpan.FromMinutes(1));
        Assert.Equal("reg:name", await store.GetStateAsync(_key, Ct));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await store.GetStateAsync(_key, Ct));
    }

    [Fact]
    public async Task Chats_and_users_do_not_see_each_others_state()
    {
        var store = new SqliteStateStore(_path, _time);
        await store.SetStateAsync(_key, "bk:time", Ct);
        Assert.Null(await store.GetStateAsync(_key with { ChatId = 43, UserId = 43 }, Ct));
        Assert.Null(await store.GetStateAsync(_key with { BotId = 654321 }, Ct));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }
}
