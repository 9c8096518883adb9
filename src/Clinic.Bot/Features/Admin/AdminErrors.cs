using Clinic.Bot.ClinicApi;
using Clinic.Bot.Telegram;
using Clinic.Contracts;

namespace Clinic.Bot.Features.Admin;

/// <summary>Explains the broadcast error codes (kept out of the shared list of codes), then anything else as usual.</summary>
public static class AdminErrors
{
    private static readonly HashSet<string> Own = [ErrorCodes.InvalidHtml, ErrorCodes.BroadcastNotChangeable];

    public static async Task<bool> AdminFailedAsync<T>(this BotContext context, ApiResult<T> result)
    {
        if (result.ErrorCode is { } code && Own.Contains(code))
        {
            await context.SendAsync(context.Texts[$"errors.{code}"]);
            return true;
        }
        return await context.FailedAsync(result);
    }
}
