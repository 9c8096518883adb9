using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Clinic.Telegram.Fake.Tests;

public sealed class CommandsTests : FakeTelegramTestBase
{
    [Fact]
    public async Task CommandMenusAreKeptPerLanguage()
    {
        await Bot.SetMyCommands([new BotCommand("start", "Начать"), new BotCommand("cancel", "Отмена")], languageCode: "ru", cancellationToken: Ct);
        await Bot.SetMyCommands([new BotCommand("start", "Бастау")], languageCode: "kk", cancellationToken: Ct);

        var kazakh = await Bot.GetMyCommands(languageCode: "kk", cancellationToken: Ct);
        var fallback = await Bot.GetMyCommands(cancellationToken: Ct);

        Assert.Equal("Бастау", Assert.Single(kazakh).Description);
        Assert.Empty(fallback);
        Assert.Equal(["start", "cancel"], Server.GetCommands("default", "ru").Select(c => c.Command));
    }

    [Fact]
    public async Task ScopesAreSeparateMenus()
    {
        await Bot.SetMyCommands([new BotCommand("admin", "Админка")], scope: new BotCommandScopeChat { ChatId = 42 }, cancellationToken: Ct);

        var forChat = await Bot.GetMyCommands(new BotCommandScopeChat { ChatId = 42 }, cancellationToken: Ct);

        Assert.Equal("admin", Assert.Single(forChat).Command);
        Assert.Empty(Server.GetCommands());
        Assert.Single(Server.GetCommands("chat:42"));
    }

    [Fact]
    public async Task AnInvalidCommandNameIsRefused()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            Bot.SetMyCommands([new BotCommand("Запись", "Записаться")], cancellationToken: Ct));

        Assert.Equal("Bad Request: BOT_COMMAND_INVALID", error.Message);
    }
}
