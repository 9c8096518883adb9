using System.Net;
using Clinic.Api.Data;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Features.Appointments;

/// <summary>The database, not luck, decides who gets a contested slot.</summary>
public abstract class BookingRaceTests(ClinicApp app) : ApiTest(app)
{
    [Fact]
    public async Task FiftyConcurrentBookingsOfOneSlotGiveExactlyOneAppointment()
    {
        var date = App.NextWorkday();
        var start = TestClinic.At(date, 10);
        var patients = new List<long>();
        for (var i = 0; i < 50; i++)
            patients.Add(await RegisterPatientAsync());

        using var gate = new SemaphoreSlim(0);
        var requests = patients.Select(async p =>
        {
            await gate.WaitAsync(Cancel);
            return await BookAsync(p, start, Clinic.AlphaId);
        }).ToList();
        gate.Release(patients.Count);
        var responses = await Task.WhenAll(requests);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var losers = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(49, losers.Count);
        foreach (var loser in losers)
            await AssertErrorAsync(loser, HttpStatusCode.Conflict, ErrorCodes.SlotTaken);

        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var startUtc = start.UtcDateTime;
        Assert.Equal(1, await db.Appointments.CountAsync(a => a.DoctorId == Clinic.AlphaId && a.StartUtc == startUtc, Cancel));
    }

    [Fact]
    public async Task ConcurrentRetriesWithOneIdempotencyKeyCreateOneAppointmentAndAllGetIt()
    {
        var date = App.NextWorkday();
        var patient = await RegisterPatientAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => BookAsync(patient, TestClinic.At(date, 11), Clinic.BetaId, idempotencyKey: key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(Cancel)));
        Assert.Single(bodies.Distinct());
    }
}

public sealed class BookingRaceOnSqliteTests(SqliteApp app) : BookingRaceTests(app), IClassFixture<SqliteApp>;

public sealed class BookingRaceOnPostgresTests(PostgresApp app) : BookingRaceTests(app), IClassFixture<PostgresApp>;
