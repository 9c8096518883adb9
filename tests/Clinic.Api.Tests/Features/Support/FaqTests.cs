using System.Net;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Features.Support;

/// <summary>The demo clinic's FAQ in each language, and free-text questions finding the right entry.</summary>
public abstract class FaqTests(ClinicApp app) : ApiTest(app)
{
    private async Task<FaqResponse> FaqAsync(string lang) =>
        await ReadAsync<FaqResponse>(await Api.GetAsync($"{SupportRoutes.Faq}?lang={lang}", Cancel));

    private async Task<IReadOnlyList<FaqMatchDto>> SearchAsync(string lang, string question)
    {
        var response = await Api.GetAsync($"{SupportRoutes.FaqSearch}?lang={lang}&q={Uri.EscapeDataString(question)}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadAsync<FaqSearchResponse>(response)).Items;
    }

    [Theory]
    [InlineData("ru", "Подготовка к анализам", "Как подготовиться к сдаче крови?")]
    [InlineData("kk", "Талдауларға дайындық", "Қан тапсыруға қалай дайындалу керек?")]
    [InlineData("en", "Preparing for tests", "How do I prepare for a blood test?")]
    public async Task The_faq_comes_in_the_asked_language_with_the_same_categories_and_entries(string lang, string firstCategory, string firstQuestion)
    {
        var faq = await FaqAsync(lang);
        var russian = await FaqAsync("ru");

        Assert.Equal(5, faq.Categories.Count);
        Assert.Contains(firstCategory, faq.Categories[0].Title);
        Assert.Equal(firstQuestion, faq.Categories[0].Entries[0].Question);
        Assert.Equal(russian.Categories.Select(c => c.Id), faq.Categories.Select(c => c.Id));
        Assert.Equal(russian.Categories.SelectMany(c => c.Entries).Select(e => e.Id), faq.Categories.SelectMany(c => c.Entries).Select(e => e.Id));
        Assert.All(faq.Categories.SelectMany(c => c.Entries), e => Assert.True(e.Answer.Length > 80, e.Question));
    }

    [Fact]
    public async Task Without_a_language_the_faq_is_in_russian_and_an_unknown_language_is_refused()
    {
        var faq = await ReadAsync<FaqResponse>(await Api.GetAsync(SupportRoutes.Faq, Cancel));
        Assert.Equal(Language.Ru, faq.Language);
        await AssertErrorAsync(await Api.GetAsync($"{SupportRoutes.Faq}?lang=de", Cancel), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        await AssertErrorAsync(await Api.GetAsync($"{SupportRoutes.Faq}?lang=1", Cancel), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        await AssertErrorAsync(await Api.GetAsync($"{SupportRoutes.Faq}?lang=12", Cancel), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Theory]
    [InlineData("ru", "Нужно ли голодать перед анализом крови?", "Как подготовиться к сдаче крови?")]
    [InlineData("ru", "Вы работаете в воскресенье?", "Когда работает клиника и где она находится?")]
    [InlineData("ru", "хочу отменить запись к врачу", "Как отменить или перенести запись?")]
    [InlineData("ru", "какие документы брать", "Какие документы взять с собой на приём?")]
    [InlineData("kk", "Сенбіде клиника жұмыс істей ме?", "Клиника қашан жұмыс істейді және қай жерде орналасқан?")]
    [InlineData("kk", "Картамен төлеуге бола ма?", "Қабылдау ақысын қалай төлеуге болады?")]
    [InlineData("kk", "қабылдауға қандай құжаттарды алу керек", "Қабылдауға қандай құжаттар алу керек?")]
    [InlineData("kk", "УДЗ алдында тамақ ішуге бола ма", "Іш қуысының УДЗ-на қалай дайындалу керек?")]
    [InlineData("en", "Which documents do I need for the visit?", "Which documents should I bring to my visit?")]
    [InlineData("en", "Are you open on Sunday?", "When is the clinic open and where is it?")]
    [InlineData("en", "I want my money back", "Can I get a refund for a cancelled visit?")]
    [InlineData("en", "can I eat before the ultrasound", "How do I prepare for an abdominal ultrasound?")]
    public async Task A_free_text_question_finds_the_right_entry_first(string lang, string question, string expected)
    {
        var matches = await SearchAsync(lang, question);
        Assert.NotEmpty(matches);
        Assert.Equal(expected, matches[0].Entry.Question);
        Assert.True(matches.Count <= 3);
    }

    [Theory]
    [InlineData("ru", "абырвалг")]
    [InlineData("kk", "сәлем")]
    [InlineData("en", "the weather is nice")]
    public async Task A_question_the_faq_does_not_cover_finds_nothing(string lang, string question) =>
        Assert.Empty(await SearchAsync(lang, question));

    [Fact]
    public async Task A_search_without_a_question_or_with_a_bad_language_is_refused()
    {
        await AssertErrorAsync(await Api.GetAsync($"{SupportRoutes.FaqSearch}?lang=ru", Cancel), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        await AssertErrorAsync(await Api.GetAsync($"{SupportRoutes.FaqSearch}?lang=ru&q=%20", Cancel), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        await AssertErrorAsync(await Api.GetAsync($"{SupportRoutes.FaqSearch}?lang=xx&q=hours", Cancel), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        await AssertErrorAsync(await Api.GetAsync($"{SupportRoutes.FaqSearch}?q={new string('a', 501)}", Cancel), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }
}

public sealed class FaqOnSqliteTests(DemoSqliteApp app) : FaqTests(app), IClassFixture<DemoSqliteApp>;

public sealed class FaqOnPostgresTests(DemoPostgresApp app) : FaqTests(app), IClassFixture<DemoPostgresApp>;
