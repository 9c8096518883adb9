using Clinic.Bot.Localization;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Telegram;

/// <summary>The runtime around the flows: command menu, ordering, blocked users.</summary>
public sealed class BotRuntimeTests(BotEnvironment env) : IClassFixture<BotEnvironment>
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
        Assert.Equal(["start", "book", "appointments", "documents", "payments", "feedback", "support", "profile", "language", "cancel", "help"],
            env.Telegram.GetCommands("default", code).Select(c => c.Command));
    }

    [Fact]
    public async Task Every_section_of_the_menu_opens_by_its_command_too()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.En);

        await chat.Say("/documents");
        await chat.Expect("documents.empty");
        await chat.Say("/payments");
        await chat.Expect("payments.balance_zero");
        await chat.Say("/support");
        await chat.Expect("support.menu");
        await chat.Say("/help");
        var help = await chat.Expect("help.text");
        Assert.Contains("/support", help.Text);
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

    [Fact]
    public async Task Messages_sent_in_a_burst_are_answered_one_at_a_time_in_order()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await chat.Tap("menu.booking");
        await chat.Expect("booking.choose_branch");

        // Without the per-chat lock these would race on the same "choose branch" state.
        await chat.Say("/cancel");
        await chat.Say("/help");
        await chat.Say("/book");
        await chat.Say("/cancel");

        await chat.Expect("common.cancelled");
        await chat.Expect("help.text");
        await chat.Expect("booking.choose_branch");
        await chat.Expect("common.cancelled");
        var texts = chat.User.Messages.Select(m => m.VisibleText).ToList();
        var order = new[] { "common.cancelled", "help.text", "booking.choose_branch", "common.cancelled" }
            .Select(key => chat.Texts[key]).ToList();
        Assert.Equal(order, texts.Where(order.Contains).TakeLast(4));
    }
}
