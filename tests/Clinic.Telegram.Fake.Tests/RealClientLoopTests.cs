using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Telegram.Fake.Tests;

/// <summary>Telegram.Bot's own polling loop against the fake, and the fake hosted inside another app.</summary>
public sealed class RealClientLoopTests : FakeTelegramTestBase
{
    [Fact]
    public async Task TelegramBotsPollingLoopReceivesUpdatesAndItsRepliesReachTheUser()
    {
        var user = Server.CreateUser(42, "Aidos");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        Bot.StartReceiving(EchoAsync, (_, _, _) => Task.CompletedTask, cancellationToken: stop.Token);

        await user.SendText("привет");
        var echo = await user.WaitForMessage(ct: Ct);
        await user.PressButton(echo, "again");
        var answered = await user.WaitForMessage(m => m.EditCount == 1, ct: Ct);
        await stop.CancelAsync();

        Assert.Equal("echo: привет", echo.Text);
        Assert.Equal("pressed", answered.Text);
        Assert.Single(user.CallbackAnswers);
        Assert.True(Server.Counters.CallsOf("getUpdates") >= 2);
    }

    private static async Task EchoAsync(ITelegramBotClient bot, Update update, CancellationToken ct)
    {
        if (update.Message is { Text: { } text } message)
            await bot.SendMessage(message.Chat, "echo: " + text, replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Again", "again")), cancellationToken: ct);
        if (update.CallbackQuery is { } query)
        {
            await bot.AnswerCallbackQuery(query.Id, cancellationToken: ct);
            await bot.EditMessageText(query.Message!.Chat, query.Message.MessageId, "pressed", cancellationToken: ct);
        }
    }

    [Fact]
    public async Task ASecondPollerTerminatesTheFirstWithAConflict()
    {
        var first = Bot.GetUpdates(timeout: 30, cancellationToken: Ct);
        await Task.Delay(200, Ct);

        var second = Bot.GetUpdates(timeout: 1, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => first);
        Assert.Equal(409, error.ErrorCode);
        Assert.Empty(await second);
    }

    [Fact]
    public async Task TheFakeCanBeMappedIntoAnotherAppNextToItsOwnRoutes()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        await using var state = new FakeTelegramState(new FakeTelegramOptions { Token = "42:SANDBOX" });
        app.MapGet("/chat", () => "sandbox page");
        app.MapFakeTelegram(state);
        await app.StartAsync(Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient();
        var bot = new TelegramBotClient(new TelegramBotClientOptions("42:SANDBOX", address), http);
        var user = state.CreateUser(7, "Web");

        await bot.SendMessage(7, "Добро пожаловать", cancellationToken: Ct);

        Assert.Equal("Добро пожаловать", Assert.Single(user.Messages).Text);
        Assert.Equal("sandbox page", await http.GetStringAsync(address.TrimEnd('/') + "/chat", Ct));
        await app.StopAsync(Ct);
    }
}
