using System.Net.Http.Headers;
using System.Net.Http.Json;
using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Documents;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Server.Tests.Infrastructure;

/// <summary>
/// The clinic's side of a browser test, on a server started with <see cref="ServerProcess.StaffToken"/>: the server runs
/// on the system clock, so a visit that already happened is written into its SQLite file as the clinic's records would
/// hold it (a consultation booked for yesterday), and the reception then marks it through the staff API.
/// </summary>
public static class ClinicRecords
{
    /// <summary>Writes a booked consultation with a doctor who gives it, that started <paramref name="ago"/> before now; returns its id.</summary>
    public static async Task<long> AddPastVisitAsync(ServerProcess server, long telegramId, TimeSpan ago, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<SqliteClinicDbContext>()
            .UseSqlite($"Data Source={server.DatabasePath};Default Timeout=30").Options;
        await using var db = new SqliteClinicDbContext(options);
        var patient = await db.Patients.SingleAsync(p => p.TelegramId == telegramId, cancellationToken);
        var offer = await (
            from link in db.DoctorServices
            join service in db.Services on link.ServiceId equals service.Id
            join place in db.DoctorBranches on link.DoctorId equals place.DoctorId
            where service.CategoryRu == SupportingVisits.ConsultationCategoryRu && service.IsActive
            orderby service.Id, link.DoctorId, place.BranchId
            select new { Service = service, link.DoctorId, place.BranchId }).FirstAsync(cancellationToken);

        var now = DateTime.UtcNow;
        var start = new DateTime(now.Ticks - ago.Ticks - now.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);
        var visit = new Appointment
        {
            OrganizationId = patient.OrganizationId,
            PatientId = patient.Id,
            DoctorId = offer.DoctorId,
            BranchId = offer.BranchId,
            ServiceId = offer.Service.Id,
            Status = AppointmentStatus.Booked,
            CreatedAtUtc = start.AddDays(-3),
            UpdatedAtUtc = start.AddDays(-3),
        };
        visit.SetTimes(start, offer.Service);
        db.Appointments.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        return visit.Id;
    }

    /// <summary>The reception marks the visit (<c>POST /api/admin/appointments/{id}/status/</c>).</summary>
    public static async Task<AppointmentDto> MarkAsync(ServerProcess server, long appointmentId, AppointmentStatus status, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.ApiUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServerProcess.StaffToken);
        var response = await http.PostAsJsonAsync($"{Routes.AdminPrefix}/appointments/{appointmentId}/status/",
            new StaffSetStatusRequest(status), ClinicJson.Options, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"The staff API refused: {(int)response.StatusCode} {body}");
        return System.Text.Json.JsonSerializer.Deserialize<AppointmentDto>(body, ClinicJson.Options)!;
    }
}
