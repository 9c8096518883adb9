using System.Globalization;
using Clinic.Bot.Localization;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Admin;

/// <summary>The administrator's menu and the clinic overview.</summary>
public static class AdminMenu
{
    public static async Task ShowAsync(BotContext context)
    {
        if (!await context.RequireAsync(ClinicApi.ApiExtension.Admin))
            return;
        await context.AnswerCallbackAsync();
        context.ClearFlow();
        await context.ShowAsync(context.Texts["admin.menu"], Keyboard(context));
    }

    public static InlineKeyboardMarkup Keyboard(BotContext context)
    {
        var texts = context.Texts;
        return Keyboards.Inline(
        [
            [Keyboards.Button(texts["admin.new_broadcast"], AdminRouter.Prefix, "new")],
            [Keyboards.Button(texts["admin.list"], AdminRouter.Prefix, "list")],
            [Keyboards.Button(texts["admin.overview"], AdminRouter.Prefix, "ov")],
        ]);
    }

    public static InlineKeyboardButton Back(BotContext context) => Keyboards.Button(context.Texts["admin.back"], AdminRouter.Prefix, "menu");

    public static async Task ShowOverviewAsync(BotContext context)
    {
        await context.AnswerCallbackAsync();
        var result = await context.Api.GetOverview(context.UserId, context.CancellationToken);
        if (await context.FailedAsync(result))
            return;
        var overview = result.Value!;
        var texts = context.Texts;
        await context.ShowAsync(texts.Format("admin.overview_text",
                ("week_start", texts.Date(overview.WeekStart)),
                ("patients", overview.Patients),
                ("subscribers", overview.NewsSubscribers),
                ("bookings", overview.BookingsThisWeek),
                ("cancellations", overview.CancellationsThisWeek),
                ("nps_week", Score(texts, overview.NpsThisWeek)),
                ("answers_week", overview.NpsThisWeek.Responses),
                ("nps_month", Score(texts, overview.NpsLast30Days)),
                ("answers_month", overview.NpsLast30Days.Responses)),
            Keyboards.Inline([[Back(context)]]));
    }

    /// <summary>An NPS with its sign (+40, −12.5, 0), or "no answers".</summary>
    private static string Score(Texts texts, NpsDto nps) =>
        nps.Nps is { } value ? value.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture) : texts["admin.nps_none"];
}
