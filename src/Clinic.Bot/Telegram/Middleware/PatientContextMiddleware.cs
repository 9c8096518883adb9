using Clinic.Bot.Localization;

namespace Clinic.Bot.Telegram.Middleware;

/// <summary>
/// Looks the patient up and picks the language: the profile's, else Telegram's language_code, else Russian.
/// When the API is down the update still runs (in Telegram's language); handlers that need the patient say "unavailable".
/// </summary>
public sealed class PatientContextMiddleware(Localizer localizer) : IUpdateMiddleware
{
    public async Task InvokeAsync(BotContext context, Func<Task> next)
    {
        var result = await context.Api.GetPatientByTelegram(context.UserId);
        if (result.IsSuccess)
        {
            context.Patient = result.Value;
        }
        else
        {
            context.PatientUnavailable = result.IsUnavailable;
        }

        context.Texts = localizer.For(Localizer.Resolve(context.Patient?.Language, context.From?.LanguageCode));
        await next();
    }
}
