using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.Booking;

public sealed class ApiOutageTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    [Fact]
    public async Task When_the_API_is_down_the_patient_is_told_and_the_booking_continues_once_it_is_back()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await Scenarios.OpenCalendarAsync(chat);

        await env.Api.StopAsync();
        try
        {
            await chat.Press("bk:d:");
            await chat.Expect("common.unavailable");
        }
        finally
        {
            await env.Api.StartAgainAsync();
        }

        await chat.Press("bk:d:");
        await chat.Expect("booking.choose_time");
        await chat.Press("bk:t:");
        await chat.Expect("booking.confirm_card");
        await chat.Press("bk:ok");
        await chat.Expect("booking.booked");
    }
}
