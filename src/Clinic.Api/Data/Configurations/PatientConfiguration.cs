using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId);
        builder.HasIndex(p => new { p.OrganizationId, p.TelegramId }).IsUnique();
        builder.HasIndex(p => new { p.OrganizationId, p.Iin }).IsUnique();
        builder.Property(p => p.Iin).HasMaxLength(12);
        builder.Property(p => p.FullName).HasMaxLength(200);
        builder.Property(p => p.Phone).HasMaxLength(20);
        builder.Property(p => p.ConsentVersion).HasMaxLength(50);
        builder.Property(p => p.Sex).HasConversion(EnumText.Converter<Clinic.Contracts.Sex>()).HasMaxLength(10);
        builder.Property(p => p.Language).HasConversion(EnumText.Converter<Clinic.Contracts.Language>()).HasMaxLength(5);
        builder.Ignore(p => p.IsRegistered);
    }
}
