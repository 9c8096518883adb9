using Clinic.Api.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId);
        builder.Property(s => s.NameRu).HasMaxLength(200);
        builder.Property(s => s.NameKk).HasMaxLength(200);
        builder.Property(s => s.CategoryRu).HasMaxLength(100);
        builder.Property(s => s.CategoryKk).HasMaxLength(100);
        builder.Property(s => s.NameEn).HasMaxLength(200);
        builder.Property(s => s.CategoryEn).HasMaxLength(100);
    }
}
