using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class FaqCategoryConfiguration : IEntityTypeConfiguration<FaqCategory>
{
    public void Configure(EntityTypeBuilder<FaqCategory> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        builder.HasMany(c => c.Entries).WithOne().HasForeignKey(e => e.CategoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.OrganizationId, c.Position });
        builder.Property(c => c.TitleRu).HasMaxLength(100);
        builder.Property(c => c.TitleKk).HasMaxLength(100);
        builder.Property(c => c.TitleEn).HasMaxLength(100);
    }
}
