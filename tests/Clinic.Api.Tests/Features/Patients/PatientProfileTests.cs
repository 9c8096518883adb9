using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Data;
using Clinic.Api.Features.Outbox;
using Clinic.Api.Tests.Features.Feedback;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Features.Patients;

/// <summary>The patient's own settings, and deleting the account without leaving personal data behind.</summary>
public abstract class PatientProfileTests(ClinicApp app) : FeedbackTestBase(app)
{
    private async Task<PatientDto> GetPatientAsync(long telegramId) =>
        (await Api.GetFromJsonAsync<PatientDto>(Routes.PatientByTelegram(telegramId), ClinicJson.Options, Cancel))!;

    private Task<HttpResponseMessage> DeleteAsync(long telegramId, bool confirm = true) =>
        Api.PostAsJsonAsync(ProfileRoutes.DeleteAccount, new DeleteAccountRequest(telegramId, confirm), ClinicJson.Options, Cancel);

    [Fact]
    public async Task NotificationSettingsAreSavedOneByOne()
    {
        var patient = await RegisterPatientAsync();
        Assert.True((await GetPatientAsync(patient)).RemindersEnabled);
        Assert.False((await GetPatientAsync(patient)).NewsOptIn);

        await Api.PostAsJsonAsync(ProfileRoutes.Notifications, new NotificationSettingsRequest(patient, RemindersEnabled: false), ClinicJson.Options, Cancel);
        var afterReminders = await GetPatientAsync(patient);
        Assert.False(afterReminders.RemindersEnabled);
        Assert.False(afterReminders.NewsOptIn);

        var response = await Api.PostAsJsonAsync(ProfileRoutes.Notifications, new NotificationSettingsRequest(patient, NewsOptIn: true), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var afterNews = await GetPatientAsync(patient);
        Assert.False(afterNews.RemindersEnabled);
        Assert.True(afterNews.NewsOptIn);
    }

    [Fact]
    public async Task SettingsOfAnUnknownPatientAre404()
    {
        var response = await Api.PostAsJsonAsync(ProfileRoutes.Notifications, new NotificationSettingsRequest(NewTelegramId(), NewsOptIn: true), ClinicJson.Options, Cancel);

        await AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorCodes.PatientNotFound);
    }

    [Fact]
    public async Task DeletingWithoutConfirmationIsRefusedAndKeepsTheAccount()
    {
        var patient = await RegisterPatientAsync();

        await AssertErrorAsync(await DeleteAsync(patient, confirm: false), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.True((await GetPatientAsync(patient)).IsRegistered);
    }

    [Fact]
    public async Task DeletingTheAccountLeavesNoPersonalDataButKeepsTheVisitHistory()
    {
        var telegramId = await RegisterPatientAsync();
        var before = await GetPatientAsync(telegramId);
        var past = await FulfilledVisitAsync(telegramId, TestClinic.At(App.NextWorkday(), 10));
        await AnswerOkAsync(telegramId, past.Id, 9);
        var future = await BookOkAsync(telegramId, TestClinic.At(App.NextWorkday(), 11), Clinic.BetaId);
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            global::Clinic.Api.Features.Outbox.Outbox.Enqueue(db, 1, before.Id, OutboxKinds.Reminder, new { appointment_id = future.Id }, future.Start.AddHours(-2), App.Clock.GetUtcNow(), future.Id);
            await db.SaveChangesAsync(Cancel);
        }

        int pendingMessages;
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            pendingMessages = await db.OutboxMessages.CountAsync(m => m.PatientId == before.Id && m.Status == OutboxStatus.Pending, Cancel);
        }

        var response = await DeleteAsync(telegramId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await ReadAsync<DeleteAccountResponse>(response);
        Assert.Equal(1, result.CancelledAppointments);
        Assert.True(pendingMessages > 1, "the booking's reminders and the added one were pending");
        Assert.Equal(pendingMessages, result.CancelledMessages);
        await AssertErrorAsync(await Api.GetAsync(Routes.PatientByTelegram(telegramId), Cancel), HttpStatusCode.NotFound, ErrorCodes.PatientNotFound);

        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            var row = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == before.Id, Cancel);
            Assert.Null(row.FullName);
            Assert.Null(row.Phone);
            Assert.Null(row.Iin);
            Assert.Null(row.BirthDate);
            Assert.Null(row.Sex);
            Assert.Null(row.ConsentAtUtc);
            Assert.NotEqual(telegramId, row.TelegramId);
            Assert.NotNull(row.DeletedAtUtc);
            Assert.False(await db.Patients.AnyAsync(p => p.TelegramId == telegramId || p.Iin == before.Iin || p.Phone == before.Phone
                || p.FullName == before.FullName && p.Id == before.Id, Cancel));

            var visits = await db.Appointments.AsNoTracking().Where(a => a.PatientId == before.Id).ToListAsync(Cancel);
            Assert.Equal(AppointmentStatus.Fulfilled, visits.Single(a => a.Id == past.Id).Status);
            Assert.Equal(AppointmentStatus.Cancelled, visits.Single(a => a.Id == future.Id).Status);
            Assert.False(await db.Feedback.AnyAsync(f => f.AppointmentId == past.Id, Cancel));
            Assert.All(await db.OutboxMessages.Where(m => m.PatientId == before.Id).ToListAsync(Cancel),
                m => Assert.Equal(OutboxStatus.Cancelled, m.Status));
        }
    }

    [Fact]
    public async Task AfterDeletionTheSameTelegramUserRegistersAnewWithTheSameIin()
    {
        var telegramId = NewTelegramId();
        var iin = TestIins.Next();
        var request = new PatientUpsertRequest(telegramId, iin, "Сейтова Дина", TestIins.NextPhone(), Language.Kk, "v1");
        var first = await Api.PostAsJsonAsync(Routes.PatientUpsert, request, ClinicJson.Options, Cancel);
        var oldId = (await ReadAsync<PatientDto>(first)).Id;

        Assert.Equal(HttpStatusCode.OK, (await DeleteAsync(telegramId)).StatusCode);
        var again = await Api.PostAsJsonAsync(Routes.PatientUpsert, request, ClinicJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var fresh = await ReadAsync<PatientDto>(again);
        Assert.NotEqual(oldId, fresh.Id);
        Assert.True(fresh.IsRegistered);
    }

    [Fact]
    public async Task DeletingAnUnknownAccountIs404()
    {
        await AssertErrorAsync(await DeleteAsync(NewTelegramId()), HttpStatusCode.NotFound, ErrorCodes.PatientNotFound);
    }
}

public sealed class PatientProfileOnSqliteTests(SqliteApp app) : PatientProfileTests(app), IClassFixture<SqliteApp>;

public sealed class PatientProfileOnPostgresTests(PostgresApp app) : PatientProfileTests(app), IClassFixture<PostgresApp>;
