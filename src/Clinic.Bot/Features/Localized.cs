using Clinic.Bot.Localization;
using Clinic.Contracts;

namespace Clinic.Bot.Features;

/// <summary>
/// The API names things in Russian and Kazakh, and in English where the clinic gave an English name; a reader whose
/// language has no name of its own gets the Russian one.
/// </summary>
public static class Localized
{
    public static string Pick(Texts texts, string ru, string? kk, string? en = null) => texts.Language switch
    {
        Language.Kk when !string.IsNullOrWhiteSpace(kk) => kk,
        Language.En when !string.IsNullOrWhiteSpace(en) => en,
        _ => ru,
    };

    public static string Name(this Texts texts, BranchDto branch) => Pick(texts, branch.NameRu, branch.NameKk, branch.NameEn);

    public static string Name(this Texts texts, ServiceDto service) => Pick(texts, service.NameRu, service.NameKk, service.NameEn);

    public static string Category(this Texts texts, ServiceDto service) => Pick(texts, service.CategoryRu, service.CategoryKk, service.CategoryEn);

    public static string Specialty(this Texts texts, string ru, string kk, string? en = null) => Pick(texts, ru, kk, en);

    /// <summary>The branch's phone, for what can no longer be done in the bot (Telegram makes the number tappable).</summary>
    public static string CallBranch(this Texts texts, BranchDto branch) =>
        texts.Format("appointments.call_branch", ("branch", texts.Name(branch)), ("phone", branch.Phone));
}
