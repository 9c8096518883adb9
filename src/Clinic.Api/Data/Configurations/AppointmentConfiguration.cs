using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Catalog;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId);
        builder.HasOne(a => a.Patient).WithMany().HasForeignKey(a => a.PatientId);
        builder.HasOne(a => a.Doctor).WithMany().HasForeignKey(a => a.DoctorId);
        builder.HasOne(a => a.Branch).WithMany().HasForeignKey(a => a.BranchId);
        builder.HasOne(a => a.Service).WithMany().HasForeignKey(a => a.ServiceId);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(a => a.RescheduledFromId);
        // Slot search and the overlap re-check read one doctor's (or patient's) window by start time.
        builder.HasIndex(a => new { a.DoctorId, a.StartUtc });
        builder.HasIndex(a => new { a.PatientId, a.StartUtc });
        builder.Property(a => a.Status).HasConversion(EnumText.Converter<AppointmentStatus>()).HasMaxLength(16);
        builder.Property(a => a.CancelledBy).HasConversion(EnumText.Converter<CancelledBy>()).HasMaxLength(16);
        builder.Property(a => a.CancelReason).HasMaxLength(500);
    }
}
