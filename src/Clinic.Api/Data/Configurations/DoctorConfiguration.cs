using Clinic.Api.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class DoctorConfiguration : IEntityTypeConfiguration<Doctor>
{
    public void Configure(EntityTypeBuilder<Doctor> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId);
        builder.Property(d => d.FullName).HasMaxLength(200);
        builder.Property(d => d.SpecialtyRu).HasMaxLength(100);
        builder.Property(d => d.SpecialtyKk).HasMaxLength(100);
        builder.Property(d => d.SpecialtyEn).HasMaxLength(100);
        builder.Property(d => d.PhotoUrl).HasMaxLength(500);
        builder.HasMany(d => d.Branches).WithOne().HasForeignKey(b => b.DoctorId);
        builder.HasMany(d => d.Services).WithOne().HasForeignKey(s => s.DoctorId);
    }
}
