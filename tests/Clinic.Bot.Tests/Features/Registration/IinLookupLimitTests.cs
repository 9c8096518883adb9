using System.Net.Http.Headers;
using System.Net.Http.Json;
using Clinic.Api.Features.Patients;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.Registration;

/// <summary>
/// Registration must not tell anyone whether a person is a patient of the chain: an IIN that cannot be registered gets
/// an answer that says nothing about whose it is, and after the API's limit of IIN lookups the bot explains the limit.
/// </summary>
public sealed class IinLookupLimitTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    public static TheoryData<Language> Languages => [Language.Ru, Language.Kk, Language.En];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task An_iin_of_another_patient_gets_an_answer_that_says_nothing_about_them(Language language)
    {
        var iin = await SomeonesIinAsync();
        var chat = await AtTheIinStepAsync(language);

        await chat.Say(iin);

        var answer = await chat.Expect("registration.iin_not_accepted");
        Assert.Equal(chat.Texts["registration.iin_not_accepted"], answer.VisibleText);
        Assert.Equal(chat.Texts["errors.iin_taken"], answer.VisibleText);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task After_the_apis_iin_lookups_are_used_up_the_bot_explains_the_limit_in_the_users_language(Language language)
    {
        var iin = await SomeonesIinAsync();
        var chat = await AtTheIinStepAsync(language);
        for (var i = 0; i < IinAttempts.PerWindow; i++)
        {
            await chat.Say(iin);
            await chat.Expect("registration.iin_not_accepted");
        }

        await chat.Say(TestIins.Next());

        await chat.Expect("errors.too_many_iin_attempts");
        Assert.DoesNotContain(chat.User.Messages, m => m.VisibleText.Contains(chat.Texts["registration.iin_confirm"][..10], StringComparison.Ordinal));
    }

    private async Task<ChatDriver> AtTheIinStepAsync(Language language)
    {
        var chat = env.NewUser(language.ToString().ToLowerInvariant());
        await chat.Say("/start");
        await chat.Expect("start.choose_language");
        await chat.Press($"lang:{language.ToString().ToLowerInvariant()}");
        chat.SpeaksNow(language);
        await chat.Expect("registration.consent_text");
        await chat.Press("rg:consent:y");
        await chat.Expect("registration.ask_phone");
        await chat.ShareContact();
        await chat.Expect("registration.ask_iin");
        return chat;
    }

    /// <summary>A patient the clinic already has, registered through the API as the reception's earlier visit would.</summary>
    private async Task<string> SomeonesIinAsync()
    {
        var iin = TestIins.Next();
        using var api = new HttpClient { BaseAddress = new Uri(env.Api.Url) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiHost.Secret);
        var created = await api.PostAsJsonAsync(Routes.PatientUpsert, new PatientUpsertRequest(9_000_000_000 + Random.Shared.Next(1_000_000), iin),
            ClinicJson.Options, TestContext.Current.CancellationToken);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return iin;
    }
}
