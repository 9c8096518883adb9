using Clinic.Api.Features.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class IinAttemptConfiguration : IEntityTypeConfiguration<IinAttempt>
{
    public void Configure(EntityTypeBuilder<IinAttempt> builder)
    {
        builder.HasKey(a => a.TelegramId);
        builder.Property(a => a.TelegramId).ValueGeneratedNever();
    }
}
