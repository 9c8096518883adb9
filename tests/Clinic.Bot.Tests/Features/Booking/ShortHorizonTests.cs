using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.Booking;

/// <summary>A clinic that opens booking only 10 days ahead: the calendar still shows those days and no error.</summary>
public sealed class ShortHorizonTests(ShortHorizonTests.TenDayClinic env) : IClassFixture<ShortHorizonTests.TenDayClinic>
{
    [Fact]
    public async Task Months_reaching_past_the_horizon_show_only_bookable_days_and_no_error()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        var thisMonth = await Scenarios.OpenCalendarAsync(chat);
        var shownMonth = thisMonth.InlineButtons.First(b => b.Text != " " && b.CallbackData == "bk:noop").Text;

        // The next month is at most partly inside a 10-day horizon: the API refuses the whole-month range.
        await chat.Press("bk:m:");
        var nextMonth = await chat.User.WaitForMessage(
            m => m.MessageId == thisMonth.MessageId && !m.InlineButtons.Any(b => b.Text == shownMonth), ChatDriver.Wait, TestContext.Current.CancellationToken);

        var horizon = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(11);
        var days = Days(thisMonth).Concat(Days(nextMonth)).ToList();
        Assert.NotEmpty(days);
        Assert.All(days, day => Assert.True(day <= horizon, $"{day} is past the horizon"));
        Assert.DoesNotContain(chat.User.Messages, m => m.VisibleText == chat.Texts["errors.validation_failed"]);
    }

    private static IEnumerable<DateOnly> Days(Clinic.Telegram.Fake.BotMessage calendar) => calendar.InlineButtons
        .Where(b => b.CallbackData!.StartsWith("bk:d:", StringComparison.Ordinal))
        .Select(b => DateOnly.ParseExact(b.CallbackData!["bk:d:".Length..], "yyyyMMdd"));

    public sealed class TenDayClinic : BotEnvironment
    {
        protected override IReadOnlyDictionary<string, string?> ApiSettings => new Dictionary<string, string?>
        {
            ["BOOKING_HORIZON_DAYS"] = "10",
        };
    }
}
