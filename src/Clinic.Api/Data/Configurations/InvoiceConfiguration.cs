using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Payments;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
        builder.HasOne(i => i.Patient).WithMany().HasForeignKey(i => i.PatientId);
        builder.HasOne(i => i.Appointment).WithMany().HasForeignKey(i => i.AppointmentId);
        builder.Property(i => i.Status).HasConversion(EnumText.Converter<InvoiceStatus>()).HasMaxLength(16);
        builder.Property(i => i.Provider).HasMaxLength(16);
        builder.Property(i => i.ProviderPaymentId).HasMaxLength(100);
        builder.Property(i => i.PayUrl).HasMaxLength(500);
        builder.Property(i => i.IdempotencyKey).HasMaxLength(200);
        builder.Property(i => i.RefundReason).HasMaxLength(500);
        builder.Property(i => i.ProviderRefundId).HasMaxLength(100);
        builder.ToTable(t => t.HasCheckConstraint("ck_invoices_amount_positive", "amount_tiyn > 0"));
        // The database is the arbiter of "nothing charged twice": one open invoice per visit, one open balance invoice
        // per patient, and one invoice per Idempotency-Key. (Filters use the snake_case column names on both providers.)
        builder.HasIndex(i => i.AppointmentId).IsUnique().HasFilter("status IN ('created', 'waiting') AND appointment_id IS NOT NULL")
            .HasDatabaseName("ux_invoices_open_per_appointment");
        builder.HasIndex(i => i.PatientId).IsUnique().HasFilter("status IN ('created', 'waiting') AND appointment_id IS NULL")
            .HasDatabaseName("ux_invoices_open_balance_per_patient");
        builder.HasIndex(i => new { i.PatientId, i.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        builder.HasIndex(i => new { i.Status, i.ExpiresAtUtc });
        builder.HasIndex(i => new { i.Provider, i.ProviderPaymentId });
    }
}
