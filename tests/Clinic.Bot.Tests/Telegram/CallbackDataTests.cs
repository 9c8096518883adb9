using Clinic.Bot.Telegram;

namespace Clinic.Bot.Tests.Telegram;

public sealed class CallbackDataTests
{
    [Fact]
    public void Ids_are_joined_with_colons()
    {
        Assert.Equal("bk:t:1795662000:12", CallbackData.Build("bk", "t", 1795662000L, 12L));
    }

    [Fact]
    public void Data_over_64_bytes_is_refused_counting_bytes_not_letters()
    {
        // 40 Cyrillic letters are 80 bytes: under 64 characters but over Telegram's 64-byte limit.
        var error = Assert.Throws<ArgumentException>(() => CallbackData.Build("x", new string('ж', 40)));
        Assert.Contains("64", error.Message);
        Assert.Equal(64, CallbackData.Build(new string('a', 64)).Length);
    }

    [Fact]
    public void Forged_data_is_parsed_without_throwing()
    {
        Assert.Empty(CallbackData.Split(null));
        Assert.False(CallbackData.TryLong(CallbackData.Split("bk:br:abc"), 2, out _));
        Assert.False(CallbackData.TryLong(CallbackData.Split("bk"), 2, out _));
        Assert.True(CallbackData.TryLong(CallbackData.Split("ap:cx:5"), 2, out var id));
        Assert.Equal(5, id);
    }
}
