using System.Reflection;
using Clinic.Contracts;

namespace Clinic.Bot.Localization;

/// <summary>The texts of every language, read once from the embedded <c>Locales/*.json</c> files.</summary>
public sealed class Localizer
{
    private static readonly Lazy<Localizer> Embedded = new(ReadEmbedded);

    private readonly IReadOnlyDictionary<Language, Texts> _texts;

    private Localizer(IReadOnlyDictionary<Language, Texts> texts) => _texts = texts;

    public static IReadOnlyList<Language> Languages { get; } = Enum.GetValues<Language>();

    public static Localizer LoadEmbedded() => Embedded.Value;

    public Texts For(Language language) =>
        _texts.TryGetValue(language, out var texts) ? texts : throw new ArgumentOutOfRangeException(nameof(language), language, "No locale file for this language.");

    /// <summary>Every dotted key of the language, plural keys included (as "booking.duration").</summary>
    public IReadOnlyCollection<string> Keys(Language language) => For(language).AllKeys;

    /// <summary>The patient's saved language first, then Telegram's <c>language_code</c>, then Russian.</summary>
    public static Language Resolve(Language? profileLanguage, string? telegramLanguageCode)
    {
        if (profileLanguage is { } saved && Enum.IsDefined(saved))
            return saved;
        var code = telegramLanguageCode?.Trim().ToLowerInvariant() ?? "";
        // "kz" is not an ISO code but some clients send it for Kazakh.
        if (code.StartsWith("kk", StringComparison.Ordinal) || code.StartsWith("kz", StringComparison.Ordinal))
            return Language.Kk;
        if (code.StartsWith("en", StringComparison.Ordinal))
            return Language.En;
        return Language.Ru;
    }

    internal static string FileName(Language language) => language.ToString().ToLowerInvariant() + ".json";

    internal static Stream OpenEmbedded(Language language)
    {
        var assembly = typeof(Localizer).Assembly;
        var suffix = ".Locales." + FileName(language);
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The locale file {FileName(language)} is not embedded in {assembly.GetName().Name}.");
        return assembly.GetManifestResourceStream(name)!;
    }

    private static Localizer ReadEmbedded()
    {
        var texts = new Dictionary<Language, Texts>();
        foreach (var language in Languages)
        {
            using var stream = OpenEmbedded(language);
            texts[language] = new Texts(language, LocaleFile.Parse(stream, FileName(language)));
        }
        return new Localizer(texts);
    }
}
