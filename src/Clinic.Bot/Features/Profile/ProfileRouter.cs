using Clinic.Bot.Telegram;

namespace Clinic.Bot.Features.Profile;

/// <summary>The profile card's buttons and the typed name and shared contact while a change is asked.</summary>
public static class ProfileRouter
{
    public static Router Create() => new Router("profile")
        .OnCallback("pf:name", ProfileFlow.AskNameAsync)
        .OnCallback("pf:phone", ProfileFlow.AskPhoneAsync)
        .OnCallback("pf:notif", ProfileFlow.ShowNotificationsAsync)
        .OnCallback("pf:n", ProfileFlow.OnToggleAsync)
        .OnCallback("pf:del", ProfileFlow.AskDeleteAsync)
        .OnCallback("pf:dy", ProfileFlow.OnDeleteYesAsync)
        .OnCallback("pf:dn", ProfileFlow.OnDeleteNoAsync)
        .OnState(ProfileFlow.Name, ProfileFlow.OnNameAsync)
        .OnState(ProfileFlow.Phone, ProfileFlow.OnPhoneAsync)
        .OnState(ProfileFlow.Delete, ProfileFlow.OnDeleteTextAsync)
        .Prompt(ProfileFlow.StatePrefix, ProfileFlow.PromptAsync);
}
