using Clinic.Bot.Localization;
using Clinic.Contracts;

namespace Clinic.Bot.Features;

/// <summary>The API names things in Russian and Kazakh; English readers get the Russian name.</summary>
public static class Localized
{
    public static string Pick(Texts texts, string ru, string kk) =>
        texts.Language == Language.Kk && !string.IsNullOrWhiteSpace(kk) ? kk : ru;

    public static string Name(this Texts texts, BranchDto branch) => Pick(texts, branch.NameRu, branch.NameKk);

    public static string Name(this Texts texts, ServiceDto service) => Pick(texts, service.NameRu, service.NameKk);

    public static string Category(this Texts texts, ServiceDto service) => Pick(texts, service.CategoryRu, service.CategoryKk);

    public static string Specialty(this Texts texts, string ru, string kk) => Pick(texts, ru, kk);
}
