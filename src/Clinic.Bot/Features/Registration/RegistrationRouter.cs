using Clinic.Bot.Telegram;

namespace Clinic.Bot.Features.Registration;

/// <summary>Registration's buttons and typed answers, and how each step is shown again after "not understood".</summary>
public static class RegistrationRouter
{
    public static Router Create() => new Router("registration")
        .StatesExpireAfter(RegistrationFlow.StatePrefix, RegistrationFlow.Lifetime)
        .OnCallback("rg:consent", RegistrationFlow.OnConsentAsync)
        .OnCallback("rg:iin", RegistrationFlow.OnIinConfirmAsync)
        .OnCallback("rg:save", RegistrationFlow.OnSaveAsync)
        .OnCallback("rg:edit", RegistrationFlow.OnEditAsync)
        .OnState(RegistrationFlow.Phone, RegistrationFlow.OnPhoneAsync)
        .OnState(RegistrationFlow.IinConfirm, UnknownInputAsync)
        .OnState(RegistrationFlow.Iin, RegistrationFlow.OnIinAsync)
        .OnState(RegistrationFlow.Name, RegistrationFlow.OnNameAsync)
        .Prompt(RegistrationFlow.Consent, RegistrationFlow.AskConsentAsync)
        .Prompt(RegistrationFlow.IinConfirm, RegistrationFlow.AskIinConfirmAsync)
        .Prompt(RegistrationFlow.Summary, RegistrationFlow.ShowSummaryAsync);

    private static async Task UnknownInputAsync(BotContext context)
    {
        await context.SendAsync(context.Texts["common.unknown_input"]);
        await RegistrationFlow.AskIinConfirmAsync(context);
    }
}
