using Clinic.Bot.Features.Menu;
using Clinic.Bot.Features.Registration;
using Clinic.Bot.Telegram;
using Clinic.Contracts;

namespace Clinic.Bot.Features.Start;

/// <summary>/start (greeting, or straight to the menu for a returning patient) and the language switch (/language).</summary>
public static class StartRouter
{
    public static Router Create() => new Router("start")
        .OnCommand("start", OnStartAsync)
        .OnCommand("language", AskLanguageAsync)
        .OnCallback("lang", OnLanguageAsync)
        .Prompt(RegistrationFlow.Language, AskLanguageAsync);

    private static async Task OnStartAsync(BotContext context)
    {
        var texts = context.Texts;
        if (context.PatientUnavailable)
        {
            await context.SendAsync(texts["common.unavailable"]);
            return;
        }

        if (context.Patient is { IsRegistered: true } patient)
        {
            context.ClearFlow();
            await context.SendAsync(texts.Format("start.welcome_back", ("name", patient.FullName)), MainMenu.Keyboard(texts));
            return;
        }

        context.ClearFlow();
        context.State = RegistrationFlow.Language;
        await context.SendAsync(texts.Format("start.greeting", ("name", context.From?.FirstName)));
        await SendLanguageChoiceAsync(context, "start.choose_language");
    }

    private static Task AskLanguageAsync(BotContext context) =>
        SendLanguageChoiceAsync(context, context.State == RegistrationFlow.Language ? "start.choose_language" : "common.choose_language");

    private static Task SendLanguageChoiceAsync(BotContext context, string textKey)
    {
        var texts = context.Texts;
        return context.SendAsync(texts[textKey], Keyboards.Inline(
        [
            [
                Keyboards.Button(texts["language.ru"], "lang", "ru"),
                Keyboards.Button(texts["language.kk"], "lang", "kk"),
                Keyboards.Button(texts["language.en"], "lang", "en"),
            ],
        ]));
    }

    private static async Task OnLanguageAsync(BotContext context)
    {
        var code = context.CallbackParts.ElementAtOrDefault(1);
        if (code == "ask")
        {
            await context.AnswerCallbackAsync();
            await SendLanguageChoiceAsync(context, "common.choose_language");
            return;
        }

        Language? language = code switch { "ru" => Language.Ru, "kk" => Language.Kk, "en" => Language.En, _ => null };
        if (language is not { } chosen)
        {
            throw new StaleButtonException();
        }

        // Saved on the patient (created here if new), so every later update speaks this language.
        var result = await context.Api.UpsertPatient(new PatientUpsertRequest(context.UserId, Language: chosen));
        if (await context.FailedAsync(result))
        {
            return;
        }

        context.Patient = result.Value;
        context.Texts = context.Localizer.For(chosen);
        await context.CloseButtonsAsync();
        if (context.Patient is { IsRegistered: true })
        {
            context.ClearFlow();
            await context.SendAsync(context.Texts["common.language_switched"], MainMenu.Keyboard(context.Texts));
            return;
        }

        await RegistrationFlow.AskConsentAsync(context);
    }
}
