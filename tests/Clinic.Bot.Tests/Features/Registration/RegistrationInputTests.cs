using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.Registration;

public sealed class RegistrationInputTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    [Fact]
    public async Task Unexpected_input_at_every_registration_step_is_explained_and_the_step_shown_again()
    {
        var chat = env.NewUser();
        await chat.Say("/start");
        await chat.Expect("start.choose_language");
        await chat.Say("привет");
        await chat.Expect("common.unknown_input");
        await chat.Expect("start.choose_language");
        await chat.Press("lang:ru");

        await chat.Expect("registration.consent_text");
        await chat.Say("ладно");
        await chat.Expect("common.unknown_input");
        await chat.Expect("registration.consent_text");
        await chat.Press("rg:consent:y");

        await chat.Expect("registration.ask_phone");
        await chat.Say("+7 701 123 45 67");
        await chat.Expect("registration.phone_invalid");
        await chat.User.SendContact("+77019998877", userId: chat.Id + 1);
        await chat.Expect("registration.phone_not_own");
        await chat.ShareContact();

        await chat.Expect("registration.ask_iin");
        await chat.Say("12345");
        await chat.Expect("registration.iin_invalid");
        var iin = TestIins.Next(TestIins.Woman1992);
        await chat.Say(iin[..11] + (char)('0' + ((iin[11] - '0' + 1) % 10)));
        await chat.Expect("registration.iin_invalid");
        await chat.Say(iin);

        var confirm = await chat.Expect("registration.iin_confirm");
        Assert.Contains("15 марта 1992 г.", confirm.VisibleText); // the year, not a weekday
        await chat.Say("наверное");
        await chat.Expect("common.unknown_input");
        await chat.Expect("registration.iin_confirm");
        await chat.Press("rg:iin:y");

        await chat.Expect("registration.ask_name");
        await chat.Say("12345");
        await chat.Expect("registration.name_invalid");
        await chat.Say("Анна");
        await chat.Expect("registration.name_invalid");
        await chat.Say(Scenarios.NameRu);

        var summary = await chat.Expect("registration.summary");
        Assert.Contains("15 марта 1992 г.", summary.VisibleText);
        await chat.Say("всё верно");
        await chat.Expect("common.unknown_input");
        await chat.Expect("registration.summary");
        await chat.Press("rg:save");
        await chat.Expect("registration.done");
    }

    [Fact]
    public async Task Declining_consent_stops_registration_without_asking_for_personal_data()
    {
        var chat = env.NewUser();
        await chat.Say("/start");
        await chat.Expect("start.choose_language");
        await chat.Press("lang:ru");
        await chat.Expect("registration.consent_text");
        await chat.Press("rg:consent:n");
        await chat.Expect("registration.consent_declined");

        await chat.Say("920315400001");
        await chat.Expect("common.unknown_input");
        Assert.DoesNotContain(chat.User.Messages, m => m.VisibleText.Contains(chat.Texts["registration.ask_iin"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unregistered_user_asking_to_book_is_sent_to_registration()
    {
        var chat = env.NewUser();
        await chat.Say("/book");
        await chat.Expect("common.not_registered");
        await chat.Expect("registration.consent_text");
    }

    [Fact]
    public async Task A_returning_patient_goes_straight_to_the_main_menu()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await chat.Say("/start");
        var welcome = await chat.Expect("start.welcome_back");
        Assert.Contains(Scenarios.NameRu, welcome.VisibleText);
        Assert.Contains(chat.User.ReplyKeyboard!.Buttons, b => b.Text == chat.Texts["menu.booking"]);
    }

    [Fact]
    public async Task The_language_can_be_switched_and_the_menu_follows_it()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await chat.Say("/language");
        await chat.Expect("common.choose_language");
        await chat.Press("lang:kk");
        chat.SpeaksNow(Language.Kk);
        await chat.Expect("common.language_switched");
        await chat.Tap("menu.documents");
        await chat.Expect("documents.empty");
    }
}
