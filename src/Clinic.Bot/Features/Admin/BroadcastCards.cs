using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Admin;

/// <summary>A broadcast's progress card (pause, resume, cancel, refresh) and the list of recent broadcasts.</summary>
public static class BroadcastCards
{
    private const int ListSize = 10;

    public static async Task ShowListAsync(BotContext context)
    {
        await context.AnswerCallbackAsync();
        var result = await context.Api.ListBroadcasts(context.UserId, context.CancellationToken);
        if (await context.FailedAsync(result))
            return;
        var texts = context.Texts;
        var items = result.Value!.Items.Take(ListSize).ToList();
        if (items.Count == 0)
        {
            await context.ShowAsync(texts["broadcast.list_empty"], Keyboards.Inline([[AdminMenu.Back(context)]]));
            return;
        }
        var zone = await BroadcastWizard.ClinicZoneAsync(context);
        var lines = items.Select(b => texts.Format("broadcast.list_line",
            ("id", b.Id), ("status", texts[$"broadcast.status.{Status(b.Status)}"]), ("sent", b.Stats.Sent), ("audience", b.Stats.Audience),
            ("clicks", b.Stats.Clicks), ("date", texts.DateTime(b.CreatedAt, zone.Id))));
        var buttons = items.Select(b => Keyboards.Button($"#{b.Id}", AdminRouter.Prefix, "b", b.Id));
        await context.ShowAsync(texts["broadcast.list_title"] + "\n\n" + string.Join("\n", lines),
            Keyboards.Inline([.. Keyboards.Grid(buttons, 5), [AdminMenu.Back(context)]]));
    }

    /// <summary>Open or refresh a card, or pause, resume or cancel its broadcast.</summary>
    public static async Task OnCardAsync(BotContext context)
    {
        var parts = context.CallbackParts;
        if (!CallbackData.TryLong(parts, 2, out var id))
            throw new StaleButtonException();
        await context.AnswerCallbackAsync();
        var result = parts[1] switch
        {
            "pa" => await context.Api.ChangeBroadcast(context.UserId, id, "pause", context.CancellationToken),
            "re" => await context.Api.ChangeBroadcast(context.UserId, id, "resume", context.CancellationToken),
            "ca" => await context.Api.ChangeBroadcast(context.UserId, id, "cancel", context.CancellationToken),
            _ => await context.Api.GetBroadcast(context.UserId, id, context.CancellationToken),
        };
        if (await context.FailedAsync(result))
            return;
        await ShowProgressAsync(context, result.Value!);
    }

    /// <summary>Shows the card in place of the pressed message and keeps it updating while the broadcast is under way.</summary>
    public static async Task ShowProgressAsync(BotContext context, BroadcastDto broadcast)
    {
        var messageId = await context.ShowAsync(Text(context.Texts, broadcast), Keyboard(context.Texts, broadcast));
        if (IsUnderWay(broadcast.Status))
            context.Services.GetRequiredService<BroadcastProgressWatcher>()
                .Watch(context.UserId, context.ChatId, messageId, broadcast.Id, context.Texts);
    }

    public static bool IsUnderWay(BroadcastStatus status) => status is BroadcastStatus.Sending or BroadcastStatus.Scheduled;

    public static string Text(Localization.Texts texts, BroadcastDto b) => texts.Format("broadcast.progress",
        ("id", b.Id), ("status", texts[$"broadcast.status.{Status(b.Status)}"]), ("sent", b.Stats.Sent), ("audience", b.Stats.Audience),
        ("pending", b.Stats.Pending), ("held", b.Stats.Held), ("failed", b.Stats.Failed), ("blocked", b.Stats.Blocked), ("clicks", b.Stats.Clicks));

    public static InlineKeyboardMarkup Keyboard(Localization.Texts texts, BroadcastDto b)
    {
        var rows = new List<List<InlineKeyboardButton>>();
        if (IsUnderWay(b.Status))
            rows.Add([Keyboards.Button(texts["broadcast.pause"], AdminRouter.Prefix, "pa", b.Id)]);
        if (b.Status == BroadcastStatus.Paused)
            rows.Add([Keyboards.Button(texts["broadcast.resume"], AdminRouter.Prefix, "re", b.Id)]);
        if (b.Status is not (BroadcastStatus.Completed or BroadcastStatus.Cancelled))
            rows.Add([Keyboards.Button(texts["broadcast.cancel"], AdminRouter.Prefix, "ca", b.Id)]);
        rows.Add([Keyboards.Button(texts["broadcast.refresh"], AdminRouter.Prefix, "b", b.Id), Keyboards.Button(texts["admin.list"], AdminRouter.Prefix, "list")]);
        return Keyboards.Inline(rows);
    }

    private static string Status(BroadcastStatus status) => status.ToString().ToLowerInvariant();
}
