using Clinic.Bot.Configuration;
using Clinic.Bot.Conversation;
using Clinic.Bot.Features.Menu;
using Clinic.Bot.Features.Registration;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Profile;

/// <summary>
/// Changes from the profile card: name (typed), phone (own shared contact only), notification switches, and withdrawing
/// consent, which deletes the account after a confirmation. The language switch is the start router's "lang" button.
/// </summary>
public static class ProfileFlow
{
    public const string StatePrefix = "pf:";
    public const string Name = "pf:name";
    public const string Phone = "pf:phone";
    public const string Delete = "pf:delete";

    public static async Task AskNameAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
        {
            return;
        }

        await context.AnswerCallbackAsync();
        context.ClearFlow();
        context.State = Name;
        await context.SendAsync(context.Texts["profile_settings.ask_name"], BackKeyboard(context));
    }

    public static async Task OnNameAsync(BotContext context)
    {
        if (FullName.Normalize(context.Message?.Text) is not { } name)
        {
            await context.SendAsync(context.Texts["registration.name_invalid"]);
            return;
        }

        await SaveAsync(context, new PatientUpsertRequest(context.UserId, FullName: name));
    }

    public static async Task AskPhoneAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
        {
            return;
        }

        await context.AnswerCallbackAsync();
        context.ClearFlow();
        context.State = Phone;
        var texts = context.Texts;
        await context.SendAsync(texts["profile_settings.ask_phone"], new ReplyKeyboardMarkup(
        [
            [KeyboardButton.WithRequestContact(texts["registration.share_contact"])],
            [new KeyboardButton(texts["common.main_menu"])],
        ])
        {
            ResizeKeyboard = true,
            OneTimeKeyboard = true,
        });
    }

    public static async Task OnPhoneAsync(BotContext context)
    {
        var texts = context.Texts;
        if (context.Message?.Contact is not { } contact)
        {
            await context.SendAsync(texts["profile_settings.phone_needs_contact"]);
            return;
        }

        // A forwarded card carries someone else's id (or none): only the user's own number.
        if (contact.UserId != context.UserId)
        {
            await context.SendAsync(texts["registration.phone_not_own"]);
            return;
        }

        var digits = new string(contact.PhoneNumber.Where(char.IsDigit).ToArray());
        if (digits.Length is < 10 or > 15)
        {
            await context.SendAsync(texts["registration.phone_invalid"]);
            return;
        }

        await SaveAsync(context, new PatientUpsertRequest(context.UserId, Phone: "+" + digits));
    }

    public static async Task ShowNotificationsAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is not { } patient)
        {
            return;
        }

        await context.AnswerCallbackAsync();
        context.ClearFlow();
        await context.ShowAsync(NotificationsText(context, patient), NotificationsKeyboard(context, patient));
    }

    /// <summary>pf:n:r switches visit reminders, pf:n:n clinic news; the message shows the saved state.</summary>
    public static async Task OnToggleAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is not { } patient)
        {
            return;
        }

        var request = context.CallbackParts.ElementAtOrDefault(2) switch
        {
            "r" => new NotificationSettingsRequest(context.UserId, RemindersEnabled: !patient.RemindersEnabled),
            "n" => new NotificationSettingsRequest(context.UserId, NewsOptIn: !patient.NewsOptIn),
            _ => throw new StaleButtonException(),
        };
        var result = await context.Api.SetNotifications(request, context.CancellationToken);
        await context.AnswerCallbackAsync();
        if (await context.FailedAsync(result))
        {
            return;
        }

        context.Patient = result.Value;
        await context.ShowAsync(NotificationsText(context, result.Value!), NotificationsKeyboard(context, result.Value!));
    }

    public static async Task AskDeleteAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
        {
            return;
        }

        await context.AnswerCallbackAsync();
        context.ClearFlow();
        context.State = Delete;
        var texts = context.Texts;
        context.EditPressedMessage = false;
        await context.ShowAsync(texts["profile_settings.delete_confirm"], Keyboards.Inline(
        [
            [Keyboards.Button(texts["profile_settings.delete_yes"], "pf", "dy")],
            [Keyboards.Button(texts["profile_settings.delete_no"], "pf", "dn")],
        ]));
    }

    public static async Task OnDeleteYesAsync(BotContext context)
    {
        if (context.State != Delete)
        {
            throw new StaleButtonException();
        }

        var result = await context.Api.DeleteAccount(context.UserId, context.CancellationToken);
        await context.AnswerCallbackAsync();
        if (await context.FailedAsync(result))
        {
            return;
        }

        // The profile is gone: the next message must not find it in the cache, and /start registers anew. What the user
        // typed in any conversation with the bot goes with it, once the clinic confirmed the deletion.
        context.Services.GetRequiredService<PatientCache>().Forget(context.UserId);
        await context.Services.GetRequiredService<IStateStore>().ForgetUserAsync(
            context.Services.GetRequiredService<BotOptions>().BotId, context.UserId, context.CancellationToken);
        context.Patient = null;
        context.ClearFlow();
        await context.ShowAsync(context.Texts["profile_settings.deleted"], null);
        await context.SendAsync(context.Texts["profile_settings.deleted_restart"], new ReplyKeyboardRemove());
    }

    public static async Task OnDeleteNoAsync(BotContext context)
    {
        if (context.State != Delete)
        {
            throw new StaleButtonException();
        }

        await context.AnswerCallbackAsync();
        context.ClearFlow();
        await context.ShowAsync(context.Texts["profile_settings.delete_kept"], null);
    }

    /// <summary>A typed message while the deletion waits for its confirmation: the buttons decide.</summary>
    public static async Task OnDeleteTextAsync(BotContext context)
    {
        await context.SendAsync(context.Texts["common.unknown_input"]);
        await AskDeleteAsync(context);
    }

    public static Task PromptAsync(BotContext context) => context.State switch
    {
        Name => context.SendAsync(context.Texts["profile_settings.ask_name"], BackKeyboard(context)),
        Phone => AskPhoneAsync(context),
        Delete => AskDeleteAsync(context),
        _ => MainMenu.ShowAsync(context),
    };

    private static async Task SaveAsync(BotContext context, PatientUpsertRequest request)
    {
        var result = await context.Api.UpsertPatient(request, context.CancellationToken);
        if (await context.FailedAsync(result))
        {
            return;
        }

        context.Patient = result.Value;
        context.ClearFlow();
        await context.SendAsync(context.Texts["profile_settings.saved"], MainMenu.Keyboard(context.Texts));
        await ProfileCard.ShowAsync(context);
    }

    private static string NotificationsText(BotContext context, PatientDto patient)
    {
        var texts = context.Texts;
        return texts.Format("profile_settings.notifications_text",
            ("reminders", texts[patient.RemindersEnabled ? "profile_settings.on" : "profile_settings.off"]),
            ("news", texts[patient.NewsOptIn ? "profile_settings.on" : "profile_settings.off"]));
    }

    private static InlineKeyboardMarkup NotificationsKeyboard(BotContext context, PatientDto patient)
    {
        var texts = context.Texts;
        return Keyboards.Inline(
        [
            [Keyboards.Button(texts[patient.RemindersEnabled ? "profile_settings.reminders_turn_off" : "profile_settings.reminders_turn_on"], "pf", "n", "r")],
            [Keyboards.Button(texts[patient.NewsOptIn ? "profile_settings.news_turn_off" : "profile_settings.news_turn_on"], "pf", "n", "n")],
        ]);
    }

    private static ReplyKeyboardMarkup BackKeyboard(BotContext context) =>
        new([[new KeyboardButton(context.Texts["common.main_menu"])]]) { ResizeKeyboard = true };
}
