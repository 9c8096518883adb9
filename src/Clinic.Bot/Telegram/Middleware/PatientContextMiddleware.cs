using Clinic.Bot.Localization;
using Clinic.Contracts;

namespace Clinic.Bot.Telegram.Middleware;

/// <summary>
/// Looks the patient up (briefly cached) and picks the language: the profile's, else Telegram's language_code, else Russian.
/// When the API is down the update still runs (in Telegram's language); handlers that need the patient say "unavailable".
/// A profile a handler changed (language, registration) is remembered afterwards.
/// </summary>
public sealed class PatientContextMiddleware(Localizer localizer, PatientCache cache) : IUpdateMiddleware
{
    public async Task InvokeAsync(BotContext context, Func<Task> next)
    {
        var known = cache.Find(context.UserId);
        if (known is not null)
        {
            context.Patient = known;
        }
        else
        {
            var result = await context.Api.GetPatientByTelegram(context.UserId);
            if (result.IsSuccess)
            {
                context.Patient = result.Value;
                if (result.Value!.BotBlocked)
                {
                    // They had blocked the bot and now write again: the upsert clears the mark, so messages resume.
                    var unblocked = await context.Api.UpsertPatient(new PatientUpsertRequest(context.UserId));
                    context.Patient = unblocked.IsSuccess ? unblocked.Value : context.Patient;
                }

                cache.Remember(context.Patient!);
            }
            else
            {
                context.PatientUnavailable = result.IsUnavailable;
            }
        }

        context.Texts = localizer.For(Localizer.Resolve(context.Patient?.Language, context.From?.LanguageCode));
        var before = context.Patient;
        await next();

        if (context.Patient is { } after && !ReferenceEquals(after, before))
        {
            cache.Remember(after);
        }
    }
}
