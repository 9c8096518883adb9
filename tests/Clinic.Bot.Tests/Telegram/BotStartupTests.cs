using Clinic.Bot.Localization;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Telegram;

public sealed class BotStartupTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    [Theory]
    [InlineData("ru", Language.Ru)]
    [InlineData("kk", Language.Kk)]
    [InlineData("en", Language.En)]
    public async Task The_command_menu_is_set_in_each_language(string code, Language language)
    {
        var texts = Localizer.LoadEmbedded().For(language);
        await Eventually.TrueAsync(
            () => env.Telegram.GetCommands("default", code).Any(c => c.Command == "book" && c.Description == texts["commands.book"]),
            $"the /book command described in {code}");
        Assert.Contains(env.Telegram.GetCommands("default", null), c => c.Command == "cancel");
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_does_not_break_it()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await chat.Tap("menu.my_appointments");
        var list = await chat.Expect("appointments.empty_upcoming");

        chat.User.Block();
        await chat.User.PressCallback(list.MessageId, "ap:list:past");
        await Eventually.TrueAsync(() => chat.User.CallbackAnswers.Count > 0, "the press answered");

        await chat.Say("/help");
        await chat.Expect("help.text");
    }
}
