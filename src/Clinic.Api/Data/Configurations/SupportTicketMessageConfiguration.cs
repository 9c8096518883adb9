using Clinic.Api.Features.Support;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class SupportTicketMessageConfiguration : IEntityTypeConfiguration<SupportTicketMessage>
{
    public void Configure(EntityTypeBuilder<SupportTicketMessage> builder)
    {
        builder.HasIndex(m => new { m.TicketId, m.CreatedAtUtc });
        builder.Property(m => m.Author).HasConversion(EnumText.Converter<TicketAuthor>()).HasMaxLength(20);
        builder.Property(m => m.Text).HasMaxLength(SupportApi.MaxTextLength);
        builder.Property(m => m.AttachmentKind).HasConversion(EnumText.Converter<TicketAttachmentKind>()).HasMaxLength(20);
        builder.Property(m => m.AttachmentFileId).HasMaxLength(SupportApi.MaxFileIdLength);
        builder.Property(m => m.AttachmentFileName).HasMaxLength(255);
        builder.Property(m => m.AttachmentContentType).HasMaxLength(100);
        builder.Property(m => m.AttachmentStorageKey).HasMaxLength(200);
    }
}
