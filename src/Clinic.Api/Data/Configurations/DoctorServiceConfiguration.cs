using Clinic.Api.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class DoctorServiceConfiguration : IEntityTypeConfiguration<DoctorService>
{
    public void Configure(EntityTypeBuilder<DoctorService> builder)
    {
        builder.HasKey(x => new { x.DoctorId, x.ServiceId });
        builder.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId);
    }
}
