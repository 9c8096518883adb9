using Clinic.Bot.ClinicApi;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Bot.Tests.Notifications;

/// <summary>The whole system with the API on a fake clock, so a test can jump to the moments reminders are due.</summary>
public sealed class ReminderEnvironment : BotEnvironment
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? ApiClock => Clock;
}

/// <summary>Visit reminders end to end: planned by the API, sent by the bot's outbox sender at their time, answered by the patient.</summary>
public sealed class ReminderTests(ReminderEnvironment env) : IClassFixture<ReminderEnvironment>
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);

    /// <summary>A visit at the first free time at least three days ahead (on the API's clock), booked for <paramref name="chat"/>.</summary>
    private async Task<AppointmentDto> BookAsync(ChatDriver chat)
    {
        var api = env.Bot.Services.GetRequiredService<ClinicApiClient>();
        var ct = TestContext.Current.CancellationToken;
        var branch = (await api.GetBranches(ct)).Value![0];
        var service = (await api.GetServices(branch.Id, ct)).Value![0];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(env.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(branch.TimeZone)).DateTime);
        var days = (await api.GetSlotDays(branch.Id, service.Id, null, today.AddDays(3), today.AddDays(10), ct)).Value!;
        var day = days.Days.First(d => d.FreeSlots > 0).Date;
        var slot = (await api.GetSlotsForDay(branch.Id, service.Id, null, day, ct)).Value!.Days[0].Slots![0];
        var booked = await api.CreateAppointment(new CreateAppointmentRequest(chat.Id, branch.Id, service.Id, null, slot.Start), Guid.NewGuid().ToString(), ct);
        Assert.True(booked.IsSuccess, booked.Error?.Message);
        return booked.Value!;
    }

    private static int Reminders(ChatDriver chat) =>
        chat.User.Messages.Count(m => m.Text?.Contains(chat.Texts["reminders.title"], StringComparison.Ordinal) == true);

    [Fact]
    public async Task AVisitIsRemindedADayAndTwoHoursBeforeInThePatientsLanguageAndTheBranchsTimeAndNeverTwice()
    {
        var chat = env.NewUser("kk");
        await Scenarios.RegisterAsync(chat, Language.Kk);
        var visit = await BookAsync(chat);

        env.Clock.SetUtcNow(visit.Start.AddHours(-24).AddMinutes(-1));
        await Task.Delay(Quiet, TestContext.Current.CancellationToken);
        Assert.Equal(0, Reminders(chat));

        env.Clock.SetUtcNow(visit.Start.AddHours(-24));
        var reminder = await chat.Expect("reminders.title");
        Assert.Contains(visit.Doctor.FullName, reminder.Text);
        Assert.Contains(visit.Branch.Address, reminder.Text);
        Assert.Contains(ChatDriver.FixedPart(chat.Texts["appointments.call_branch"]), reminder.Text);
        Assert.Contains(visit.Branch.Phone, reminder.Text);
        // Until when it may still be moved here: the visit's start less the API's 2-hour change window, in the branch's time.
        Assert.Contains(chat.Texts.Format("appointments.change_until", ("date_time", chat.Texts.DateTime(visit.Start.AddHours(-2), visit.Branch.TimeZone))),
            reminder.Text);
        Assert.Contains(chat.Texts.Time(visit.Start, visit.Branch.TimeZone), reminder.Text);
        Assert.Equal([$"rm:ok:{visit.Id}", $"ap:rs:{visit.Id}", $"ap:cx:{visit.Id}"], reminder.InlineButtons.Select(b => b.CallbackData));
        Assert.Contains(reminder.InlineButtons, b => b.Text == chat.Texts["reminders.coming"]);

        env.Clock.Advance(TimeSpan.FromMinutes(30));
        await Task.Delay(Quiet, TestContext.Current.CancellationToken);
        Assert.Equal(1, Reminders(chat));

        // The 2-hour reminder lands where the 2-hour change window closes: no buttons that would only be refused, the phone instead.
        env.Clock.SetUtcNow(visit.Start.AddHours(-2));
        var last = await chat.Expect("reminders.title");
        Assert.Equal([$"rm:ok:{visit.Id}"], last.InlineButtons.Select(b => b.CallbackData));
        Assert.Contains(visit.Branch.Phone, last.Text);
        Assert.DoesNotContain(ChatDriver.FixedPart(chat.Texts["appointments.change_until"]), last.Text);
        await Task.Delay(Quiet, TestContext.Current.CancellationToken);
        Assert.Equal(2, Reminders(chat));
    }

    [Fact]
    public async Task ThePatientAnswersIllComeAndThenCancelsTheVisitFromTheReminderSoTheNextOneIsNotSent()
    {
        var chat = env.NewUser("ru");
        await Scenarios.RegisterAsync(chat, Language.Ru);
        var visit = await BookAsync(chat);
        env.Clock.SetUtcNow(visit.Start.AddHours(-24));
        await chat.Expect("reminders.title");

        await chat.Press("rm:ok");
        await chat.Expect("reminders.thanks");
        await Eventually.TrueAsync(() => chat.LatestWithButton("rm:ok") is null, "the answered button removed");
        Assert.NotNull(chat.LatestWithButton("ap:cx"));

        await chat.Press("ap:cx");
        await chat.Expect("appointments.cancel_confirm");
        await chat.Press("ap:cy");
        await chat.Expect("appointments.cancelled_ok");

        var seen = chat.User.Messages.Count;
        env.Clock.SetUtcNow(visit.Start.AddHours(-2));
        await Task.Delay(Quiet, TestContext.Current.CancellationToken);
        Assert.Equal(seen, chat.User.Messages.Count);
    }
}
