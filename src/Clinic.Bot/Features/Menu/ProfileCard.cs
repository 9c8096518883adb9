using Clinic.Bot.Features.Registration;
using Clinic.Bot.Telegram;

namespace Clinic.Bot.Features.Menu;

/// <summary>The patient's profile card with a language switch.</summary>
public static class ProfileCard
{
    public static async Task ShowAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is not { } patient)
        {
            return;
        }

        var texts = context.Texts;
        var text = texts["profile.title"] + "\n\n" + texts.Format("profile.card",
            ("name", patient.FullName),
            ("phone", patient.Phone),
            ("iin_masked", IinMask.Mask(patient.Iin)),
            ("birth_date", patient.BirthDate is { } birth ? texts.Date(birth) : ""),
            ("language", texts["language.name"]));
        await context.SendAsync(text, Keyboards.Inline([[Keyboards.Button(texts["profile.language"], "lang", "ask")]]));
    }
}
