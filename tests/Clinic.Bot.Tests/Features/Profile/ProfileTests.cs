using Clinic.Bot.Tests.Features.Feedback;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Bot.Tests.Features.Profile;

/// <summary>The profile in the bot: changes persist in the clinic's records, and deleting the account leaves no personal data.</summary>
public sealed class ProfileTests(VisitsEnvironment env) : IClassFixture<VisitsEnvironment>
{
    private async Task<ChatDriver> RegisteredAsync(Language language = Language.Ru, string languageCode = "ru")
    {
        var chat = env.NewUser(languageCode);
        await Scenarios.RegisterAsync(chat, language);
        await chat.Tap("menu.profile");
        await chat.Expect("profile.title");
        return chat;
    }

    [Fact]
    public async Task ANewNameIsSavedAndANonsenseOneIsRefused()
    {
        var chat = await RegisteredAsync();

        await chat.Press("pf:name");
        await chat.Expect("profile_settings.ask_name");
        await chat.Say("123");
        await chat.Expect("registration.name_invalid");
        await chat.Say("Петрова  Мария Ивановна");
        await chat.Expect("profile_settings.saved");
        var card = await chat.Expect("profile.title");

        Assert.Contains("Петрова Мария Ивановна", card.VisibleText);
        Assert.Equal("Петрова Мария Ивановна", (await env.PatientAsync(chat.Id))!.FullName);
    }

    [Fact]
    public async Task ANewPhoneIsTakenOnlyFromTheUsersOwnContact()
    {
        var chat = await RegisteredAsync();

        await chat.Press("pf:phone");
        await chat.Expect("profile_settings.ask_phone");
        await chat.Say("+77019998877");
        await chat.Expect("profile_settings.phone_needs_contact");
        await chat.User.SendContact("+77015554433", userId: chat.Id + 1);
        await chat.Expect("registration.phone_not_own");
        chat.User.PhoneNumber = "+77017776655";
        await chat.ShareContact();
        await chat.Expect("profile_settings.saved");

        Assert.Equal("+77017776655", (await env.PatientAsync(chat.Id))!.Phone);
    }

    [Fact]
    public async Task SwitchingTheLanguageFromTheProfileSwitchesTheBot()
    {
        var chat = await RegisteredAsync();

        await chat.Press("lang:ask");
        await chat.Expect("common.choose_language");
        await chat.Press("lang:kk");
        chat.SpeaksNow(Language.Kk);
        await chat.Expect("common.language_switched");
        await chat.Tap("menu.profile");
        await chat.Expect("profile.title");

        Assert.Equal(Language.Kk, (await env.PatientAsync(chat.Id))!.Language);
    }

    [Fact]
    public async Task NotificationSwitchesAreSavedInKazakh()
    {
        var chat = await RegisteredAsync(Language.Kk, "kk");

        await chat.Press("pf:notif");
        await chat.Expect("profile_settings.notifications_text");
        await chat.Press("pf:n:r");
        await Eventually.TrueAsync(() => env.PatientAsync(chat.Id).Result!.RemindersEnabled == false, "reminders off");
        await chat.Press("pf:n:n");
        await Eventually.TrueAsync(() => env.PatientAsync(chat.Id).Result!.NewsOptIn, "news on");
        await Eventually.TrueAsync(() => chat.LatestWithButton("pf:n:n")!.InlineButtons.Any(b => b.Text == chat.Texts["profile_settings.news_turn_off"]),
            "the news button now offers to stop the news");

        var patient = await env.PatientAsync(chat.Id);
        Assert.False(patient!.RemindersEnabled);
        Assert.True(patient.NewsOptIn);
    }

    [Fact]
    public async Task DeletingTheAccountAsksFirstThenErasesThePersonalDataAndStartRegistersAnew()
    {
        var chat = await RegisteredAsync();
        var before = (await env.PatientAsync(chat.Id))!;
        var visit = await env.FulfilledVisitAsync(chat.Id);

        await chat.Press("pf:del");
        await chat.Expect("profile_settings.delete_confirm");
        await chat.Say("да");
        await chat.Expect("common.unknown_input");
        await chat.Press("pf:dn");
        await chat.Expect("profile_settings.delete_kept");
        Assert.NotNull(await env.PatientAsync(chat.Id));

        await chat.Tap("menu.profile");
        await chat.Expect("profile.title");
        await chat.Press("pf:del");
        await chat.Expect("profile_settings.delete_confirm");
        await chat.Press("pf:dy");
        await chat.Expect("profile_settings.deleted");

        var leftovers = await env.QueryAsync(db => db.Patients.AsNoTracking().Where(p =>
            p.TelegramId == chat.Id || p.Iin == before.Iin || p.Phone == before.Phone || p.FullName == before.FullName && p.Id == before.Id).CountAsync());
        Assert.Equal(0, leftovers);
        var row = await env.QueryAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == before.Id));
        Assert.Null(row.FullName);
        Assert.Null(row.BirthDate);
        Assert.True(row.TelegramId < 0);
        Assert.Equal(before.Id, await env.QueryAsync(db => db.Appointments.Where(a => a.Id == visit).Select(a => a.PatientId).SingleAsync()));

        await chat.Press("pf:del"); // an old card's button: the account is gone
        await chat.Expect("common.not_registered");
        await Scenarios.RegisterAsync(chat, Language.Ru);
        Assert.NotEqual(before.Id, (await env.PatientAsync(chat.Id))!.Id);
    }
}
