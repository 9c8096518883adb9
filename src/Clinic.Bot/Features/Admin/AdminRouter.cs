using Clinic.Bot.Configuration;
using Clinic.Bot.Telegram;

namespace Clinic.Bot.Features.Admin;

/// <summary>
/// /admin for the Telegram users in ADMIN_TELEGRAM_IDS: broadcasts and a clinic overview. For anyone else the command
/// does not exist (the update goes on like any unknown text) and the buttons are stale; the API checks again on every call.
/// </summary>
public static class AdminRouter
{
    public const string Prefix = "adm";

    public static Router Create() => new Router("admin")
        .OnCommand("admin", AdminMenu.ShowAsync, IsAdmin)
        .OnCallback(Prefix, OnCallbackAsync)
        .OnState(BroadcastWizard.StatePrefix, Guarded(BroadcastWizard.OnMessageAsync))
        .Prompt(BroadcastWizard.StatePrefix, Guarded(BroadcastWizard.PromptAsync));

    public static bool IsAdmin(BotContext context) =>
        context.Services.GetRequiredService<BotOptions>().AdminTelegramIds.Contains(context.UserId);

    private static UpdateHandler Guarded(UpdateHandler handler) => async context =>
    {
        if (!IsAdmin(context))
        {
            // An admin removed from the list mid-flow: the flow is gone.
            context.ClearFlow();
            await context.SendAsync(context.Texts["common.unknown_input"]);
            return;
        }
        await handler(context);
    };

    private static Task OnCallbackAsync(BotContext context)
    {
        if (!IsAdmin(context))
            throw new StaleButtonException();
        var parts = context.CallbackParts;
        return parts.ElementAtOrDefault(1) switch
        {
            "menu" => AdminMenu.ShowAsync(context),
            "ov" => AdminMenu.ShowOverviewAsync(context),
            "list" => BroadcastCards.ShowListAsync(context),
            "new" => BroadcastWizard.StartAsync(context),
            "sg" => BroadcastWizard.OnSegmentAsync(context),
            "skp" => BroadcastWizard.OnSkipAsync(context),
            "go" or "sch" or "at" or "del" => BroadcastWizard.OnDecisionAsync(context),
            "b" or "pa" or "re" or "ca" => BroadcastCards.OnCardAsync(context),
            _ => throw new StaleButtonException(),
        };
    }
}
