using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Data;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Features.Appointments;

/// <summary>
/// Many patients booking, holding, moving and cancelling over the same few slots of two doctors at once: the database
/// may pick deadlock victims (PostgreSQL 40P01), but no one ever gets a 5xx, and the schedule never overlaps.
/// </summary>
public abstract class OverlappingWritesTests(ClinicApp app) : ApiTest(app)
{
    private const int Patients = 12;
    private const int Rounds = 5;

    [Fact]
    public async Task Concurrent_overlapping_bookings_and_reschedules_never_answer_5xx()
    {
        var date = App.NextWorkday();
        // Half-hour slots and ultrasounds with a 10-minute buffer after them, so the blocked ranges overlap unevenly.
        var starts = Enumerable.Range(0, 6).Select(i => TestClinic.At(date, 10, 0).AddMinutes(30 * i)).ToArray();
        var patients = new List<long>();
        for (var i = 0; i < Patients; i++)
            patients.Add(await RegisterPatientAsync());

        using var gate = new SemaphoreSlim(0);
        var workers = patients.Select((telegramId, index) => Task.Run(async () =>
        {
            var random = new Random(1000 + index);
            var statuses = new List<HttpStatusCode>();
            await gate.WaitAsync(Cancel);
            for (var round = 0; round < Rounds; round++)
            {
                var start = starts[random.Next(starts.Length)];
                var doctor = random.Next(3) switch { 0 => (long?)null, 1 => Clinic.AlphaId, _ => Clinic.BetaId };
                var service = doctor == Clinic.AlphaId && random.Next(2) == 0 ? Clinic.UltrasoundId : Clinic.ConsultationId;
                var booked = await BookAsync(telegramId, start, doctor, hold: random.Next(4) == 0, serviceId: service);
                statuses.Add(booked.StatusCode);
                if (booked.StatusCode != HttpStatusCode.Created)
                    continue;
                var appointment = await ReadAsync<AppointmentDto>(booked);
                var moved = await Api.PatchAsJsonAsync(Routes.Appointment(appointment.Id),
                    new RescheduleAppointmentRequest(telegramId, starts[random.Next(starts.Length)]), ClinicJson.Options, Cancel);
                statuses.Add(moved.StatusCode);
                var current = moved.IsSuccessStatusCode ? await ReadAsync<AppointmentDto>(moved) : appointment;
                if (random.Next(2) == 0)
                    statuses.Add((await Api.PostAsJsonAsync($"{Routes.Appointment(current.Id)}cancel/",
                        new CancelAppointmentRequest(telegramId), ClinicJson.Options, Cancel)).StatusCode);
            }
            return statuses;
        }, Cancel)).ToList();
        gate.Release(Patients);
        var answers = (await Task.WhenAll(workers)).SelectMany(s => s).ToList();

        Assert.True(answers.Count >= Patients * Rounds, $"{answers.Count} answers");
        Assert.All(answers, status => Assert.True((int)status < 500, $"A {(int)status} among {answers.Count} answers"));
        Assert.Contains(HttpStatusCode.Created, answers);
        await AssertNoDoctorIsDoubleBookedAsync();
    }

    private async Task AssertNoDoctorIsDoubleBookedAsync()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var active = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Pending)
            .Select(a => new { a.Id, a.DoctorId, a.BlockedStartUtc, a.BlockedEndUtc }).ToListAsync(Cancel);
        var overlaps = active.SelectMany(a => active.Where(b => b.Id < a.Id && b.DoctorId == a.DoctorId &&
                                                               b.BlockedStartUtc < a.BlockedEndUtc && a.BlockedStartUtc < b.BlockedEndUtc)).Count();
        Assert.Equal(0, overlaps);
    }
}

public sealed class OverlappingWritesOnSqliteTests(SqliteApp app) : OverlappingWritesTests(app), IClassFixture<SqliteApp>;

public sealed class OverlappingWritesOnPostgresTests(PostgresApp app) : OverlappingWritesTests(app), IClassFixture<PostgresApp>;
