using Clinic.Bot.Localization;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Localization;

public sealed class TextsFormattingTests
{
    private const string Almaty = "Asia/Almaty";
    private const char Nbsp = '\u00A0';

    private static readonly Localizer Localizer = Localizer.LoadEmbedded();
    private static Texts Ru => Localizer.For(Language.Ru);
    private static Texts Kk => Localizer.For(Language.Kk);
    private static Texts En => Localizer.For(Language.En);

    [Fact]
    public void RussianAndKazakhUseKazakhstanCultures()
    {
        Assert.Equal("ru-KZ", Ru.Culture.Name);
        Assert.Equal("kk-KZ", Kk.Culture.Name);
        Assert.Equal("en-US", En.Culture.Name);
    }

    [Theory]
    [InlineData(Language.Ru)]
    [InlineData(Language.Kk)]
    public void PricesAreTengeWithANonBreakingGroupSeparator(Language language)
    {
        // ICU's ru-KZ and kk-KZ group with U+00A0; the same space keeps "₸" from wrapping onto its own line.
        Assert.Equal($"15{Nbsp}000{Nbsp}₸", Localizer.For(language).Money(1_500_000));
        Assert.Equal($"500{Nbsp}₸", Localizer.For(language).Money(50_000));
    }

    [Fact]
    public void TiynAreShownOnlyWhenThereAreAny()
    {
        Assert.Equal($"15{Nbsp}000,50{Nbsp}₸", Ru.Money(1_500_050));
        Assert.Equal($"0{Nbsp}₸", Ru.Money(0));
    }

    [Fact]
    public void EnglishPricesAreStillInTenge() => Assert.Equal($"15,000{Nbsp}₸", En.Money(1_500_000));

    [Fact]
    public void DatesUseTheGenitiveMonthAndAShortWeekday()
    {
        var date = new DateOnly(2026, 11, 25);
        Assert.Equal("25 ноября, ср", Ru.Date(date));
        Assert.Equal("25 қараша, ср", Kk.Date(date));
        Assert.Equal("Wed, November 25", En.Date(date));
    }

    [Fact]
    public void BirthDatesShowTheYearAndNoWeekday()
    {
        var birth = new DateOnly(1992, 3, 15);
        Assert.Equal("15 марта 1992 г.", Ru.FullDate(birth));
        Assert.Equal("1992 ж. 15 наурыз", Kk.FullDate(birth));
        Assert.Equal("March 15, 1992", En.FullDate(birth));
    }

    [Fact]
    public void TimesAreShownInTheBranchTimeZone()
    {
        var utc = new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero);
        Assert.Equal("09:00", Ru.Time(utc, Almaty));
        Assert.Equal("09:00", Kk.Time(utc, Almaty));
    }

    [Fact]
    public void TimesBeforeKazakhstanMovedToUtcPlusFiveFollowTheTimeZoneDatabase()
    {
        // Almaty was UTC+6 until 2024-03-01: a fixed offset would show 09:00 here.
        var utc = new DateTimeOffset(2024, 1, 15, 4, 0, 0, TimeSpan.Zero);
        Assert.Equal("10:00", Ru.Time(utc, Almaty));
    }

    [Fact]
    public void DateAndTimeTogetherUseTheLocalDateEvenAcrossMidnight()
    {
        var lateEveningUtc = new DateTimeOffset(2026, 11, 25, 20, 30, 0, TimeSpan.Zero);
        Assert.Equal("26 ноября, чт, 01:30", Ru.DateTime(lateEveningUtc, Almaty));
        Assert.Equal("26 қараша, бс, 01:30", Kk.DateTime(lateEveningUtc, Almaty));
        Assert.Equal("Thu, November 26 at 01:30", En.DateTime(lateEveningUtc, Almaty));
    }

    [Fact]
    public void CalendarHeadersUseTheNominativeMonthCapitalised()
    {
        Assert.Equal("Ноябрь 2026", Ru.MonthYear(2026, 11));
        Assert.Equal("Қараша 2026", Kk.MonthYear(2026, 11));
        Assert.Equal("November 2026", En.MonthYear(2026, 11));
    }

    [Fact]
    public void WeekdaysAreShortAndCapitalised()
    {
        Assert.Equal("Пн", Ru.Weekday(DayOfWeek.Monday));
        Assert.Equal("Дс", Kk.Weekday(DayOfWeek.Monday));
        Assert.Equal("Mo", En.Weekday(DayOfWeek.Monday));
        Assert.Equal(7, Enum.GetValues<DayOfWeek>().Select(Ru.Weekday).Distinct().Count());
    }

    [Fact]
    public void FormatFillsNamedPlaceholdersAndLeavesUnknownOnesVisible()
    {
        Assert.Equal("С возвращением, Айгерим! Чем могу помочь?", Ru.Format("start.welcome_back", ("name", "Айгерим")));
        Assert.Contains("{name}", Ru.Format("start.welcome_back"));
        Assert.Contains("за 24 ч", Ru.Format("appointments.too_late", ("hours", 24)));
    }

    [Fact]
    public void FormatHtmlEscapesValuesButKeepsTheTemplatesTags()
    {
        var card = Ru.FormatHtml("booking.confirm_card",
            ("doctor", "Иванов <И.И.>"), ("specialty", "терапевт"), ("service", "Приём & консультация"),
            ("branch", "Центр"), ("address", "Абая, 1"), ("date", "25 ноября, ср"), ("time", "09:00"), ("price", Ru.Money(1_500_000)));
        Assert.Contains("<b>Иванов &lt;И.И.&gt;</b>", card);
        Assert.Contains("Приём &amp; консультация", card);
        Assert.Contains($"15{Nbsp}000{Nbsp}₸", card);
    }

    [Fact]
    public void AMissingKeyNamesTheKeyAndTheLanguageFile()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Kk["menu.no_such_key"]);
        Assert.Contains("menu.no_such_key", error.Message);
        Assert.Contains("kk.json", error.Message);
    }
}
