using Clinic.Api.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class DoctorBranchConfiguration : IEntityTypeConfiguration<DoctorBranch>
{
    public void Configure(EntityTypeBuilder<DoctorBranch> builder)
    {
        builder.HasKey(x => new { x.DoctorId, x.BranchId });
        builder.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId);
    }
}
