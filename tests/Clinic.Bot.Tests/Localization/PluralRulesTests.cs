using Clinic.Bot.Localization;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Localization;

public sealed class PluralRulesTests
{
    private static readonly Localizer Localizer = Localizer.LoadEmbedded();

    [Theory]
    [InlineData(1, "one")]
    [InlineData(2, "few")]
    [InlineData(4, "few")]
    [InlineData(5, "many")]
    [InlineData(11, "many")]
    [InlineData(12, "many")]
    [InlineData(14, "many")]
    [InlineData(21, "one")]
    [InlineData(22, "few")]
    [InlineData(25, "many")]
    [InlineData(0, "many")]
    [InlineData(111, "many")]
    [InlineData(112, "many")]
    [InlineData(101, "one")]
    public void RussianFollowsCldrForWholeNumbers(long n, string category) =>
        Assert.Equal(category, PluralRules.Category(Language.Ru, n));

    [Theory]
    [InlineData(1, "1 запись")]
    [InlineData(2, "2 записи")]
    [InlineData(5, "5 записей")]
    [InlineData(11, "11 записей")]
    [InlineData(21, "21 запись")]
    [InlineData(22, "22 записи")]
    [InlineData(25, "25 записей")]
    [InlineData(111, "111 записей")]
    public void RussianCountsAppointmentsInTheRightForm(long n, string expected) =>
        Assert.Equal(expected, Localizer.For(Language.Ru).Plural("appointments.count", n));

    [Theory]
    [InlineData(1, "1 минута")]
    [InlineData(3, "3 минуты")]
    [InlineData(30, "30 минут")]
    [InlineData(45, "45 минут")]
    public void RussianWritesDurationsInTheRightForm(long n, string expected) =>
        Assert.Equal(expected, Localizer.For(Language.Ru).Plural("booking.duration", n));

    [Theory]
    [InlineData(Language.Kk, 1, "1 жазылу")]
    [InlineData(Language.Kk, 5, "5 жазылу")]
    [InlineData(Language.En, 1, "1 appointment")]
    [InlineData(Language.En, 2, "2 appointments")]
    [InlineData(Language.En, 21, "21 appointments")]
    public void KazakhAndEnglishHaveOnlyOneAndOther(Language language, long n, string expected) =>
        Assert.Equal(expected, Localizer.For(language).Plural("appointments.count", n));

    [Fact]
    public void AskingForAPluralKeyAsPlainTextNamesTheMistake()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Localizer.For(Language.Ru)["appointments.count"]);
        Assert.Contains("Plural", error.Message);
    }
}
