using Clinic.Contracts;
using Clinic.Bot.Telegram;

namespace Clinic.Bot.Features.Registration;

/// <summary>The seed's auth middleware as a check: features that need a profile send an unregistered user to registration.</summary>
public static class RegistrationGate
{
    public static async Task<PatientDto?> RequirePatientAsync(BotContext context)
    {
        if (context.Patient is { IsRegistered: true } patient)
        {
            return patient;
        }

        await context.AnswerCallbackAsync();
        if (context.PatientUnavailable)
        {
            await context.SendAsync(context.Texts["common.unavailable"]);
            return null;
        }

        await context.SendAsync(context.Texts["common.not_registered"]);
        await RegistrationFlow.AskConsentAsync(context);
        return null;
    }
}
