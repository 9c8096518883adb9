using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Slots;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Data;

/// <summary>
/// Seeds a realistic demo clinic chain into an empty database: 3 branches in Almaty and Astana, 15 services
/// priced in tiyn, 10 doctors working Monday to Saturday with a lunch break. The organization row is always ensured.
/// </summary>
public sealed class DemoSeeder(ClinicDbContext db, ClinicApiOptions options, ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(bool demoData, CancellationToken cancellationToken)
    {
        var organizationId = options.DefaultOrganizationId;
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            db.Organizations.Add(new Organization { Id = organizationId, Name = "Densaulyq Clinic" });
            await db.SaveChangesAsync(cancellationToken);
        }
        if (demoData && !await db.FaqCategories.AnyAsync(c => c.OrganizationId == organizationId, cancellationToken))
        {
            // Checked on its own, so a database seeded before the FAQ existed gets it too.
            db.FaqCategories.AddRange(DemoFaq.Categories(organizationId));
            await db.SaveChangesAsync(cancellationToken);
        }
        if (!demoData)
            return;
        if (await db.Branches.AnyAsync(cancellationToken))
        {
            await AddMissingEnglishNamesAsync(organizationId, cancellationToken);
            return;
        }

        var branches = DemoClinic.Branches(organizationId);
        var services = DemoClinic.Services(organizationId);
        db.Branches.AddRange(branches);
        db.Services.AddRange(services);
        await db.SaveChangesAsync(cancellationToken);

        var doctors = DemoClinic.Doctors(organizationId);
        for (var i = 0; i < doctors.Count; i++)
        {
            var (doctor, branchIndexes, serviceIndexes) = doctors[i];
            doctor.Branches = branchIndexes.Select(b => new DoctorBranch { BranchId = branches[b].Id }).ToList();
            doctor.Services = serviceIndexes.Select(s => new DoctorService { ServiceId = services[s].Id }).ToList();
            db.Doctors.Add(doctor);
        }
        await db.SaveChangesAsync(cancellationToken);

        for (var i = 0; i < doctors.Count; i++)
        {
            var (doctor, branchIndexes, _) = doctors[i];
            // Early and late shifts alternate, so some doctor is free most of the day.
            var early = i % 2 == 0;
            // A doctor of several branches works each weekday at one of them, in turn.
            for (var day = DayOfWeek.Monday; day <= DayOfWeek.Saturday; day++)
            {
                var branch = branches[branchIndexes[(int)day % branchIndexes.Length]];
                db.WeeklyPlan.Add(DemoClinic.Shift(doctor.Id, branch.Id, day, early));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded demo clinic: {Branches} branches, {Services} services, {Doctors} doctors",
            branches.Count, services.Count, doctors.Count);
    }

    /// <summary>
    /// A demo database seeded before the catalog had English names gets them: only rows that still carry a demo name
    /// and have no English one are touched, so names the clinic typed itself stay as they are.
    /// </summary>
    private async Task AddMissingEnglishNamesAsync(long organizationId, CancellationToken cancellationToken)
    {
        var branches = DemoClinic.Branches(organizationId).ToDictionary(b => b.NameRu);
        var services = DemoClinic.Services(organizationId).ToDictionary(s => s.NameRu);
        var doctors = DemoClinic.Doctors(organizationId).ToDictionary(d => d.Doctor.FullName, d => d.Doctor);
        var filled = 0;
        foreach (var branch in await db.Branches.Where(b => b.OrganizationId == organizationId && b.NameEn == null).ToListAsync(cancellationToken))
        {
            if (!branches.TryGetValue(branch.NameRu, out var demo))
                continue;
            branch.NameEn = demo.NameEn;
            filled++;
        }
        foreach (var service in await db.Services.Where(s => s.OrganizationId == organizationId && (s.NameEn == null || s.CategoryEn == null)).ToListAsync(cancellationToken))
        {
            if (!services.TryGetValue(service.NameRu, out var demo))
                continue;
            service.NameEn ??= demo.NameEn;
            service.CategoryEn ??= demo.CategoryEn;
            filled++;
        }
        foreach (var doctor in await db.Doctors.Where(d => d.OrganizationId == organizationId && d.SpecialtyEn == null).ToListAsync(cancellationToken))
        {
            if (!doctors.TryGetValue(doctor.FullName, out var demo) || demo.SpecialtyRu != doctor.SpecialtyRu)
                continue;
            doctor.SpecialtyEn = demo.SpecialtyEn;
            filled++;
        }
        if (filled == 0)
            return;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Added English names to {Rows} demo catalog rows seeded before the catalog had them", filled);
    }
}
