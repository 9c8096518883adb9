using Clinic.Bot.Tests.Features.Admin;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Clinic.Telegram.Fake;

namespace Clinic.Bot.Tests.Telegram;

/// <summary>
/// Patient data only in the patient's own private chat: not in a group, not in a supergroup, and not in another chat
/// named by a forged update whose sender is a patient.
/// </summary>
public sealed class PrivateChatOnlyTests(AdminBotEnvironment env) : IClassFixture<AdminBotEnvironment>
{
    private static long _nextGroupId = -1_000_000_000_000 - Random.Shared.Next(0, 1_000_000) * 100L;

    [Fact]
    public async Task A_forged_update_from_a_patient_into_another_users_private_chat_gets_nothing_to_either_chat()
    {
        var patient = await RegisteredPatientAsync();
        var other = env.NewUser();
        var patientMessages = patient.User.Messages.Count;

        foreach (var command in new[] { "/start", "/profile", "/appointments", "/documents" })
            await patient.User.SendTextIn(other.Id, command);
        await SettledAsync(other);

        Assert.Equal(patientMessages, patient.User.Messages.Count);
        Assert.Equal([other.Texts["help.text"]], other.User.Messages.Select(m => m.VisibleText));
    }

    [Theory]
    [InlineData("/start")]
    [InlineData("/profile")]
    [InlineData("/appointments")]
    [InlineData("/documents")]
    public async Task A_command_in_a_supergroup_gets_only_the_hint_to_write_privately_with_a_link(string command)
    {
        var patient = await RegisteredPatientAsync();
        var group = NewGroup("supergroup");
        var patientMessages = patient.User.Messages.Count;

        await group.SendText(patient.User, command);

        var hint = await group.WaitForMessage(m => m.VisibleText == patient.Texts["privacy.private_chat_only"], ChatDriver.Wait, TestContext.Current.CancellationToken);
        Assert.Equal("https://t.me/clinic_test_bot?start=", Assert.Single(hint.InlineButtons).Url);
        await SettledAsync(patient);
        Assert.Single(group.Messages);
        Assert.DoesNotContain(group.Messages, m => m.VisibleText.Contains(Scenarios.NameRu) || m.VisibleText.Contains(patient.User.PhoneNumber[1..]));
        Assert.Equal(patientMessages + 1, patient.User.Messages.Count);
    }

    [Fact]
    public async Task Plain_messages_in_a_group_get_no_answer_at_all()
    {
        var patient = await RegisteredPatientAsync();
        var group = NewGroup("group");

        await group.SendText(patient.User, patient.Texts["menu.profile"]);
        await group.SendText(patient.User, "/help@some_other_bot");
        await group.SendText(patient.User, "/help@clinic_test_bot");

        await group.WaitForMessage(m => m.VisibleText == patient.Texts["privacy.private_chat_only"], ChatDriver.Wait, TestContext.Current.CancellationToken);
        Assert.Single(group.Messages);
    }

    [Fact]
    public async Task A_button_pressed_by_a_patient_on_a_message_in_another_chat_shows_nothing_there()
    {
        var patient = await RegisteredPatientAsync();
        await Scenarios.BookFirstFreeAsync(patient);
        var other = env.NewUser();
        await other.Say("/help");
        var help = await other.Expect("help.text");

        await patient.User.PressCallbackIn(other.Id, help.MessageId, "ap:list:up");

        await patient.ExpectCallbackAnswer("privacy.private_chat_only");
        await SettledAsync(other);
        Assert.All(other.User.Messages, m => Assert.Equal(other.Texts["help.text"], m.VisibleText));
        Assert.All(other.User.Messages, m => Assert.Equal(0, m.EditCount));
    }

    [Fact]
    public async Task An_administrator_gets_no_admin_menu_in_a_group()
    {
        var admin = env.Admin();
        var group = NewGroup("group");

        await group.SendText(admin.User, "/admin");

        await group.WaitForMessage(m => m.VisibleText == admin.Texts["privacy.private_chat_only"], ChatDriver.Wait, TestContext.Current.CancellationToken);
        await SettledAsync(admin);
        Assert.Single(group.Messages);
        Assert.Equal([admin.Texts["help.text"]], admin.User.Messages.Select(m => m.VisibleText));
    }

    private async Task<ChatDriver> RegisteredPatientAsync()
    {
        var patient = env.NewUser();
        await Scenarios.RegisterAsync(patient, Language.Ru);
        return patient;
    }

    private FakeGroup NewGroup(string type) => env.Telegram.CreateGroup(Interlocked.Decrement(ref _nextGroupId), "Семейный чат", type);

    /// <summary>
    /// Asks for /help in <paramref name="chat"/>'s own chat and waits for it: updates of one chat are handled in order,
    /// so everything sent into that chat before has been handled by then.
    /// </summary>
    private static async Task SettledAsync(ChatDriver chat)
    {
        await chat.Say("/help");
        await chat.Expect("help.text");
    }
}
