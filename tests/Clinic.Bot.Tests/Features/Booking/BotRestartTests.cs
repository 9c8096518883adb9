using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.Booking;

public sealed class BotRestartTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    [Fact]
    public async Task A_booking_started_before_a_bot_restart_continues_after_it()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await Scenarios.OpenCalendarAsync(chat);
        await chat.Press("bk:d:");
        await chat.Expect("booking.choose_time");

        await env.RestartBotAsync();

        await chat.Press("bk:t:");
        await chat.Expect("booking.confirm_card");
        await chat.Press("bk:ok");
        await chat.Expect("booking.booked");
    }
}
