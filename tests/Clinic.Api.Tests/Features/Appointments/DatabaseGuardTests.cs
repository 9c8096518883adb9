using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Catalog;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Features.Appointments;

/// <summary>
/// Writes that bypass the API (a second service, a bug, a manual fix) still cannot store a double booking:
/// the PostgreSQL exclusion constraints and the SQLite triggers refuse them.
/// </summary>
public abstract class DatabaseGuardTests(ClinicApp app) : ApiTest(app)
{
    private async Task<(ClinicDbContext Db, IServiceScope Scope, Service Consultation, Service Ultrasound)> OpenAsync()
    {
        var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var consultation = await db.Services.SingleAsync(s => s.Id == Clinic.ConsultationId, Cancel);
        var ultrasound = await db.Services.SingleAsync(s => s.Id == Clinic.UltrasoundId, Cancel);
        return (db, scope, consultation, ultrasound);
    }

    private async Task<long> PatientIdAsync(ClinicDbContext db)
    {
        var telegramId = await RegisterPatientAsync();
        return (await db.Patients.SingleAsync(p => p.TelegramId == telegramId, Cancel)).Id;
    }

    private Appointment Visit(long patientId, long doctorId, DateTimeOffset start, Service service, AppointmentStatus status = AppointmentStatus.Booked)
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var appointment = new Appointment
        {
            OrganizationId = 1, PatientId = patientId, DoctorId = doctorId, BranchId = Clinic.AlmatyId, ServiceId = service.Id,
            Status = status, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        appointment.SetTimes(start.UtcDateTime, service);
        return appointment;
    }

    [Fact]
    public async Task TheDatabaseRefusesASecondActiveAppointmentOfTheDoctorInsideTheBuffer()
    {
        var (db, scope, consultation, ultrasound) = await OpenAsync();
        using var _ = scope;
        var date = App.NextWorkday();
        db.Appointments.Add(Visit(await PatientIdAsync(db), Clinic.AlphaId, TestClinic.At(date, 10), ultrasound));
        await db.SaveChangesAsync(Cancel);

        db.Appointments.Add(Visit(await PatientIdAsync(db), Clinic.AlphaId, TestClinic.At(date, 10, 35), consultation));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));

        Assert.Equal(ErrorCodes.SlotTaken, BookingTransaction.ConflictCode(error));
    }

    [Fact]
    public async Task TheDatabaseRefusesOverlappingAppointmentsOfOnePatient()
    {
        var (db, scope, consultation, _) = await OpenAsync();
        using var __ = scope;
        var date = App.NextWorkday();
        var patient = await PatientIdAsync(db);
        db.Appointments.Add(Visit(patient, Clinic.AlphaId, TestClinic.At(date, 11), consultation));
        await db.SaveChangesAsync(Cancel);

        db.Appointments.Add(Visit(patient, Clinic.BetaId, TestClinic.At(date, 11, 15), consultation));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));

        Assert.Equal(ErrorCodes.PatientOverlap, BookingTransaction.ConflictCode(error));
    }

    [Fact]
    public async Task CancelledAppointmentsDoNotBlockButReactivatingIntoAnOverlapIsRefused()
    {
        var (db, scope, consultation, _) = await OpenAsync();
        using var __ = scope;
        var date = App.NextWorkday();
        var cancelled = Visit(await PatientIdAsync(db), Clinic.BetaId, TestClinic.At(date, 12), consultation, AppointmentStatus.Cancelled);
        db.Appointments.Add(cancelled);
        db.Appointments.Add(Visit(await PatientIdAsync(db), Clinic.BetaId, TestClinic.At(date, 12), consultation));
        await db.SaveChangesAsync(Cancel);

        cancelled.Status = AppointmentStatus.Booked;
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));

        Assert.Equal(ErrorCodes.SlotTaken, BookingTransaction.ConflictCode(error));
    }
}

public sealed class DatabaseGuardOnSqliteTests(SqliteApp app) : DatabaseGuardTests(app), IClassFixture<SqliteApp>;

public sealed class DatabaseGuardOnPostgresTests(PostgresApp app) : DatabaseGuardTests(app), IClassFixture<PostgresApp>;
