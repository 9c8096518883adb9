using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Patients;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Bot.Tests.Features.Feedback;

/// <summary>
/// The whole system with the staff API open, and past visits: a visit is written as booked some days ago (the API's
/// clock is real, so nothing can be booked in the past) and then marked fulfilled by "reception" through the staff API.
/// </summary>
public sealed class VisitsEnvironment : BotEnvironment
{
    private static int _hoursBack;

    /// <summary>A fulfilled visit of the patient behind <paramref name="telegramId"/>, a few days ago (each call earlier than the last).</summary>
    public async Task<long> FulfilledVisitAsync(long telegramId)
    {
        long id;
        using (var scope = Api.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            var patient = await db.Patients.SingleAsync(p => p.TelegramId == telegramId);
            var offer = await db.DoctorServices.OrderBy(ds => ds.DoctorId).FirstAsync();
            var branch = await db.DoctorBranches.Where(x => x.DoctorId == offer.DoctorId).Select(x => x.BranchId).FirstAsync();
            var service = await db.Services.SingleAsync(s => s.Id == offer.ServiceId);
            var now = DateTime.UtcNow;
            var visit = new Appointment
            {
                OrganizationId = patient.OrganizationId, PatientId = patient.Id, DoctorId = offer.DoctorId, BranchId = branch,
                ServiceId = service.Id, Status = AppointmentStatus.Booked, CreatedAtUtc = now.AddDays(-10), UpdatedAtUtc = now.AddDays(-10),
            };
            var start = new DateTime(now.Year, now.Month, now.Day, 5, 0, 0, DateTimeKind.Utc).AddDays(-3).AddHours(-Interlocked.Increment(ref _hoursBack));
            visit.SetTimes(start, service);
            db.Appointments.Add(visit);
            await db.SaveChangesAsync();
            id = visit.Id;
        }

        await MarkVisitAsync(id, AppointmentStatus.Fulfilled);
        return id;
    }

    public Task<Patient?> PatientAsync(long telegramId) =>
        QueryAsync(db => db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.TelegramId == telegramId));
}
