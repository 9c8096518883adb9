using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Data;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Features.Outbox;

/// <summary>
/// The outbox over HTTP: visits plan, re-plan and withdraw their reminders, the bot leases due rows and reports results.
/// Rows of other tests share the database, so every assertion looks at this test's own patient.
/// </summary>
public abstract class OutboxTests(ClinicApp app) : ApiTest(app)
{
    protected async Task<OutboxClaimResponse> ClaimAsync(int limit = 500, int leaseSeconds = 60)
    {
        var response = await Api.PostAsJsonAsync(OutboxRoutes.Claim, new OutboxClaimRequest(limit, leaseSeconds), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync<OutboxClaimResponse>(response);
    }

    /// <summary>Claims what is due and, like the bot, sends this patient's rows (reported sent), so they do not come back.</summary>
    protected async Task<List<OutboxItemDto>> ClaimMineAsync(long telegramId)
    {
        var claim = await ClaimAsync();
        var mine = claim.Items.Where(i => i.TelegramId == telegramId).ToList();
        foreach (var item in mine)
            await ReportOkAsync(item.Id, new OutboxResultRequest(claim.LeaseId, OutboxOutcome.Sent, TelegramMessageId: 1000 + item.Id));
        return mine;
    }

    protected Task<HttpResponseMessage> ReportAsync(long id, OutboxResultRequest result) =>
        Api.PostAsJsonAsync(OutboxRoutes.Result(id), result, ClinicJson.Options, Cancel);

    protected async Task<OutboxRowStateDto> ReportOkAsync(long id, OutboxResultRequest result)
    {
        var response = await ReportAsync(id, result);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync<OutboxRowStateDto>(response);
    }

    protected void AdvanceTo(DateTimeOffset instant)
    {
        if (instant > App.Clock.GetUtcNow())
            App.Clock.SetUtcNow(instant);
    }

    protected static long AppointmentIdOf(OutboxItemDto item) => item.Payload.GetProperty("appointment_id").GetInt64();

    private Task<HttpResponseMessage> CancelVisitAsync(long telegramId, long id) =>
        Api.PostAsJsonAsync(Routes.AppointmentCancel(id), new CancelAppointmentRequest(telegramId), ClinicJson.Options, Cancel);

    [Fact]
    public async Task ABookedVisitIsRemindedOfADayAndTwoHoursBeforeInThePatientsLanguage()
    {
        var patient = await RegisterPatientAsync();
        await Api.PostAsJsonAsync(Routes.PatientUpsert, new PatientUpsertRequest(patient, Language: Language.Kk), ClinicJson.Options, Cancel);
        var visit = await BookOkAsync(patient, TestClinic.At(App.NextWorkday(), 10), Clinic.AlphaId);

        AdvanceTo(visit.Start.AddHours(-24).AddMinutes(-1));
        Assert.Empty(await ClaimMineAsync(patient));

        AdvanceTo(visit.Start.AddHours(-24));
        var dayBefore = Assert.Single(await ClaimMineAsync(patient));
        Assert.Equal(OutboxKinds.Reminder, dayBefore.Kind);
        Assert.Equal(visit.Id, AppointmentIdOf(dayBefore));
        Assert.Equal(Language.Kk, dayBefore.Language);
        Assert.Equal(visit.Start.AddHours(-24), dayBefore.DueAt);
        Assert.Equal(1, dayBefore.Attempts);

        AdvanceTo(visit.Start.AddHours(-2));
        var twoHours = Assert.Single(await ClaimMineAsync(patient));
        Assert.Equal(visit.Start.AddHours(-2), twoHours.DueAt);
        Assert.Equal(120, twoHours.Payload.GetProperty("minutes_before").GetInt32());
    }

    [Fact]
    public async Task ReminderTimesThatHavePassedAtBookingAreNotPlanned()
    {
        var patient = await RegisterPatientAsync();
        var start = TestClinic.At(App.NextWorkday(), 15);
        AdvanceTo(start.AddHours(-10));

        var visit = await BookOkAsync(patient, start, Clinic.AlphaId);

        AdvanceTo(start.AddHours(-2));
        var only = Assert.Single(await ClaimMineAsync(patient));
        Assert.Equal(visit.Start.AddHours(-2), only.DueAt);
    }

    [Fact]
    public async Task AHoldGetsRemindersOnlyOnceItIsConfirmed()
    {
        var patient = await RegisterPatientAsync();
        var held = await BookOkAsync(patient, TestClinic.At(App.NextWorkday(), 11), Clinic.AlphaId, hold: true);
        await Api.PostAsJsonAsync(Routes.AppointmentConfirm(held.Id), new ConfirmAppointmentRequest(patient), ClinicJson.Options, Cancel);

        AdvanceTo(held.Start.AddHours(-2));

        Assert.Equal(2, (await ClaimMineAsync(patient)).Count(i => AppointmentIdOf(i) == held.Id));
    }

    [Fact]
    public async Task ACancelledVisitIsNotReminded()
    {
        var patient = await RegisterPatientAsync();
        var visit = await BookOkAsync(patient, TestClinic.At(App.NextWorkday(), 12), Clinic.AlphaId);
        Assert.Equal(HttpStatusCode.OK, (await CancelVisitAsync(patient, visit.Id)).StatusCode);

        AdvanceTo(visit.Start.AddHours(-1));

        Assert.Empty(await ClaimMineAsync(patient));
    }

    [Fact]
    public async Task AMovedVisitIsRemindedAtItsNewTimeOnly()
    {
        var patient = await RegisterPatientAsync();
        var day = App.NextWorkday();
        var visit = await BookOkAsync(patient, TestClinic.At(day, 10), Clinic.AlphaId);
        var later = TestClinic.At(day.AddDays(1) is { DayOfWeek: DayOfWeek.Sunday } d ? d.AddDays(1) : day.AddDays(1), 16);
        App.NextWorkday(); // keep the next test off that day
        var moved = await Api.PatchAsJsonAsync(Routes.Appointment(visit.Id), new RescheduleAppointmentRequest(patient, later), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var replacement = await ReadAsync<AppointmentDto>(moved);

        AdvanceTo(visit.Start.AddHours(-2));
        var early = await ClaimMineAsync(patient);
        Assert.DoesNotContain(early, i => AppointmentIdOf(i) == visit.Id);

        AdvanceTo(replacement.Start.AddHours(-2));
        var reminders = (await ClaimMineAsync(patient)).Concat(early).Where(i => AppointmentIdOf(i) == replacement.Id).ToList();
        Assert.Equal([replacement.Start.AddHours(-24), replacement.Start.AddHours(-2)], reminders.Select(i => i.DueAt).Order());
    }

    [Fact]
    public async Task ABroadcastRowOfAPatientWhoOptedOutOfNewsAfterItWasPlannedIsCancelledNotClaimed()
    {
        var patient = await RegisterPatientAsync();
        var ids = await EnqueueAsync(patient, 2);
        await SetPatientAsync(patient, p => p.NewsOptIn = false);

        Assert.Empty(await ClaimMineAsync(patient));

        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(Cancel);
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Cancelled, global::Clinic.Api.Features.Outbox.OutboxApi.NewsOptedOut, 0),
            (r.Status, r.Error, r.Attempts)));
    }

    [Fact]
    public async Task APatientWhoTurnedRemindersOffGetsNone()
    {
        var patient = await RegisterPatientAsync();
        await SetPatientAsync(patient, p => p.RemindersEnabled = false);
        var visit = await BookOkAsync(patient, TestClinic.At(App.NextWorkday(), 16, 30), Clinic.AlphaId);

        AdvanceTo(visit.Start.AddHours(-1));

        Assert.Empty(await ClaimMineAsync(patient));
    }

    [Fact]
    public async Task AFulfilledVisitPlansTheSurveyTwoHoursLater()
    {
        var patient = await RegisterPatientAsync();
        var visit = await BookOkAsync(patient, TestClinic.At(App.NextWorkday(), 9), Clinic.AlphaId);
        AdvanceTo(visit.Start.AddMinutes(30));
        await ClaimMineAsync(patient); // the reminders, out of the way

        var fulfilled = await App.Staff.PostAsync($"/api/admin/appointments/{visit.Id}/status/", RawJson("""{"status":"fulfilled"}"""), Cancel);
        Assert.Equal(HttpStatusCode.OK, fulfilled.StatusCode);
        var markedAt = App.Clock.GetUtcNow();

        App.Clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Empty(await ClaimMineAsync(patient));
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var survey = Assert.Single(await ClaimMineAsync(patient));
        Assert.Equal(OutboxKinds.NpsSurvey, survey.Kind);
        Assert.Equal(markedAt.AddHours(2), survey.DueAt);
        Assert.Equal($$"""{"appointment_id":{{visit.Id}}}""", survey.Payload.GetRawText());
    }

    [Fact]
    public async Task ALeasedRowIsNotClaimedAgainUntilItsLeaseRunsOut()
    {
        var (_, row) = await DueReminderAsync(leaseSeconds: 30);

        Assert.DoesNotContain((await ClaimAsync()).Items, i => i.Id == row.Id);

        App.Clock.Advance(TimeSpan.FromSeconds(31));
        var second = await ClaimAsync();
        var again = Assert.Single(second.Items, i => i.Id == row.Id);
        Assert.Equal(2, again.Attempts);

        // The first sender's lease has lost the row: its late report is refused, the new lease's report counts.
        var late = await ReportAsync(row.Id, new OutboxResultRequest(row.Lease, OutboxOutcome.Sent, TelegramMessageId: 5));
        await AssertErrorAsync(late, HttpStatusCode.Conflict, ErrorCodes.LeaseLost);
        var state = await ReportOkAsync(row.Id, new OutboxResultRequest(second.LeaseId, OutboxOutcome.Sent, TelegramMessageId: 6));
        Assert.Equal(OutboxStatus.Sent, state.Status);
        Assert.Equal(6, state.TelegramMessageId);
    }

    [Fact]
    public async Task ReportingTheSameResultTwiceChangesNothing()
    {
        var (patient, row) = await DueReminderAsync();

        var first = await ReportOkAsync(row.Id, new OutboxResultRequest(row.Lease, OutboxOutcome.Sent, TelegramMessageId: 77));
        var second = await ReportOkAsync(row.Id, new OutboxResultRequest(row.Lease, OutboxOutcome.Sent, TelegramMessageId: 77));

        Assert.Equal(first, second);
        Assert.Equal(OutboxStatus.Sent, second.Status);
        App.Clock.Advance(TimeSpan.FromHours(1));
        Assert.DoesNotContain(await ClaimMineAsync(patient), i => i.Id == row.Id);
    }

    [Fact]
    public async Task AFailedSendIsRetriedAfterRetryAfterUntilTheAttemptsRunOut()
    {
        var (_, row) = await DueReminderAsync();
        var lease = row.Lease;
        for (var attempt = 1; attempt < 5; attempt++)
        {
            var state = await ReportOkAsync(row.Id, new OutboxResultRequest(lease, OutboxOutcome.Failed, Error: "Bad Gateway", RetryAfterSeconds: 90));
            Assert.Equal(OutboxStatus.Pending, state.Status);
            Assert.Equal(App.Clock.GetUtcNow().AddSeconds(90), state.DueAt);

            App.Clock.Advance(TimeSpan.FromSeconds(89));
            Assert.DoesNotContain((await ClaimAsync()).Items, i => i.Id == row.Id);
            App.Clock.Advance(TimeSpan.FromSeconds(1));
            var claim = await ClaimAsync();
            Assert.Equal(attempt + 1, Assert.Single(claim.Items, i => i.Id == row.Id).Attempts);
            lease = claim.LeaseId;
        }

        var last = await ReportOkAsync(row.Id, new OutboxResultRequest(lease, OutboxOutcome.Failed, Error: "Bad Gateway"));
        Assert.Equal(OutboxStatus.Failed, last.Status);
        Assert.Equal("Bad Gateway", last.Error);
    }

    [Fact]
    public async Task APermanentFailureIsNotRetried()
    {
        var (_, row) = await DueReminderAsync();

        var state = await ReportOkAsync(row.Id, new OutboxResultRequest(row.Lease, OutboxOutcome.Failed, Error: "No renderer for 'x'", Permanent: true));

        Assert.Equal(OutboxStatus.Failed, state.Status);
    }

    [Fact]
    public async Task AReleasedRowIsDueAgainAtOnceWithoutCountingTheAttempt()
    {
        var (patient, row) = await DueReminderAsync();

        var state = await ReportOkAsync(row.Id, new OutboxResultRequest(row.Lease, OutboxOutcome.Released));

        Assert.Equal(OutboxStatus.Pending, state.Status);
        var again = Assert.Single(await ClaimMineAsync(patient), i => i.Id == row.Id);
        Assert.Equal(1, again.Attempts);
    }

    [Fact]
    public async Task APatientWhoBlockedTheBotGetsNothingUntilTheyWriteAgain()
    {
        var (patient, row) = await DueReminderAsync();

        var state = await ReportOkAsync(row.Id, new OutboxResultRequest(row.Lease, OutboxOutcome.Blocked, Error: "Forbidden: bot was blocked by the user"));

        Assert.Equal(OutboxStatus.Blocked, state.Status);
        var profile = await Api.GetFromJsonAsync<PatientDto>(Routes.PatientByTelegram(patient), ClinicJson.Options, Cancel);
        Assert.True(profile!.BotBlocked);
        AdvanceTo(row.VisitStart.AddHours(-2));
        Assert.Empty(await ClaimMineAsync(patient));

        // Writing to the bot again goes through the patient upsert, which clears the mark.
        var upsert = await Api.PostAsJsonAsync(Routes.PatientUpsert, new PatientUpsertRequest(patient), ClinicJson.Options, Cancel);
        Assert.False((await ReadAsync<PatientDto>(upsert)).BotBlocked);
        Assert.Single(await ClaimMineAsync(patient));
    }

    [Fact]
    public async Task BadClaimsAndReportsAreRefusedWithTheirCodes()
    {
        var tooMany = await Api.PostAsync(OutboxRoutes.Claim, RawJson("""{"limit":501,"lease_seconds":60}"""), Cancel);
        await AssertErrorAsync(tooMany, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        var shortLease = await Api.PostAsync(OutboxRoutes.Claim, RawJson("""{"limit":5,"lease_seconds":1}"""), Cancel);
        await AssertErrorAsync(shortLease, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        var unknown = await ReportAsync(987_654_321, new OutboxResultRequest(Guid.NewGuid(), OutboxOutcome.Sent, TelegramMessageId: 1));
        await AssertErrorAsync(unknown, HttpStatusCode.NotFound, ErrorCodes.NotFound);

        var (_, row) = await DueReminderAsync();
        var noMessageId = await ReportAsync(row.Id, new OutboxResultRequest(row.Lease, OutboxOutcome.Sent));
        await AssertErrorAsync(noMessageId, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        var badOutcome = await Api.PostAsync(OutboxRoutes.Result(row.Id), RawJson($$"""{"lease_id":"{{row.Lease}}","outcome":"delivered"}"""), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, badOutcome.StatusCode);
        var stranger = await ReportAsync(row.Id, new OutboxResultRequest(Guid.NewGuid(), OutboxOutcome.Sent, TelegramMessageId: 1));
        await AssertErrorAsync(stranger, HttpStatusCode.Conflict, ErrorCodes.LeaseLost);
    }

    [Fact]
    public async Task TheOutboxNeedsTheBotsSecret()
    {
        var response = await App.Anonymous.PostAsync(OutboxRoutes.Claim, RawJson("""{"limit":5,"lease_seconds":60}"""), Cancel);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task ConcurrentClaimersNeverGetTheSameRow()
    {
        var patient = await RegisterPatientAsync();
        var mine = await EnqueueAsync(patient, 300);

        var claimed = new System.Collections.Concurrent.ConcurrentBag<long>();
        using var gate = new SemaphoreSlim(0);
        var claimers = Enumerable.Range(0, 6).Select(async _ =>
        {
            await gate.WaitAsync(Cancel);
            while (true)
            {
                var claim = await ClaimAsync(limit: 25);
                if (claim.Items.Count == 0)
                    return;
                foreach (var item in claim.Items)
                    claimed.Add(item.Id);
            }
        }).ToList();
        gate.Release(claimers.Count);
        await Task.WhenAll(claimers);

        var ours = claimed.Where(mine.Contains).ToList();
        Assert.Equal(ours.Count, ours.Distinct().Count());
        Assert.Equal(mine.Order(), ours.Order());
    }

    [Fact]
    public async Task ManyResultsAreRecordedInOneRequestEachAsItsOwnReportWould()
    {
        var reader = await RegisterPatientAsync();
        var blocker = await RegisterPatientAsync();
        var readerRows = await EnqueueAsync(reader, 4);
        var blockerRows = await EnqueueAsync(blocker, 1);
        var claim = await ClaimAsync();
        var lease = claim.LeaseId;
        var (sent, failed, released, cancelled) = (readerRows.ElementAt(0), readerRows.ElementAt(1), readerRows.ElementAt(2), readerRows.ElementAt(3));
        var blocked = blockerRows.Single();
        Assert.Superset(readerRows.Append(blocked).ToHashSet(), claim.Items.Select(i => i.Id).ToHashSet());

        var response = await Api.PostAsJsonAsync(OutboxRoutes.Results, new OutboxResultsRequest(
        [
            new OutboxResultItem(sent, lease, OutboxOutcome.Sent, TelegramMessageId: 501),
            new OutboxResultItem(failed, lease, OutboxOutcome.Failed, Error: "Bad Gateway", RetryAfterSeconds: 90),
            new OutboxResultItem(released, lease, OutboxOutcome.Released),
            new OutboxResultItem(cancelled, lease, OutboxOutcome.Cancelled, Error: "visit_started"),
            new OutboxResultItem(blocked, lease, OutboxOutcome.Blocked, Error: "Forbidden: bot was blocked by the user"),
            new OutboxResultItem(987_654_321, lease, OutboxOutcome.Sent, TelegramMessageId: 9),
        ]), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answers = (await ReadAsync<OutboxResultsResponse>(response)).Results;

        Assert.Equal([sent, failed, released, cancelled, blocked, 987_654_321], answers.Select(a => a.Id));
        Assert.Equal((OutboxStatus.Sent, 501L), (answers[0].Row!.Status, answers[0].Row!.TelegramMessageId!.Value));
        Assert.Equal((OutboxStatus.Pending, App.Clock.GetUtcNow().AddSeconds(90)), (answers[1].Row!.Status, answers[1].Row!.DueAt));
        Assert.Equal((OutboxStatus.Pending, 0), (answers[2].Row!.Status, answers[2].Row!.Attempts));
        Assert.Equal((OutboxStatus.Cancelled, "visit_started"), (answers[3].Row!.Status, answers[3].Row!.Error));
        Assert.Equal(OutboxStatus.Blocked, answers[4].Row!.Status);
        Assert.Equal((null, ErrorCodes.NotFound), (answers[5].Row, answers[5].ErrorCode));
        var blockerProfile = await Api.GetFromJsonAsync<PatientDto>(Routes.PatientByTelegram(blocker), ClinicJson.Options, Cancel);
        Assert.True(blockerProfile!.BotBlocked);
        var readerProfile = await Api.GetFromJsonAsync<PatientDto>(Routes.PatientByTelegram(reader), ClinicJson.Options, Cancel);
        Assert.False(readerProfile!.BotBlocked);

        // The released row is due again at once; the same batch again changes nothing and answers the same states.
        Assert.Equal([released], (await ClaimMineAsync(reader)).Select(i => i.Id));
        var again = await Api.PostAsJsonAsync(OutboxRoutes.Results, new OutboxResultsRequest(
            [new OutboxResultItem(sent, lease, OutboxOutcome.Sent, TelegramMessageId: 777), new OutboxResultItem(released, lease, OutboxOutcome.Sent, TelegramMessageId: 778)]),
            ClinicJson.Options, Cancel);
        var repeated = (await ReadAsync<OutboxResultsResponse>(again)).Results;
        Assert.Equal(501, repeated[0].Row!.TelegramMessageId);
        // The released row went to a new claim: the old lease's late result for it is refused.
        Assert.Equal((null, ErrorCodes.LeaseLost), (repeated[1].Row, repeated[1].ErrorCode));
    }

    [Fact]
    public async Task BadBatchesOfResultsAreRefusedWhole()
    {
        var (_, row) = await DueReminderAsync();
        var ok = new OutboxResultItem(row.Id, row.Lease, OutboxOutcome.Sent, TelegramMessageId: 1);

        var empty = await Api.PostAsJsonAsync(OutboxRoutes.Results, new OutboxResultsRequest([]), ClinicJson.Options, Cancel);
        await AssertErrorAsync(empty, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        var twice = await Api.PostAsJsonAsync(OutboxRoutes.Results, new OutboxResultsRequest([ok, ok]), ClinicJson.Options, Cancel);
        await AssertErrorAsync(twice, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        var tooMany = Enumerable.Range(1, 501).Select(i => ok with { Id = i }).ToList();
        var large = await Api.PostAsJsonAsync(OutboxRoutes.Results, new OutboxResultsRequest(tooMany), ClinicJson.Options, Cancel);
        await AssertErrorAsync(large, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        var noMessageId = await Api.PostAsJsonAsync(OutboxRoutes.Results,
            new OutboxResultsRequest([ok with { Id = 987_654_321 }, ok with { TelegramMessageId = null }]), ClinicJson.Options, Cancel);
        var error = await AssertErrorAsync(noMessageId, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Contains("results[1].telegram_message_id", error.Errors!.Keys);
        var notJson = await Api.PostAsync(OutboxRoutes.Results, RawJson("""{"results":[{"id":"x"}]}"""), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);

        // Nothing of the refused batches was recorded.
        var state = await ReportOkAsync(row.Id, new OutboxResultRequest(row.Lease, OutboxOutcome.Sent, TelegramMessageId: 2));
        Assert.Equal(2, state.TelegramMessageId);
    }

    [Fact]
    public async Task AnExtendedLeaseKeepsItsRowsFromOtherClaimsUntilTheyAreReported()
    {
        var (_, row) = await DueReminderAsync(leaseSeconds: 30);

        App.Clock.Advance(TimeSpan.FromSeconds(20));
        var extended = await Api.PostAsJsonAsync(OutboxRoutes.ExtendLease(row.Lease), new OutboxLeaseExtendRequest(30), ClinicJson.Options, Cancel);
        var lease = await ReadAsync<OutboxLeaseDto>(extended);
        Assert.Equal(App.Clock.GetUtcNow().AddSeconds(30), lease.LeaseUntil);
        Assert.True(lease.Rows >= 1, "The claim's rows (this test's reminder, and whatever else was due) are still held.");
        var held = lease.Rows;

        // Past the first lease's end, within the extension: no other claim gets the row.
        App.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.DoesNotContain((await ClaimAsync()).Items, i => i.Id == row.Id);
        var state = await ReportOkAsync(row.Id, new OutboxResultRequest(row.Lease, OutboxOutcome.Sent, TelegramMessageId: 8));
        Assert.Equal(OutboxStatus.Sent, state.Status);

        // A reported row is no longer held; a bad length is refused.
        var after = await Api.PostAsJsonAsync(OutboxRoutes.ExtendLease(row.Lease), new OutboxLeaseExtendRequest(30), ClinicJson.Options, Cancel);
        Assert.Equal(held - 1, (await ReadAsync<OutboxLeaseDto>(after)).Rows);
        var bad = await Api.PostAsJsonAsync(OutboxRoutes.ExtendLease(row.Lease), new OutboxLeaseExtendRequest(1), ClinicJson.Options, Cancel);
        await AssertErrorAsync(bad, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task ALeaseThatRanOutIsExtendedOnlyIfNoOtherClaimTookItsRows()
    {
        var (_, row) = await DueReminderAsync(leaseSeconds: 30);
        App.Clock.Advance(TimeSpan.FromSeconds(31));
        var second = await ClaimAsync();
        Assert.Contains(second.Items, i => i.Id == row.Id);

        var extended = await Api.PostAsJsonAsync(OutboxRoutes.ExtendLease(row.Lease), new OutboxLeaseExtendRequest(30), ClinicJson.Options, Cancel);

        Assert.Equal(0, (await ReadAsync<OutboxLeaseDto>(extended)).Rows);
        await ReportOkAsync(row.Id, new OutboxResultRequest(second.LeaseId, OutboxOutcome.Sent, TelegramMessageId: 9));
    }

    /// <summary>A patient with a booked visit whose day-before reminder is due and leased now.</summary>
    protected async Task<(long Patient, (long Id, Guid Lease, DateTimeOffset VisitStart) Row)> DueReminderAsync(int leaseSeconds = 60)
    {
        var patient = await RegisterPatientAsync();
        var visit = await BookOkAsync(patient, TestClinic.At(App.NextWorkday(), 14), Clinic.AlphaId);
        AdvanceTo(visit.Start.AddHours(-24));
        var claim = await ClaimAsync(leaseSeconds: leaseSeconds);
        var row = Assert.Single(claim.Items, i => i.TelegramId == patient);
        return (patient, (row.Id, claim.LeaseId, visit.Start));
    }

    /// <summary>Broadcast rows planned the way features plan them (Outbox.Enqueue in a unit of work), due now, for a patient who opted in to news.</summary>
    protected async Task<HashSet<long>> EnqueueAsync(long telegramId, int count)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var patient = await db.Patients.SingleAsync(p => p.TelegramId == telegramId, Cancel);
        patient.NewsOptIn = true;
        var now = App.Clock.GetUtcNow();
        var rows = Enumerable.Range(0, count)
            .Select(i => global::Clinic.Api.Features.Outbox.Outbox.Enqueue(db, patient.OrganizationId, patient.Id, OutboxKinds.Broadcast, new { n = i }, now, now))
            .ToList();
        await db.SaveChangesAsync(Cancel);
        return rows.Select(r => r.Id).ToHashSet();
    }

    /// <summary>Settings the profile feature will let patients change; set in the database until it exists.</summary>
    protected async Task SetPatientAsync(long telegramId, Action<global::Clinic.Api.Features.Patients.Patient> change)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        change(await db.Patients.SingleAsync(p => p.TelegramId == telegramId, Cancel));
        await db.SaveChangesAsync(Cancel);
    }
}

public sealed class OutboxOnSqliteTests(SqliteApp app) : OutboxTests(app), IClassFixture<SqliteApp>;

public sealed class OutboxOnPostgresTests(PostgresApp app) : OutboxTests(app), IClassFixture<PostgresApp>;
