using Clinic.Api.Features.Broadcasts;
using Clinic.Api.Features.Catalog;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(b => b.OrganizationId);
        builder.Property(b => b.Status).HasConversion(EnumText.Converter<BroadcastStatus>()).HasMaxLength(20);
        builder.Property(b => b.Text).HasMaxLength(20000);
        builder.Property(b => b.PhotoUrl).HasMaxLength(2000);
        builder.Property(b => b.PhotoFileId).HasMaxLength(300);
        builder.Property(b => b.ButtonText).HasMaxLength(BroadcastValidation.MaxButtonText);
        builder.Property(b => b.ButtonUrl).HasMaxLength(2000);
        builder.Property(b => b.ClickToken).HasMaxLength(40);
        builder.HasIndex(b => b.ClickToken).IsUnique();
        builder.Property(b => b.Segment).HasMaxLength(4000);
        builder.Property(b => b.CreatedBy).HasMaxLength(100);
    }
}
