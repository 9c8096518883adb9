using Clinic.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Broadcasts;

/// <summary>The time zone the clinic's calendar days are counted in: its first branch's, else Almaty's.</summary>
public static class ClinicZone
{
    public static async Task<TimeZoneInfo> FindAsync(ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        var zone = await db.Branches.Where(b => b.OrganizationId == options.DefaultOrganizationId)
            .OrderBy(b => b.Id).Select(b => b.TimeZone).FirstOrDefaultAsync(cancellationToken);
        return TimeZoneInfo.FindSystemTimeZoneById(zone ?? "Asia/Almaty");
    }
}
