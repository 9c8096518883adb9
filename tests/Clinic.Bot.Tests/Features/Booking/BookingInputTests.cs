using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.Booking;

public sealed class BookingInputTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    [Fact]
    public async Task Random_text_at_every_booking_step_is_explained_and_the_step_shown_again()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await chat.Tap("menu.booking");
        await chat.Expect("booking.choose_branch");
        await TypeNonsense(chat, "booking.choose_branch");
        await chat.Press("bk:br:");
        await chat.Expect("booking.choose_category");
        await TypeNonsense(chat, "booking.choose_category");
        await chat.Press("bk:cat:0");
        await chat.Expect("booking.choose_service");
        await TypeNonsense(chat, "booking.choose_service");
        await chat.Press("bk:sv:");
        await chat.Expect("booking.choose_date");
        await TypeNonsense(chat, "booking.choose_date");
        await chat.Press("bk:d:");
        await chat.Expect("booking.choose_time");
        await TypeNonsense(chat, "booking.choose_time");
        await chat.Press("bk:t:");
        // Who, where, when and the price: the card's lines between its header and its question (read now: the card is edited in place).
        var details = (await chat.Expect("booking.confirm_card")).VisibleText.Split('\n')[2..^2];
        Assert.Equal(6, details.Length);
        await TypeNonsense(chat, "booking.confirm_card");
        await chat.Press("bk:ok");
        var booked = await chat.Expect("booking.booked");

        // The booked message keeps them, so the chat still says where and when to come.
        Assert.All(details, line => Assert.Contains(line, booked.VisibleText));
        Assert.Empty(booked.InlineButtons);
    }

    [Fact]
    public async Task Presses_on_an_old_step_or_with_forged_data_are_answered_as_stale()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        var calendar = await Scenarios.OpenCalendarAsync(chat);

        await chat.User.PressCallback(calendar.MessageId, "bk:br:999999");
        await chat.ExpectCallbackAnswer("common.stale_button");
        await chat.User.PressCallback(calendar.MessageId, "bk:d:notadate");
        await chat.User.PressCallback(calendar.MessageId, "bk:d:20000101");
        await chat.User.PressCallback(calendar.MessageId, "zz:unknown:data");
        await chat.User.PressCallback(calendar.MessageId, "bk:m:299901");
        await Eventually.TrueAsync(
            () => chat.User.CallbackAnswers.Count(a => a.Text == chat.Texts["common.stale_button"]) >= 5,
            "five stale answers\n" + chat.User.Transcript);

        // The calendar still works after all that.
        await Scenarios.PickFirstTimeAsync(chat);
        await chat.Press("bk:ok");
        await chat.Expect("booking.booked");
    }

    [Fact]
    public async Task Cancel_leaves_the_flow_and_its_buttons_go_stale()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        var calendar = await Scenarios.OpenCalendarAsync(chat);
        await chat.Say("/cancel");
        await chat.Expect("common.cancelled");

        var day = calendar.InlineButtons.First(b => b.CallbackData!.StartsWith("bk:d:", StringComparison.Ordinal)).CallbackData!;
        await chat.User.PressCallback(calendar.MessageId, day);
        await chat.ExpectCallbackAnswer("common.stale_button");
    }

    [Fact]
    public async Task The_main_menu_button_leaves_a_half_finished_booking()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await Scenarios.OpenCalendarAsync(chat);
        await chat.Say(chat.Texts["common.main_menu"]);
        await chat.Expect("menu.choose");
        await chat.Say("что-нибудь");
        await chat.Expect("common.unknown_input");
        await chat.Expect("menu.choose");
    }

    [Fact]
    public async Task Back_returns_to_the_previous_step()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await Scenarios.OpenCalendarAsync(chat);
        await chat.Press("bk:back:");
        await chat.Expect("booking.choose_service");
        await chat.Press("bk:back:");
        await chat.Expect("booking.choose_category");
        await chat.Press("bk:back:");
        await chat.Expect("booking.choose_branch");
    }

    private static async Task TypeNonsense(ChatDriver chat, string stepKey)
    {
        await chat.Say("абракадабра 123");
        await chat.Expect("common.unknown_input");
        await chat.Expect(stepKey);
    }
}
