using Clinic.Bot.ClinicApi;
using Clinic.Bot.Features.Registration;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Profile;

/// <summary>The patient's profile card with what can be changed: name, phone, language, notifications, and deleting the account.</summary>
public static class ProfileCard
{
    public static async Task ShowAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is not { } patient)
        {
            return;
        }

        context.ClearFlow();
        await context.SendAsync(Text(context, patient), Keyboard(context));
    }

    public static string Text(BotContext context, PatientDto patient)
    {
        var texts = context.Texts;
        return texts["profile.title"] + "\n\n" + texts.Format("profile.card",
            ("name", patient.FullName),
            ("phone", patient.Phone),
            ("iin_masked", IinMask.Mask(patient.Iin)),
            ("birth_date", patient.BirthDate is { } birth ? texts.FullDate(birth) : ""),
            ("language", texts["language.name"]))
            + (!context.Offers(ApiExtension.ProfileSettings) ? "" : "\n" + texts.Format("profile_settings.card_notifications",
                ("reminders", texts[patient.RemindersEnabled ? "profile_settings.on" : "profile_settings.off"]),
                ("news", texts[patient.NewsOptIn ? "profile_settings.on" : "profile_settings.off"])));
    }

    private static InlineKeyboardMarkup Keyboard(BotContext context)
    {
        var texts = context.Texts;
        var names = new List<InlineKeyboardButton>
            { Keyboards.Button(texts["profile_settings.change_name"], "pf", "name"), Keyboards.Button(texts["profile_settings.change_phone"], "pf", "phone") };
        var language = Keyboards.Button(texts["profile.language"], "lang", "ask");
        // Notification switches and deleting the account are routes the original API does not have.
        if (!context.Offers(ApiExtension.ProfileSettings))
            return Keyboards.Inline([names, [language]]);
        return Keyboards.Inline(
        [
            names,
            [language, Keyboards.Button(texts["profile_settings.notifications"], "pf", "notif")],
            [Keyboards.Button(texts["profile_settings.delete"], "pf", "del")],
        ]);
    }
}
