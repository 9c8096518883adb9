using Clinic.Bot.ClinicApi;
using Clinic.Bot.Telegram;
using static Clinic.Bot.Telegram.BotContextCapabilities;

namespace Clinic.Bot.Features.Profile;

/// <summary>The profile card's buttons and the typed name and shared contact while a change is asked.</summary>
public static class ProfileRouter
{
    public static Router Create() => new Router("profile")
        .OnCallback("pf:name", ProfileFlow.AskNameAsync)
        .OnCallback("pf:phone", ProfileFlow.AskPhoneAsync)
        .OnCallback("pf:notif", Requiring(ApiExtension.ProfileSettings, ProfileFlow.ShowNotificationsAsync))
        .OnCallback("pf:n", Requiring(ApiExtension.ProfileSettings, ProfileFlow.OnToggleAsync))
        .OnCallback("pf:del", Requiring(ApiExtension.ProfileSettings, ProfileFlow.AskDeleteAsync))
        .OnCallback("pf:dy", Requiring(ApiExtension.ProfileSettings, ProfileFlow.OnDeleteYesAsync))
        .OnCallback("pf:dn", Requiring(ApiExtension.ProfileSettings, ProfileFlow.OnDeleteNoAsync))
        .OnState(ProfileFlow.Name, ProfileFlow.OnNameAsync)
        .OnState(ProfileFlow.Phone, ProfileFlow.OnPhoneAsync)
        .OnState(ProfileFlow.Delete, ProfileFlow.OnDeleteTextAsync)
        .Prompt(ProfileFlow.StatePrefix, ProfileFlow.PromptAsync);
}
