using Clinic.Api.Features.Outbox;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Kind).HasMaxLength(40);
        builder.Property(m => m.Status).HasConversion(EnumText.Converter<OutboxStatus>()).HasMaxLength(20);
        builder.Property(m => m.Error).HasMaxLength(1000);
        builder.HasOne(m => m.Patient).WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Cascade);
        // The sender's question is always "what is due now": status first, then due time.
        builder.HasIndex(m => new { m.Status, m.DueAtUtc });
        builder.HasIndex(m => m.AppointmentId);
        // A sender extends its lease while it still holds rows: the lease finds them.
        builder.HasIndex(m => m.LeaseId);
        builder.HasOne<Clinic.Api.Features.Broadcasts.Broadcast>().WithMany().HasForeignKey(m => m.BroadcastId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.BroadcastId, m.Status });
        builder.Property(m => m.ClickToken).HasMaxLength(64);
        builder.HasIndex(m => m.ClickToken).IsUnique();
    }
}
