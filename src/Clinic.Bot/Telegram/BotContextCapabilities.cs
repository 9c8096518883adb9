using Clinic.Bot.ClinicApi;

namespace Clinic.Bot.Telegram;

/// <summary>How a feature asks whether the clinic API offers what it needs (<see cref="ApiCapabilities"/>).</summary>
public static class BotContextCapabilities
{
    /// <summary>True unless the API is known to lack <paramref name="extension"/>: features leave their buttons out then.</summary>
    public static bool Offers(this BotContext context, ApiExtension extension) =>
        context.Services.GetService<ApiCapabilities>()?.Offers(extension) ?? true;

    /// <summary>For a feature's entry point: when the API lacks it, says so in the user's language and returns false.</summary>
    public static async Task<bool> RequireAsync(this BotContext context, ApiExtension extension)
    {
        if (context.Offers(extension))
            return true;
        await context.AnswerCallbackAsync();
        await context.SendAsync(context.Texts[$"errors.{ApiResultCodes.NotOffered}"]);
        return false;
    }

    /// <summary>A router's handler that runs only when the API offers <paramref name="extension"/>, and otherwise says it is not offered.</summary>
    public static UpdateHandler Requiring(ApiExtension extension, UpdateHandler handler) => async context =>
    {
        if (await context.RequireAsync(extension))
            await handler(context);
    };
}
