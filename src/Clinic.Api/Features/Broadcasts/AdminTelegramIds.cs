using System.Globalization;
using Clinic.Contracts;

namespace Clinic.Api.Features.Broadcasts;

/// <summary>
/// Guards <c>/api/bot/admin/</c>: besides the bot's secret, the acting Telegram user (<c>?telegram_id=</c>) must be
/// listed in ADMIN_TELEGRAM_IDS. The API is the authority; anyone else gets a 403 with no data.
/// </summary>
public static class AdminTelegramIds
{
    private const string ItemKey = "admin_telegram_id";

    public static RouteGroupBuilder RequireAdminTelegramId(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var options = http.RequestServices.GetRequiredService<ClinicApiOptions>();
            if (!long.TryParse(http.Request.Query["telegram_id"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var telegramId)
                || !options.AdminTelegramIds.Contains(telegramId))
                return TypedResults.Json(new ApiError(ErrorCodes.Forbidden, "Not an administrator."), statusCode: StatusCodes.Status403Forbidden);
            http.Items[ItemKey] = telegramId;
            return await next(context);
        });
        return group.ProducesErrors(403);
    }

    /// <summary>The administrator acting through the bot, or null on the staff API.</summary>
    public static long? ActingAdmin(HttpContext http) => http.Items.TryGetValue(ItemKey, out var id) ? (long?)id : null;
}
