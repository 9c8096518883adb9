using Clinic.Api.Data;
using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Slots;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>
/// A small clinic the tests can reason about: in Almaty, doctors Alpha and Beta work Monday to Saturday
/// 09:00–18:00 with lunch 13:00–14:00 and both do the 30-minute consultation; Alpha also does a 30-minute
/// ultrasound that keeps 10 minutes free after it. In Astana, Gamma only does massage.
/// </summary>
public sealed record TestClinic(long AlmatyId, long AstanaId, long ConsultationId, long UltrasoundId, long MassageId, long AlphaId, long BetaId, long GammaId)
{
    public static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
    public static readonly TestClinic None = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static DateTimeOffset At(DateOnly date, int hour, int minute = 0) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(hour, minute)), Almaty), TimeSpan.Zero);

    public static async Task<TestClinic> SeedAsync(ClinicDbContext db)
    {
        var almaty = new Branch { OrganizationId = 1, NameRu = "Алматы, Абая", NameKk = "Алматы, Абай", Address = "Абая, 1", Phone = "+77270000001" };
        var astana = new Branch { OrganizationId = 1, NameRu = "Астана", NameKk = "Астана", Address = "Мангилик Ел, 1", Phone = "+77170000001" };
        var consultation = Service("Консультация", 30, 0);
        var ultrasound = Service("УЗИ", 30, 10);
        var massage = Service("Массаж", 45, 0);
        db.AddRange(almaty, astana, consultation, ultrasound, massage);
        await db.SaveChangesAsync();

        var alpha = Doctor("Alpha", almaty, consultation, ultrasound);
        var beta = Doctor("Beta", almaty, consultation);
        var gamma = Doctor("Gamma", astana, massage);
        db.AddRange(alpha, beta, gamma);
        await db.SaveChangesAsync();

        foreach (var (doctor, branch) in new[] { (alpha, almaty), (beta, almaty), (gamma, astana) })
            for (var day = DayOfWeek.Monday; day <= DayOfWeek.Saturday; day++)
                db.WeeklyPlan.Add(new WeeklyPlanEntry
                {
                    DoctorId = doctor.Id, BranchId = branch.Id, DayOfWeek = day,
                    Start = new TimeOnly(9, 0), End = new TimeOnly(18, 0),
                    Breaks = [new WorkBreak { Start = new TimeOnly(13, 0), End = new TimeOnly(14, 0) }],
                });
        await db.SaveChangesAsync();
        return new TestClinic(almaty.Id, astana.Id, consultation.Id, ultrasound.Id, massage.Id, alpha.Id, beta.Id, gamma.Id);
    }

    private static Service Service(string name, int minutes, int bufferAfter) => new()
    {
        OrganizationId = 1, NameRu = name, NameKk = name, CategoryRu = "Тест", CategoryKk = "Тест",
        DurationMinutes = minutes, PriceTiyn = 900_000, BufferAfterMinutes = bufferAfter,
    };

    private static Doctor Doctor(string name, Branch branch, params Service[] services) => new()
    {
        OrganizationId = 1, FullName = name, SpecialtyRu = "Терапевт", SpecialtyKk = "Терапевт",
        Branches = [new DoctorBranch { BranchId = branch.Id }],
        Services = services.Select(s => new DoctorService { ServiceId = s.Id }).ToList(),
    };
}
