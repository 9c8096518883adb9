using Clinic.Bot.Localization;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Localization;

public sealed class LanguageResolutionTests
{
    [Theory]
    [InlineData(Language.Kk, "ru", Language.Kk)]
    [InlineData(Language.En, "kk", Language.En)]
    [InlineData(Language.Ru, "en", Language.Ru)]
    public void TheProfileLanguageWinsOverTelegrams(Language profile, string telegram, Language expected) =>
        Assert.Equal(expected, Localizer.Resolve(profile, telegram));

    [Theory]
    [InlineData("kk", Language.Kk)]
    [InlineData("kk-KZ", Language.Kk)]
    [InlineData("KK", Language.Kk)]
    [InlineData("ru", Language.Ru)]
    [InlineData("ru-RU", Language.Ru)]
    [InlineData("en", Language.En)]
    [InlineData("en-GB", Language.En)]
    public void WithoutAProfileTelegramsLanguageCodeIsUsed(string telegram, Language expected) =>
        Assert.Equal(expected, Localizer.Resolve(null, telegram));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("de")]
    [InlineData("uz")]
    public void OtherwiseTheBotSpeaksRussian(string? telegram) =>
        Assert.Equal(Language.Ru, Localizer.Resolve(null, telegram));
}
