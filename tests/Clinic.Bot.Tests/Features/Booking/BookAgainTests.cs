using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.Booking;

public sealed class BookAgainTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    /// <summary>
    /// A past visit's "Book again" button carries branch, service and doctor. The demo clinic has no past visits,
    /// so the test presses the same data a past card would carry, taken from an upcoming booking.
    /// </summary>
    [Fact]
    public async Task Book_again_goes_straight_to_the_calendar_of_the_same_doctor_and_service()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        var booked = await Scenarios.BookFirstFreeAsync(chat);
        await chat.Tap("menu.my_appointments");
        var card = await chat.Expect("appointments.card");

        await chat.User.PressCallback(card.MessageId, "bk:again:1:1:1");
        var calendar = await chat.Expect("booking.choose_date");
        Assert.NotEqual(card.MessageId, calendar.MessageId);
        await chat.Press("bk:d:");
        await chat.Expect("booking.choose_time");
        await chat.Press("bk:t:");
        var confirm = await chat.Expect("booking.confirm_card");
        Assert.Contains("Ахметова Айгүл Серікқызы", confirm.VisibleText);
        Assert.Contains("Приём терапевта", confirm.VisibleText);
        Assert.NotNull(booked);
    }
}
