using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Patients;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Features.Broadcasts;

/// <summary>
/// Known patients for segment tests, written straight to the database (their history lies in the past, before the
/// app's clock at <see cref="ClinicApp.Epoch"/>, Monday 1 June 2026 in Almaty):
/// <list type="bullet">
/// <item>Aigerim: ru, female, born 1 June 1990 (36 today), registered 10 Jan 2026; consultation with Alpha in Almaty on 1 Mar 2026, and a booked visit on 10 Jun.</item>
/// <item>Berik: kk, male, born 15 Jan 2000 (26), registered 20 May 2026; massage with Gamma in Astana on 15 May 2026.</item>
/// <item>Clara: en, female, born 31 Dec 1960 (65), registered 1 May 2025; ultrasound with Alpha in Almaty on 1 Nov 2025.</item>
/// <item>Daulet: ru, male, no birth date, registered 00:30 on 1 Feb 2026 in Almaty (still 31 Jan in UTC); booked with Beta in Almaty on 25 May 2026, never marked.</item>
/// <item>Erlan (opted out of news) and Farida (blocked the bot): match everything, never in an audience.</item>
/// </list>
/// </summary>
public sealed record Population(long Aigerim, long Berik, long Clara, long Daulet, long Erlan, long Farida)
{
    private static long _nextTelegramId = 880_000_000 + Random.Shared.Next(1_000_000) * 10L;

    public static async Task<Population> SeedAsync(ClinicApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var c = app.Clinic;
        var aigerim = Patient(db, Language.Ru, Sex.Female, new DateOnly(1990, 6, 1), Almaty(2026, 1, 10));
        var berik = Patient(db, Language.Kk, Sex.Male, new DateOnly(2000, 1, 15), Almaty(2026, 5, 20));
        var clara = Patient(db, Language.En, Sex.Female, new DateOnly(1960, 12, 31), Almaty(2025, 5, 1));
        var daulet = Patient(db, Language.Ru, Sex.Male, null, Almaty(2026, 2, 1, 0, 30));
        var erlan = Patient(db, Language.Ru, Sex.Female, new DateOnly(1990, 1, 1), Almaty(2026, 3, 1), optIn: false);
        var farida = Patient(db, Language.Ru, Sex.Female, new DateOnly(1990, 1, 1), Almaty(2026, 3, 1), blocked: true);
        await db.SaveChangesAsync();

        Visit(db, aigerim, c.AlmatyId, c.ConsultationId, c.AlphaId, Almaty(2026, 3, 1, 10), AppointmentStatus.Fulfilled);
        Visit(db, aigerim, c.AlmatyId, c.ConsultationId, c.AlphaId, Almaty(2026, 6, 10, 10), AppointmentStatus.Booked);
        Visit(db, berik, c.AstanaId, c.MassageId, c.GammaId, Almaty(2026, 5, 15, 11), AppointmentStatus.Fulfilled);
        Visit(db, clara, c.AlmatyId, c.UltrasoundId, c.AlphaId, Almaty(2025, 11, 1, 12), AppointmentStatus.Fulfilled);
        Visit(db, daulet, c.AlmatyId, c.ConsultationId, c.BetaId, Almaty(2026, 5, 25, 15), AppointmentStatus.Booked);
        foreach (var (other, hour) in new[] { (erlan, 9), (farida, 10) })
        {
            Visit(db, other, c.AlmatyId, c.ConsultationId, c.BetaId, Almaty(2026, 5, 26, hour), AppointmentStatus.Fulfilled);
            Visit(db, other, c.AlmatyId, c.ConsultationId, c.BetaId, Almaty(2026, 6, 11, hour), AppointmentStatus.Booked);
        }
        await db.SaveChangesAsync();
        return new Population(aigerim.Id, berik.Id, clara.Id, daulet.Id, erlan.Id, farida.Id);
    }

    /// <summary>Plain subscribers with no history, for lifecycle tests that need a bigger audience.</summary>
    public static async Task<List<long>> SubscribersAsync(ClinicApp app, int count)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var patients = Enumerable.Range(0, count).Select(_ => Patient(db, Language.Ru, Sex.Male, null, Almaty(2026, 1, 1))).ToList();
        await db.SaveChangesAsync();
        return [.. patients.Select(p => p.Id)];
    }

    private static Patient Patient(ClinicDbContext db, Language language, Sex sex, DateOnly? born, DateTimeOffset registered, bool optIn = true, bool blocked = false)
    {
        var patient = new Patient
        {
            OrganizationId = 1, TelegramId = Interlocked.Increment(ref _nextTelegramId), Language = language, Sex = sex, BirthDate = born,
            NewsOptIn = optIn, BotBlockedAtUtc = blocked ? registered.UtcDateTime : null,
            CreatedAtUtc = registered.UtcDateTime, UpdatedAtUtc = registered.UtcDateTime,
        };
        db.Patients.Add(patient);
        return patient;
    }

    private static void Visit(ClinicDbContext db, Patient patient, long branch, long service, long doctor, DateTimeOffset start, AppointmentStatus status) =>
        db.Appointments.Add(new Appointment
        {
            OrganizationId = 1, PatientId = patient.Id, BranchId = branch, ServiceId = service, DoctorId = doctor,
            StartUtc = start.UtcDateTime, EndUtc = start.UtcDateTime.AddMinutes(30),
            BlockedStartUtc = start.UtcDateTime, BlockedEndUtc = start.UtcDateTime.AddMinutes(30),
            Status = status, CreatedAtUtc = start.UtcDateTime.AddDays(-30), UpdatedAtUtc = start.UtcDateTime,
        });

    private static DateTimeOffset Almaty(int year, int month, int day, int hour = 12, int minute = 0) =>
        TestClinic.At(new DateOnly(year, month, day), hour, minute);
}
