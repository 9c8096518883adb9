using Clinic.Contracts;

namespace Clinic.Api.Features.Support;

/// <summary>A FAQ section ("Payment", "Opening hours") with its title in each language.</summary>
public sealed class FaqCategory
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public int Position { get; set; }
    public required string TitleRu { get; set; }
    public required string TitleKk { get; set; }
    public required string TitleEn { get; set; }
    public List<FaqEntry> Entries { get; set; } = [];

    public string Title(Language language) => language switch { Language.Kk => TitleKk, Language.En => TitleEn, _ => TitleRu };

    public FaqCategoryDto AsDto(Language language) =>
        new(Id, Title(language), Entries.OrderBy(e => e.Position).ThenBy(e => e.Id).Select(e => e.AsDto(language)).ToList());
}

/// <summary>
/// A question and its answer in Russian, Kazakh and English. <c>Keywords*</c> are extra words patients use for the
/// same thing ("анализ крови" for "подготовка"), read only by the matcher.
/// </summary>
public sealed class FaqEntry
{
    public long Id { get; set; }
    public long CategoryId { get; set; }
    public int Position { get; set; }
    public required string QuestionRu { get; set; }
    public required string QuestionKk { get; set; }
    public required string QuestionEn { get; set; }
    public required string AnswerRu { get; set; }
    public required string AnswerKk { get; set; }
    public required string AnswerEn { get; set; }
    public string KeywordsRu { get; set; } = "";
    public string KeywordsKk { get; set; } = "";
    public string KeywordsEn { get; set; } = "";

    public string Question(Language language) => language switch { Language.Kk => QuestionKk, Language.En => QuestionEn, _ => QuestionRu };
    public string Answer(Language language) => language switch { Language.Kk => AnswerKk, Language.En => AnswerEn, _ => AnswerRu };
    public string Keywords(Language language) => language switch { Language.Kk => KeywordsKk, Language.En => KeywordsEn, _ => KeywordsRu };

    public FaqEntryDto AsDto(Language language) => new(Id, CategoryId, Question(language), Answer(language));
}
