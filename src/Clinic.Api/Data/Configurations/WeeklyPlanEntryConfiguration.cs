using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Slots;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class WeeklyPlanEntryConfiguration : IEntityTypeConfiguration<WeeklyPlanEntry>
{
    public void Configure(EntityTypeBuilder<WeeklyPlanEntry> builder)
    {
        builder.ToTable("WeeklyPlan");
        builder.HasOne<Doctor>().WithMany().HasForeignKey(x => x.DoctorId);
        builder.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId);
        builder.HasIndex(x => new { x.DoctorId, x.BranchId, x.DayOfWeek }).IsUnique();
        builder.OwnsMany(x => x.Breaks, b => b.ToJson("breaks"));
    }
}
