using Clinic.Contracts;

namespace Clinic.Bot.Localization;

/// <summary>CLDR plural categories for whole numbers, the only numbers the bot counts.</summary>
public static class PluralRules
{
    public const string One = "one";
    public const string Few = "few";
    public const string Many = "many";
    public const string Other = "other";

    /// <summary>The forms a locale file must give for a plural key in <paramref name="language"/>.</summary>
    public static IReadOnlyList<string> RequiredForms(Language language) => language switch
    {
        Language.Ru => [One, Few, Many, Other],
        _ => [One, Other],
    };

    public static string Category(Language language, long n)
    {
        // Negative counts follow the rule of their absolute value in CLDR.
        var abs = n == long.MinValue ? long.MaxValue : Math.Abs(n);
        return language == Language.Ru ? Russian(abs) : abs == 1 ? One : Other;
    }

    private static string Russian(long n)
    {
        var mod10 = n % 10;
        var mod100 = n % 100;
        if (mod10 == 1 && mod100 != 11)
            return One;
        if (mod10 is >= 2 and <= 4 && mod100 is < 12 or > 14)
            return Few;
        return Many;
    }
}
