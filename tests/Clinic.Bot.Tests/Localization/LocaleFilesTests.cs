using System.Text.RegularExpressions;
using Clinic.Bot.ClinicApi;
using Clinic.Bot.Localization;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Localization;

/// <summary>The three locale files must agree, so no user ever meets a missing or half-translated text.</summary>
public sealed partial class LocaleFilesTests
{
    private static readonly Localizer Localizer = Localizer.LoadEmbedded();

    /// <summary>The keys the bot's flows are written against: renaming or dropping one breaks them.</summary>
    private static readonly string[] ContractKeys =
    [
        "menu.booking", "menu.my_appointments", "menu.documents", "menu.payments", "menu.feedback", "menu.support",
        "menu.profile", "menu.main_menu", "menu.choose",
        "common.back", "common.cancel", "common.main_menu", "common.yes", "common.no", "common.confirm",
        "common.next_page", "common.prev_page", "common.cancelled", "common.unknown_input", "common.stale_button",
        "common.unavailable", "common.error", "common.not_registered", "common.language_switched", "common.choose_language",
        "start.greeting", "start.choose_language", "start.welcome_back",
        "registration.consent_text", "registration.consent_agree", "registration.consent_decline",
        "registration.consent_declined", "registration.ask_phone", "registration.share_contact",
        "registration.phone_not_own", "registration.phone_invalid", "registration.ask_iin", "registration.iin_invalid",
        "registration.iin_confirm", "registration.sex_male", "registration.sex_female", "registration.iin_not_accepted",
        "registration.ask_name", "registration.name_invalid", "registration.summary", "registration.save",
        "registration.edit", "registration.done",
        "booking.choose_branch", "booking.choose_service", "booking.choose_category", "booking.choose_doctor",
        "booking.any_doctor", "booking.choose_date", "booking.no_dates", "booking.choose_time", "booking.no_times",
        "booking.confirm_card", "booking.confirm", "booking.booked", "booking.slot_taken", "booking.patient_overlap",
        "booking.slot_unavailable", "booking.book_again", "booking.calendar_prev", "booking.calendar_next", "booking.duration",
        "appointments.title_upcoming", "appointments.title_past", "appointments.empty_upcoming", "appointments.empty_past",
        "appointments.show_past", "appointments.show_upcoming", "appointments.card",
        "appointments.status.pending", "appointments.status.booked", "appointments.status.arrived",
        "appointments.status.fulfilled", "appointments.status.cancelled", "appointments.status.noshow",
        "appointments.reschedule", "appointments.cancel", "appointments.cancel_confirm", "appointments.cancel_yes",
        "appointments.cancel_no", "appointments.cancelled_ok", "appointments.rescheduled_ok", "appointments.too_late",
        "appointments.not_changeable", "appointments.not_found", "appointments.count",
        "commands.start", "commands.book", "commands.appointments", "commands.profile", "commands.help",
        "commands.cancel", "commands.language", "commands.documents", "commands.payments", "commands.feedback", "commands.support",
        "profile.title", "profile.language",
        "format.date", "format.month_year", "format.time", "format.date_time", "format.money",
        "privacy.private_chat_only", "privacy.open_private_chat",
    ];

    /// <summary>Placeholders each contract key must offer, as the flows fill them.</summary>
    private static readonly Dictionary<string, string[]> ContractPlaceholders = new()
    {
        ["start.greeting"] = ["name"],
        ["start.welcome_back"] = ["name"],
        ["registration.iin_confirm"] = ["birth_date", "sex"],
        ["registration.summary"] = ["birth_date", "iin_masked", "name", "phone"],
        ["registration.done"] = ["name"],
        ["booking.choose_time"] = ["date"],
        ["booking.confirm_card"] = ["address", "branch", "date", "doctor", "price", "service", "specialty", "time"],
        ["booking.booked"] = ["address", "branch", "date", "doctor", "price", "service", "specialty", "time"],
        ["appointments.card"] = ["address", "branch", "date", "doctor", "service", "status", "time"],
        ["appointments.rescheduled_ok"] = ["address", "branch", "date", "doctor", "price", "service", "specialty", "time"],
        ["appointments.too_late"] = ["hours"],
    };

    public static TheoryData<Language> Languages => [.. Localizer.Languages];

    [Fact]
    public void EveryLanguageHasExactlyTheSameKeys()
    {
        var russian = Localizer.Keys(Language.Ru).ToHashSet();
        foreach (var language in Localizer.Languages)
        {
            var keys = Localizer.Keys(language).ToHashSet();
            Assert.Empty(russian.Except(keys).Select(k => $"{k} is missing in {language}"));
            Assert.Empty(keys.Except(russian).Select(k => $"{k} is only in {language}"));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryKeyTheFlowsUseExistsAndIsNotBlank(Language language)
    {
        var texts = Localizer.For(language);
        var missing = ContractKeys.Where(key => !texts.Has(key)).ToList();
        var blank = texts.Strings.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Key).ToList();
        Assert.Empty(missing);
        Assert.Empty(blank);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryApiErrorCodeIsExplained(Language language)
    {
        var texts = Localizer.For(language);
        var apiCodes = typeof(ErrorCodes).GetFields().Select(f => (string)f.GetValue(null)!);
        foreach (var code in apiCodes.Concat(ApiResultCodes.KnownCodes))
            Assert.True(texts.Has($"errors.{code}"), $"errors.{code} is missing in {language}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void PluralKeysGiveEveryFormTheLanguageNeeds(Language language)
    {
        var texts = Localizer.For(language);
        Assert.NotEmpty(texts.Plurals);
        foreach (var (key, forms) in texts.Plurals)
        {
            var missing = PluralRules.RequiredForms(language).Where(form => !forms.ContainsKey(form));
            Assert.Empty(missing.Select(form => $"{key}.{form} is missing in {language}"));
            Assert.All(forms.Values, form => Assert.Contains("{n}", form));
        }
    }

    [Fact]
    public void PlaceholdersAreTheSameInEveryLanguage()
    {
        var russian = Localizer.For(Language.Ru);
        foreach (var language in Localizer.Languages)
        {
            var texts = Localizer.For(language);
            foreach (var key in russian.AllKeys)
                Assert.True(Placeholders(russian, key).SetEquals(Placeholders(texts, key)),
                    $"{key}: ru has {{{string.Join("},{", Placeholders(russian, key))}}}, {language} has {{{string.Join("},{", Placeholders(texts, key))}}}");
        }
    }

    [Fact]
    public void TheFlowsFindThePlaceholdersTheyFill()
    {
        var russian = Localizer.For(Language.Ru);
        foreach (var (key, expected) in ContractPlaceholders)
            Assert.Equal(expected, Placeholders(russian, key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KazakhTextsAreWrittenWithKazakhLetters()
    {
        var kazakh = string.Concat(Localizer.For(Language.Kk).Strings.Values);
        var kazakhLetters = "әғқңөұүһі".Where(letter => kazakh.Contains(letter, StringComparison.OrdinalIgnoreCase)).ToList();
        // A file copied from Russian would have none of them; real Kazakh text uses nearly all.
        Assert.True(kazakhLetters.Count >= 7, $"Only these Kazakh letters were found: {string.Concat(kazakhLetters)}");
        Assert.Contains("ЖСН", Localizer.For(Language.Kk)["registration.ask_iin"]);
        Assert.NotEqual(Localizer.For(Language.Ru)["menu.choose"], Localizer.For(Language.Kk)["menu.choose"]);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void TextsAreSafeForTelegramHtml(Language language)
    {
        // Telegram rejects a whole message over one stray "<" or "&" in HTML mode; only bold and italic are used.
        foreach (var (key, value) in Localizer.For(language).Strings)
        {
            var withoutTags = AllowedTags().Replace(value, "");
            Assert.False(withoutTags.Contains('<') || withoutTags.Contains('>') || withoutTags.Contains('&'), $"{language} {key} has unexpected markup: {value}");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void ConsentNamesTheKazakhLawOnPersonalData(Language language)
    {
        var consent = Localizer.For(language)["registration.consent_text"];
        Assert.Contains("94-V", consent);
        Assert.Contains("2013", consent);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void CommandDescriptionsFitTelegramsLimit(Language language)
    {
        var texts = Localizer.For(language);
        foreach (var key in texts.AllKeys.Where(k => k.StartsWith("commands.", StringComparison.Ordinal)))
            Assert.InRange(texts[key].Length, 1, 256);
    }

    private static HashSet<string> Placeholders(Texts texts, string key)
    {
        var values = texts.Strings.TryGetValue(key, out var value) ? [value] : texts.Plurals[key].Values;
        return [.. values.SelectMany(v => Placeholder().Matches(v).Select(m => m.Groups[1].Value))];
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("</?[bi]>")]
    private static partial Regex AllowedTags();
}
