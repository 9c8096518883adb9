using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.Booking;

public sealed class ConcurrentBookingTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    [Fact]
    public async Task Two_patients_confirming_the_same_slot_at_once_get_one_booking_and_fresh_times_for_the_other()
    {
        var first = env.NewUser();
        var second = env.NewUser();
        await Task.WhenAll(Scenarios.RegisterAsync(first, Language.Ru), Scenarios.RegisterAsync(second, Language.Ru, "Петров Пётр Петрович"));
        await Task.WhenAll(Scenarios.OpenCalendarAsync(first), Scenarios.OpenCalendarAsync(second));
        var cards = await Task.WhenAll(Scenarios.PickFirstTimeAsync(first), Scenarios.PickFirstTimeAsync(second));
        Assert.Equal(TimeLine(cards[0].VisibleText), TimeLine(cards[1].VisibleText));

        await Task.WhenAll(first.Press("bk:ok"), second.Press("bk:ok"));
        var outcomes = await Task.WhenAll(Outcome(first), Outcome(second));

        Assert.Single(outcomes, o => o.Booked);
        var loser = outcomes.Single(o => !o.Booked);
        Assert.Equal(cards[outcomes[0].Booked ? 1 : 0].MessageId, loser.Message.MessageId);
        Assert.Contains(loser.Message.InlineButtons, b => b.CallbackData!.StartsWith("bk:t:", StringComparison.Ordinal));
        var takenTime = TimeLine(cards[0].VisibleText);
        Assert.DoesNotContain(loser.Message.InlineButtons, b => takenTime.EndsWith(b.Text, StringComparison.Ordinal));
    }

    private static async Task<(bool Booked, Clinic.Telegram.Fake.BotMessage Message)> Outcome(ChatDriver chat)
    {
        var booked = ChatDriver.FixedPart(chat.Texts["booking.booked"]);
        var taken = chat.Texts["booking.slot_taken"];
        var message = await chat.User.WaitForMessage(m => m.VisibleText.Contains(booked, StringComparison.Ordinal) || m.VisibleText.Contains(taken, StringComparison.Ordinal), ChatDriver.Wait);
        return (message.VisibleText.Contains(booked, StringComparison.Ordinal), message);
    }

    /// <summary>The card's "📅 date, time" line.</summary>
    private static string TimeLine(string card) => card.Split('\n').First(line => line.StartsWith("📅", StringComparison.Ordinal));
}
