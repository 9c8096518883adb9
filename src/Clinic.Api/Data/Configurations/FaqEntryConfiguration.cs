using Clinic.Api.Features.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Api.Data.Configurations;

public sealed class FaqEntryConfiguration : IEntityTypeConfiguration<FaqEntry>
{
    public void Configure(EntityTypeBuilder<FaqEntry> builder)
    {
        builder.Property(e => e.QuestionRu).HasMaxLength(300);
        builder.Property(e => e.QuestionKk).HasMaxLength(300);
        builder.Property(e => e.QuestionEn).HasMaxLength(300);
        // Answers fit one Telegram message (4096 characters) with room for the question.
        builder.Property(e => e.AnswerRu).HasMaxLength(3000);
        builder.Property(e => e.AnswerKk).HasMaxLength(3000);
        builder.Property(e => e.AnswerEn).HasMaxLength(3000);
        builder.Property(e => e.KeywordsRu).HasMaxLength(500);
        builder.Property(e => e.KeywordsKk).HasMaxLength(500);
        builder.Property(e => e.KeywordsEn).HasMaxLength(500);
    }
}
