using Clinic.Bot.ClinicApi;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Bot.Tests.Notifications;
using Clinic.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Bot.Tests.Features.MyAppointments;

/// <summary>A reschedule started in time and confirmed after the change window closed (the API's clock moved on meanwhile).</summary>
public sealed class LateRescheduleTests(ReminderEnvironment env) : IClassFixture<ReminderEnvironment>
{
    [Fact]
    public async Task A_reschedule_confirmed_inside_the_change_window_is_refused_with_the_window_and_the_branchs_phone()
    {
        var chat = env.NewUser("kk");
        await Scenarios.RegisterAsync(chat, Language.Kk);
        await Scenarios.BookFirstFreeAsync(chat);
        var api = env.Bot.Services.GetRequiredService<ClinicApiClient>();
        var visit = (await api.GetMyAppointments(chat.Id, AppointmentScope.Upcoming, TestContext.Current.CancellationToken)).Value!.Items.Single();

        await chat.Tap("menu.my_appointments");
        await chat.Expect("appointments.card");
        await chat.Press("ap:rs:");
        await chat.Expect("booking.choose_date");
        await Scenarios.PickFirstTimeAsync(chat);
        env.Clock.SetUtcNow(visit.Start.AddHours(-1));
        await chat.Press("bk:ok");

        var refused = await chat.Expect("appointments.too_late");
        Assert.Contains(chat.Texts.Format("appointments.too_late", ("hours", 2)), refused.VisibleText);
        Assert.Contains(visit.Branch.Phone, refused.VisibleText);
        Assert.Equal(visit.Start, (await api.GetMyAppointments(chat.Id, AppointmentScope.Upcoming, TestContext.Current.CancellationToken)).Value!.Items.Single().Start);
    }
}
