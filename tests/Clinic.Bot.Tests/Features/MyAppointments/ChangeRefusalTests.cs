using System.Net.Http.Headers;
using System.Net.Http.Json;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.MyAppointments;

/// <summary>The API refuses changes too close to the visit (here: a 30-day window, so every visit is "too late").</summary>
public sealed class ChangeRefusalTests(ChangeRefusalTests.StrictClinic env) : IClassFixture<ChangeRefusalTests.StrictClinic>
{
    [Fact]
    public async Task A_visit_too_close_to_change_has_no_change_buttons_and_a_forced_cancel_is_explained()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await Scenarios.BookFirstFreeAsync(chat);
        await chat.Tap("menu.my_appointments");
        var card = await chat.Expect("appointments.card");
        Assert.Empty(card.InlineButtons);
        // Instead of buttons, the branch's number to call.
        var callBranch = ChatDriver.FixedPart(chat.Texts["appointments.call_branch"]);
        Assert.Contains(callBranch, card.VisibleText);
        Assert.Matches(@"\+7\d{10}", card.VisibleText);

        var id = await OnlyUpcomingAppointmentId(chat.Id);
        await chat.User.PressCallback(card.MessageId, $"ap:cy:{id}");
        var tooLate = await chat.Expect("appointments.too_late");
        Assert.Contains(chat.Texts.Format("appointments.too_late", ("hours", 720)), tooLate.VisibleText); // the clinic's 30-day window
        Assert.Contains(callBranch, tooLate.VisibleText);
        Assert.Matches(@"\+7\d{10}", tooLate.VisibleText);
        await chat.User.PressCallback(card.MessageId, $"ap:rs:{id}");
        var noReschedule = await chat.Expect("appointments.too_late");
        Assert.Contains(callBranch, noReschedule.VisibleText);
        Assert.Equal(id, await OnlyUpcomingAppointmentId(chat.Id));
    }

    private async Task<long> OnlyUpcomingAppointmentId(long telegramId)
    {
        using var http = new HttpClient { BaseAddress = new Uri(env.Api.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiHost.Secret);
        var list = await http.GetFromJsonAsync<AppointmentListResponse>(
            $"{Routes.MyAppointments}?telegram_id={telegramId}&scope=upcoming", ClinicJson.Options, TestContext.Current.CancellationToken);
        return Assert.Single(list!.Items).Id;
    }

    public sealed class StrictClinic : BotEnvironment
    {
        protected override IReadOnlyDictionary<string, string?> ApiSettings => new Dictionary<string, string?>
        {
            ["BOOKING_CHANGE_WINDOW_MINUTES"] = (60 * 24 * 30).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
