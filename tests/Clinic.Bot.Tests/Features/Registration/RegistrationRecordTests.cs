using System.Net.Http.Headers;
using System.Net.Http.Json;
using Clinic.Bot.Features.Registration;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.Registration;

public sealed class RegistrationRecordTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    [Fact]
    public async Task Registration_saves_the_patient_with_the_consent_version_and_time_and_the_chosen_language()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var chat = env.NewUser("ru");
        await Scenarios.RegisterAsync(chat, Language.Kk, "Сейітова Әсем Болатқызы");

        using var http = new HttpClient { BaseAddress = new Uri(env.Api.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiHost.Secret);
        var patient = await http.GetFromJsonAsync<PatientDto>(
            Routes.PatientByTelegram(chat.Id), ClinicJson.Options, TestContext.Current.CancellationToken);

        Assert.NotNull(patient);
        Assert.True(patient.IsRegistered);
        Assert.Equal("Сейітова Әсем Болатқызы", patient.FullName);
        Assert.Equal(chat.User.PhoneNumber, patient.Phone);
        Assert.Equal(Language.Kk, patient.Language);
        Assert.Equal(RegistrationFlow.ConsentVersion, patient.ConsentVersion);
        Assert.InRange(patient.ConsentAt!.Value, before, DateTimeOffset.UtcNow);
        Assert.Equal(new DateOnly(1992, 3, 15), patient.BirthDate);
        Assert.Equal(Sex.Female, patient.Sex);
    }

    [Fact]
    public async Task The_profile_shows_the_patients_data_with_a_masked_IIN_and_a_language_switch()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await chat.Tap("menu.profile");
        var profile = await chat.Expect("profile.title");
        Assert.Contains(Scenarios.NameRu, profile.VisibleText);
        Assert.Contains("••••", profile.VisibleText);
        Assert.DoesNotMatch(@"\d{12}", profile.VisibleText);

        await chat.Press("lang:ask");
        await chat.Expect("common.choose_language");
        await chat.Press("lang:en");
        chat.SpeaksNow(Language.En);
        await chat.Expect("common.language_switched");
    }
}
