using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Documents;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId);
        builder.HasOne(d => d.Patient).WithMany().HasForeignKey(d => d.PatientId);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(d => d.AppointmentId);
        // /verify looks documents up by number; numbers are random, so the index also guards against a repeat.
        builder.HasIndex(d => d.Number).IsUnique();
        builder.HasIndex(d => new { d.PatientId, d.CreatedAtUtc });
        builder.Property(d => d.Kind).HasConversion(EnumText.Converter<DocumentKind>()).HasMaxLength(24);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Number).HasMaxLength(20);
        builder.Property(d => d.StorageKey).HasMaxLength(200);
        builder.Property(d => d.ContentType).HasMaxLength(50);
    }
}
