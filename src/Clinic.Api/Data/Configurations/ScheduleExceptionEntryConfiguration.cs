using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Slots;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class ScheduleExceptionEntryConfiguration : IEntityTypeConfiguration<ScheduleExceptionEntry>
{
    public void Configure(EntityTypeBuilder<ScheduleExceptionEntry> builder)
    {
        builder.ToTable("ScheduleExceptions");
        builder.HasOne<Doctor>().WithMany().HasForeignKey(x => x.DoctorId);
        builder.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId);
        builder.HasIndex(x => new { x.DoctorId, x.BranchId, x.Date }).IsUnique();
        builder.Property(x => x.Note).HasMaxLength(200);
        builder.OwnsMany(x => x.Breaks, b => b.ToJson("breaks"));
    }
}
