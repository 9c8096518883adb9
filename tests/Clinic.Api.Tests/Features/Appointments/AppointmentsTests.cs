using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Features.Appointments;

public abstract class AppointmentsTests(ClinicApp app) : ApiTest(app)
{
    private async Task<List<AppointmentDto>> MineAsync(long telegramId, string scope = "upcoming") =>
        (await Api.GetFromJsonAsync<AppointmentListResponse>($"{Routes.MyAppointments}?telegram_id={telegramId}&scope={scope}", ClinicJson.Options, Cancel))!
        .Items.ToList();

    private Task<HttpResponseMessage> CancelAsync(long telegramId, long id, string? reason = null) =>
        Api.PostAsJsonAsync(Routes.AppointmentCancel(id), new CancelAppointmentRequest(telegramId, reason), ClinicJson.Options, Cancel);

    private Task<HttpResponseMessage> RescheduleAsync(long telegramId, long id, DateTimeOffset start) =>
        Api.PatchAsJsonAsync(Routes.Appointment(id), new RescheduleAppointmentRequest(telegramId, start), ClinicJson.Options, Cancel);

    private Task<HttpResponseMessage> ConfirmAsync(long telegramId, long id) =>
        Api.PostAsJsonAsync(Routes.AppointmentConfirm(id), new ConfirmAppointmentRequest(telegramId), ClinicJson.Options, Cancel);

    /// <summary>The first free slot of Beta from now on: a visit only a few hours away.</summary>
    private async Task<DateTimeOffset> SoonestSlotAsync()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(App.Clock.GetUtcNow(), TestClinic.Almaty).DateTime);
        var response = await Api.GetFromJsonAsync<SlotSearchResponse>(
            $"{Routes.Slots}?branch_id={Clinic.AlmatyId}&service_id={Clinic.ConsultationId}&doctor_id={Clinic.BetaId}&from={today:yyyy-MM-dd}&to={today.AddDays(3):yyyy-MM-dd}",
            ClinicJson.Options, Cancel);
        var day = response!.Days[0].Date;
        var slots = await Api.GetFromJsonAsync<SlotSearchResponse>(
            $"{Routes.Slots}?branch_id={Clinic.AlmatyId}&service_id={Clinic.ConsultationId}&doctor_id={Clinic.BetaId}&date={day:yyyy-MM-dd}",
            ClinicJson.Options, Cancel);
        return slots!.Days[0].Slots![0].Start;
    }

    [Fact]
    public async Task BookingAFreeSlotCreatesABookedAppointmentThatLeavesTheSlotList()
    {
        var date = App.NextWorkday();
        var patient = await RegisterPatientAsync();

        var appointment = await BookOkAsync(patient, TestClinic.At(date, 11), Clinic.AlphaId);

        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
        Assert.Equal(TestClinic.At(date, 11), appointment.Start);
        Assert.Equal(TestClinic.At(date, 11, 30), appointment.End);
        Assert.Equal(Clinic.AlphaId, appointment.Doctor.Id);
        Assert.Equal(Clinic.AlmatyId, appointment.Branch.Id);
        Assert.Equal(Clinic.ConsultationId, appointment.Service.Id);
        Assert.True(appointment.CanChange);
        Assert.Null(appointment.HoldExpiresAt);
        var slots = await Api.GetFromJsonAsync<SlotSearchResponse>(
            $"{Routes.Slots}?branch_id={Clinic.AlmatyId}&service_id={Clinic.ConsultationId}&doctor_id={Clinic.AlphaId}&date={date:yyyy-MM-dd}", ClinicJson.Options, Cancel);
        Assert.DoesNotContain(slots!.Days[0].Slots!, s => s.LocalTime == "11:00");
        Assert.Equal([appointment.Id], (await MineAsync(patient)).Select(a => a.Id));
    }

    [Fact]
    public async Task WithoutADoctorTheBookingGoesToADoctorWhoIsFree()
    {
        var date = App.NextWorkday();
        var first = await BookOkAsync(await RegisterPatientAsync(), TestClinic.At(date, 9));
        var second = await BookOkAsync(await RegisterPatientAsync(), TestClinic.At(date, 9));
        var third = await BookAsync(await RegisterPatientAsync(), TestClinic.At(date, 9));

        Assert.Equal([Clinic.AlphaId, Clinic.BetaId], new[] { first.Doctor.Id, second.Doctor.Id }.Order());
        await AssertErrorAsync(third, HttpStatusCode.Conflict, ErrorCodes.SlotTaken);
    }

    [Theory]
    [InlineData(13, 0)]
    [InlineData(9, 10)]
    [InlineData(8, 0)]
    [InlineData(17, 45)]
    public async Task ATimeThatIsNotAWorkingSlotIsUnavailable(int hour, int minute)
    {
        var date = App.NextWorkday();

        var response = await BookAsync(await RegisterPatientAsync(), TestClinic.At(date, hour, minute), Clinic.AlphaId);

        await AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCodes.SlotUnavailable);
    }

    [Fact]
    public async Task ASlotBeyondTheBookingHorizonIsUnavailable()
    {
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        var far = today.AddDays(70);
        while (far.DayOfWeek == DayOfWeek.Sunday) far = far.AddDays(1);

        var response = await BookAsync(await RegisterPatientAsync(), TestClinic.At(far, 10), Clinic.AlphaId);

        await AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCodes.SlotUnavailable);
    }

    [Fact]
    public async Task ASlotAnotherPatientHasIsTaken()
    {
        var date = App.NextWorkday();
        await BookOkAsync(await RegisterPatientAsync(), TestClinic.At(date, 10), Clinic.BetaId);

        var response = await BookAsync(await RegisterPatientAsync(), TestClinic.At(date, 10), Clinic.BetaId);

        await AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCodes.SlotTaken);
    }

    [Fact]
    public async Task TheServiceBufferKeepsTheNextSlotTaken()
    {
        var date = App.NextWorkday();
        await BookOkAsync(await RegisterPatientAsync(), TestClinic.At(date, 10), Clinic.AlphaId, serviceId: Clinic.UltrasoundId);

        var inBuffer = await BookAsync(await RegisterPatientAsync(), TestClinic.At(date, 10, 30), Clinic.AlphaId);
        var afterBuffer = await BookAsync(await RegisterPatientAsync(), TestClinic.At(date, 10, 45), Clinic.AlphaId);

        await AssertErrorAsync(inBuffer, HttpStatusCode.Conflict, ErrorCodes.SlotTaken);
        Assert.Equal(HttpStatusCode.Created, afterBuffer.StatusCode);
    }

    [Fact]
    public async Task APatientCannotHoldTwoOverlappingAppointments()
    {
        var date = App.NextWorkday();
        var patient = await RegisterPatientAsync();
        await BookOkAsync(patient, TestClinic.At(date, 15), Clinic.AlphaId);

        var overlapping = await BookAsync(patient, TestClinic.At(date, 15, 15), Clinic.BetaId);
        var later = await BookAsync(patient, TestClinic.At(date, 15, 30), Clinic.BetaId);

        await AssertErrorAsync(overlapping, HttpStatusCode.Conflict, ErrorCodes.PatientOverlap);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }

    [Fact]
    public async Task OnlyARegisteredKnownPatientCanBook()
    {
        var date = App.NextWorkday();
        var unregistered = NewTelegramId();
        await Api.PostAsJsonAsync(Routes.PatientUpsert, new PatientUpsertRequest(unregistered, FullName: "Без согласия"), ClinicJson.Options, Cancel);

        await AssertErrorAsync(await BookAsync(NewTelegramId(), TestClinic.At(date, 10)), HttpStatusCode.NotFound, ErrorCodes.PatientNotFound);
        await AssertErrorAsync(await BookAsync(unregistered, TestClinic.At(date, 10)), HttpStatusCode.Conflict, ErrorCodes.ConsentRequired);
    }

    [Fact]
    public async Task UnknownBranchServiceOrDoctorIsNotFound()
    {
        var date = App.NextWorkday();
        var patient = await RegisterPatientAsync();
        var start = TestClinic.At(date, 10);

        await AssertErrorAsync(await Api.PostAsJsonAsync(Routes.Appointments,
            new CreateAppointmentRequest(patient, 999_999, Clinic.ConsultationId, null, start), ClinicJson.Options, Cancel), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await BookAsync(patient, start, serviceId: 999_999), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await BookAsync(patient, start, Clinic.GammaId), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await BookAsync(patient, start, Clinic.BetaId, serviceId: Clinic.UltrasoundId), HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task BadBookingInputIsA400()
    {
        var patient = await RegisterPatientAsync();

        var past = await BookAsync(patient, App.Clock.GetUtcNow().AddHours(-1), Clinic.AlphaId);
        var malformed = await Api.PostAsync(Routes.Appointments, RawJson("{\"telegram_id\":"), Cancel);
        var wrongType = await Api.PostAsync(Routes.Appointments, RawJson($"{{\"telegram_id\":{patient},\"branch_id\":1,\"service_id\":1,\"start\":\"tomorrow\"}}"), Cancel);
        var missing = await Api.PostAsync(Routes.Appointments, RawJson($"{{\"telegram_id\":{patient}}}"), Cancel);

        Assert.Contains("start", (await AssertErrorAsync(past, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed)).Errors!.Keys);
        await AssertErrorAsync(malformed, HttpStatusCode.BadRequest, ErrorCodes.InvalidJson);
        Assert.Contains("start", (await AssertErrorAsync(wrongType, HttpStatusCode.BadRequest, ErrorCodes.InvalidJson)).Errors!.Keys);
        var error = await AssertErrorAsync(missing, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Contains("branch_id", error.Errors!.Keys);
        Assert.Contains("start", error.Errors!.Keys);
    }

    [Fact]
    public async Task AHoldIsPendingForFiveMinutesAndConfirmingBooksIt()
    {
        var date = App.NextWorkday();
        var patient = await RegisterPatientAsync();

        var held = await BookOkAsync(patient, TestClinic.At(date, 12), Clinic.AlphaId, hold: true);
        var other = await BookAsync(await RegisterPatientAsync(), TestClinic.At(date, 12), Clinic.AlphaId);
        App.Clock.Advance(TimeSpan.FromMinutes(4));
        var confirmed = await ConfirmAsync(patient, held.Id);

        Assert.Equal(AppointmentStatus.Pending, held.Status);
        Assert.Equal(App.Clock.GetUtcNow().AddMinutes(1), held.HoldExpiresAt);
        await AssertErrorAsync(other, HttpStatusCode.Conflict, ErrorCodes.SlotTaken);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var booked = await ReadAsync<AppointmentDto>(confirmed);
        Assert.Equal(AppointmentStatus.Booked, booked.Status);
        Assert.Null(booked.HoldExpiresAt);
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(patient, held.Id)).StatusCode);
    }

    [Fact]
    public async Task AnExpiredHoldCannotBeConfirmedAndNoLongerBlocksTheSlot()
    {
        var date = App.NextWorkday();
        var patient = await RegisterPatientAsync();
        var held = await BookOkAsync(patient, TestClinic.At(date, 16), Clinic.BetaId, hold: true);

        App.Clock.Advance(TimeSpan.FromMinutes(6));
        var someoneElse = await BookAsync(await RegisterPatientAsync(), TestClinic.At(date, 16), Clinic.BetaId);
        var confirm = await ConfirmAsync(patient, held.Id);

        Assert.Equal(HttpStatusCode.Created, someoneElse.StatusCode);
        await AssertErrorAsync(confirm, HttpStatusCode.Conflict, ErrorCodes.HoldExpired);
        var released = Assert.Single(await MineAsync(patient, "past"), a => a.Id == held.Id);
        Assert.Equal(AppointmentStatus.Cancelled, released.Status);
        Assert.Equal(CancelledBy.System, released.CancelledBy);
    }

    [Fact]
    public async Task AnExpiredHoldDisappearsFromUpcomingAndItsSlotReturns()
    {
        var date = App.NextWorkday();
        var patient = await RegisterPatientAsync();
        await BookOkAsync(patient, TestClinic.At(date, 14), Clinic.AlphaId, hold: true);

        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var slots = await Api.GetFromJsonAsync<SlotSearchResponse>(
            $"{Routes.Slots}?branch_id={Clinic.AlmatyId}&service_id={Clinic.ConsultationId}&doctor_id={Clinic.AlphaId}&date={date:yyyy-MM-dd}", ClinicJson.Options, Cancel);

        Assert.Empty(await MineAsync(patient));
        Assert.Contains(slots!.Days[0].Slots!, s => s.LocalTime == "14:00");
    }

    [Fact]
    public async Task MyAppointmentsSplitIntoUpcomingSoonestFirstAndPast()
    {
        var patient = await RegisterPatientAsync();
        var later = await BookOkAsync(patient, TestClinic.At(App.NextWorkday(), 10), Clinic.AlphaId);
        var sooner = await BookOkAsync(patient, TestClinic.At(App.NextWorkday().AddDays(-30 + 30), 9), Clinic.BetaId);
        var cancelled = await BookOkAsync(patient, TestClinic.At(App.NextWorkday(), 11), Clinic.BetaId);
        await CancelAsync(patient, cancelled.Id, "Передумал");

        var upcoming = await MineAsync(patient);
        var past = await MineAsync(patient, "past");

        Assert.Equal(new[] { later, sooner }.OrderBy(a => a.Start).Select(a => a.Id), upcoming.Select(a => a.Id));
        Assert.Equal([cancelled.Id], past.Select(a => a.Id));
        Assert.Equal("Передумал", past[0].CancelReason);
    }

    [Fact]
    public async Task MyAppointmentsRejectsAnUnknownScopeOrPatient()
    {
        var patient = await RegisterPatientAsync();

        var badScope = await Api.GetAsync($"{Routes.MyAppointments}?telegram_id={patient}&scope=tomorrow", Cancel);
        var unknown = await Api.GetAsync($"{Routes.MyAppointments}?telegram_id={NewTelegramId()}", Cancel);
        var noId = await Api.GetAsync(Routes.MyAppointments, Cancel);

        Assert.Contains("scope", (await AssertErrorAsync(badScope, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed)).Errors!.Keys);
        await AssertErrorAsync(unknown, HttpStatusCode.NotFound, ErrorCodes.PatientNotFound);
        await AssertErrorAsync(noId, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task ReschedulingMovesTheVisitToANewSlotAndFreesTheOldOne()
    {
        var date = App.NextWorkday();
        var patient = await RegisterPatientAsync();
        var original = await BookOkAsync(patient, TestClinic.At(date, 9, 30), Clinic.AlphaId);

        var response = await RescheduleAsync(patient, original.Id, TestClinic.At(date, 16, 30));
        var taker = await BookAsync(await RegisterPatientAsync(), TestClinic.At(date, 9, 30), Clinic.AlphaId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = await ReadAsync<AppointmentDto>(response);
        Assert.Equal(TestClinic.At(date, 16, 30), moved.Start);
        Assert.Equal(original.Id, moved.RescheduledFromId);
        Assert.Equal(Clinic.AlphaId, moved.Doctor.Id);
        Assert.Equal(AppointmentStatus.Booked, moved.Status);
        Assert.Equal([moved.Id], (await MineAsync(patient)).Select(a => a.Id));
        Assert.Equal(AppointmentStatus.Cancelled, (await MineAsync(patient, "past")).Single(a => a.Id == original.Id).Status);
        Assert.Equal(HttpStatusCode.Created, taker.StatusCode);
    }

    [Fact]
    public async Task ReschedulingOntoATakenOrNonWorkingTimeIsRefusedAndKeepsTheOriginal()
    {
        var date = App.NextWorkday();
        var patient = await RegisterPatientAsync();
        var original = await BookOkAsync(patient, TestClinic.At(date, 10), Clinic.BetaId);
        await BookOkAsync(await RegisterPatientAsync(), TestClinic.At(date, 11), Clinic.BetaId);

        var taken = await RescheduleAsync(patient, original.Id, TestClinic.At(date, 11));
        var lunch = await RescheduleAsync(patient, original.Id, TestClinic.At(date, 13, 15));
        var past = await RescheduleAsync(patient, original.Id, App.Clock.GetUtcNow().AddDays(-1));

        await AssertErrorAsync(taken, HttpStatusCode.Conflict, ErrorCodes.SlotTaken);
        await AssertErrorAsync(lunch, HttpStatusCode.Conflict, ErrorCodes.SlotUnavailable);
        await AssertErrorAsync(past, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        var still = Assert.Single(await MineAsync(patient));
        Assert.Equal(original.Id, still.Id);
        Assert.Equal(AppointmentStatus.Booked, still.Status);
    }

    [Fact]
    public async Task CancellingRecordsTheReasonAndACancelledVisitCannotBeChangedAgain()
    {
        var date = App.NextWorkday();
        var patient = await RegisterPatientAsync();
        var appointment = await BookOkAsync(patient, TestClinic.At(date, 17), Clinic.AlphaId);

        var response = await CancelAsync(patient, appointment.Id, "Заболел");
        var again = await CancelAsync(patient, appointment.Id);
        var reschedule = await RescheduleAsync(patient, appointment.Id, TestClinic.At(date, 17, 15));
        var confirm = await ConfirmAsync(patient, appointment.Id);

        var cancelled = await ReadAsync<AppointmentDto>(response);
        Assert.Equal(AppointmentStatus.Cancelled, cancelled.Status);
        Assert.Equal("Заболел", cancelled.CancelReason);
        Assert.Equal(CancelledBy.Patient, cancelled.CancelledBy);
        Assert.False(cancelled.CanChange);
        Assert.Null(cancelled.ChangeUntil);
        await AssertErrorAsync(again, HttpStatusCode.Conflict, ErrorCodes.NotChangeable);
        await AssertErrorAsync(reschedule, HttpStatusCode.Conflict, ErrorCodes.NotChangeable);
        await AssertErrorAsync(confirm, HttpStatusCode.Conflict, ErrorCodes.NotChangeable);
    }

    [Fact]
    public async Task InsideTheChangeWindowRescheduleAndCancelAreTooLate()
    {
        var patient = await RegisterPatientAsync();
        var start = await SoonestSlotAsync();
        var appointment = await BookOkAsync(patient, start, Clinic.BetaId);
        Assert.True(appointment.CanChange);
        Assert.Equal(start.AddMinutes(-120), appointment.ChangeUntil); // the default 2-hour window, for the bot to say until when

        App.Clock.SetUtcNow(start.AddMinutes(-120));
        Assert.True(Assert.Single(await MineAsync(patient)).CanChange); // the last moment still counts

        App.Clock.SetUtcNow(start.AddMinutes(-119));
        var cancel = await CancelAsync(patient, appointment.Id);
        var reschedule = await RescheduleAsync(patient, appointment.Id, start.AddDays(7));

        await AssertErrorAsync(cancel, HttpStatusCode.Conflict, ErrorCodes.TooLate);
        await AssertErrorAsync(reschedule, HttpStatusCode.Conflict, ErrorCodes.TooLate);
        Assert.False(Assert.Single(await MineAsync(patient)).CanChange);
    }

    [Fact]
    public async Task ALiveHoldCanBeLetGoEvenInsideTheChangeWindow()
    {
        var patient = await RegisterPatientAsync();
        var start = await SoonestSlotAsync();
        // Exactly the minimum notice ahead, so three minutes later the hold is alive but inside the change window.
        App.Clock.SetUtcNow(start.AddMinutes(-120));
        var held = await BookOkAsync(patient, start, Clinic.BetaId, hold: true);

        App.Clock.Advance(TimeSpan.FromMinutes(3));
        var response = await CancelAsync(patient, held.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AppointmentStatus.Cancelled, (await ReadAsync<AppointmentDto>(response)).Status);
    }

    [Fact]
    public async Task APastVisitIsInThePastListAndCannotBeChanged()
    {
        var patient = await RegisterPatientAsync();
        var start = await SoonestSlotAsync();
        var appointment = await BookOkAsync(patient, start, Clinic.BetaId);

        App.Clock.SetUtcNow(start.AddMinutes(45));
        var cancel = await CancelAsync(patient, appointment.Id);

        await AssertErrorAsync(cancel, HttpStatusCode.Conflict, ErrorCodes.NotChangeable);
        Assert.Empty(await MineAsync(patient));
        Assert.Equal([appointment.Id], (await MineAsync(patient, "past")).Select(a => a.Id));
    }

    [Fact]
    public async Task AnotherPatientsAppointmentLooksNotFound()
    {
        var date = App.NextWorkday();
        var owner = await RegisterPatientAsync();
        var stranger = await RegisterPatientAsync();
        var appointment = await BookOkAsync(owner, TestClinic.At(date, 12, 15), Clinic.AlphaId, hold: true);

        await AssertErrorAsync(await ConfirmAsync(stranger, appointment.Id), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await RescheduleAsync(stranger, appointment.Id, TestClinic.At(date, 15, 45)), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await CancelAsync(stranger, appointment.Id), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        Assert.Empty(await MineAsync(stranger));
        Assert.Equal(AppointmentStatus.Pending, Assert.Single(await MineAsync(owner)).Status);
    }

    [Fact]
    public async Task AnUnknownAppointmentIdIsNotFound()
    {
        var patient = await RegisterPatientAsync();

        await AssertErrorAsync(await CancelAsync(patient, 987_654_321), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await ConfirmAsync(patient, 987_654_321), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await Api.PatchAsync("/api/bot/appointments/abc/", RawJson("{}"), Cancel), HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task ARetryWithTheSameIdempotencyKeyGetsTheFirstAnswer()
    {
        var date = App.NextWorkday();
        var patient = await RegisterPatientAsync();
        var key = Guid.NewGuid().ToString();

        var first = await BookAsync(patient, TestClinic.At(date, 10, 15), Clinic.AlphaId, idempotencyKey: key);
        var retry = await BookAsync(patient, TestClinic.At(date, 10, 15), Clinic.AlphaId, idempotencyKey: key);
        var withoutKey = await BookAsync(patient, TestClinic.At(date, 10, 15), Clinic.AlphaId);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancel), await retry.Content.ReadAsStringAsync(Cancel));
        await AssertErrorAsync(withoutKey, HttpStatusCode.Conflict, ErrorCodes.SlotTaken);
        Assert.Single(await MineAsync(patient));
    }

    [Fact]
    public async Task ReusingAnIdempotencyKeyForADifferentRequestIsRefused()
    {
        var date = App.NextWorkday();
        var patient = await RegisterPatientAsync();
        var key = Guid.NewGuid().ToString();
        await BookAsync(patient, TestClinic.At(date, 11, 15), Clinic.AlphaId, idempotencyKey: key);

        var different = await BookAsync(patient, TestClinic.At(date, 11, 45), Clinic.AlphaId, idempotencyKey: key);

        await AssertErrorAsync(different, HttpStatusCode.UnprocessableEntity, ErrorCodes.IdempotencyConflict);
        Assert.Single(await MineAsync(patient));
    }
}

public sealed class AppointmentsOnSqliteTests(SqliteApp app) : AppointmentsTests(app), IClassFixture<SqliteApp>;

public sealed class AppointmentsOnPostgresTests(PostgresApp app) : AppointmentsTests(app), IClassFixture<PostgresApp>;
