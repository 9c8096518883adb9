using Clinic.Api.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class BranchConfiguration : IEntityTypeConfiguration<Branch>
{
    public void Configure(EntityTypeBuilder<Branch> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(b => b.OrganizationId);
        builder.Property(b => b.NameRu).HasMaxLength(200);
        builder.Property(b => b.NameKk).HasMaxLength(200);
        builder.Property(b => b.NameEn).HasMaxLength(200);
        builder.Property(b => b.Address).HasMaxLength(400);
        builder.Property(b => b.Phone).HasMaxLength(32);
        builder.Property(b => b.TimeZone).HasMaxLength(64);
    }
}
