using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Slots;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Data;

/// <summary>
/// Seeds a realistic demo clinic chain into an empty database: 3 branches in Almaty and Astana, 15 services
/// priced in tiyn, 10 doctors working Monday to Saturday with a lunch break, and the FAQ. The organization row is always ensured.
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
        // Only a database with no catalog gets the demo clinic: a database seeded by an older version is recreated, not patched.
        if (!demoData || await db.Branches.AnyAsync(cancellationToken))
            return;

        db.FaqCategories.AddRange(DemoFaq.Categories(organizationId));
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
}
