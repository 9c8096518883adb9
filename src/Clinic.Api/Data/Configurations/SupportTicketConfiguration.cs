using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Support;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class SupportTicketConfiguration : IEntityTypeConfiguration<SupportTicket>
{
    public void Configure(EntityTypeBuilder<SupportTicket> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId);
        builder.HasOne(t => t.Patient).WithMany().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Messages).WithOne().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        // Two tickets created at once cannot take the same number: the loser retries with the next one.
        builder.HasIndex(t => new { t.OrganizationId, t.Sequence }).IsUnique();
        builder.HasIndex(t => new { t.PatientId, t.UpdatedAtUtc });
        builder.HasIndex(t => new { t.Status, t.UpdatedAtUtc });
        builder.Property(t => t.Number).HasMaxLength(20);
        builder.Property(t => t.Topic).HasConversion(EnumText.Converter<TicketTopic>()).HasMaxLength(20);
        builder.Property(t => t.Status).HasConversion(EnumText.Converter<TicketStatus>()).HasMaxLength(20);
    }
}
