using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Feedback;
using Clinic.Api.Features.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class VisitFeedbackConfiguration : IEntityTypeConfiguration<VisitFeedback>
{
    public void Configure(EntityTypeBuilder<VisitFeedback> builder)
    {
        builder.ToTable("VisitFeedback");
        builder.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(f => f.PatientId);
        builder.HasOne(f => f.Appointment).WithMany().HasForeignKey(f => f.AppointmentId);
        // One answer per visit: the database decides a race between two presses.
        builder.HasIndex(f => f.AppointmentId).IsUnique();
        builder.HasIndex(f => new { f.NeedsFollowUp, f.CreatedAtUtc });
        builder.Property(f => f.Reasons).HasMaxLength(200);
        builder.Property(f => f.Comment).HasMaxLength(2000);
        builder.Property(f => f.PublicReview).HasMaxLength(2000);
        builder.Property(f => f.FollowUpNote).HasMaxLength(2000);
        builder.Ignore(f => f.ReasonList);
    }
}
