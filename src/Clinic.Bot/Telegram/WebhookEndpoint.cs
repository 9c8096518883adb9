using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clinic.Bot.Configuration;
using Clinic.Contracts;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Clinic.Bot.Telegram;

/// <summary>
/// <c>POST /api/bot/webhook/</c>: checks Telegram's secret header in constant time, queues the update and answers 200
/// at once, so a slow handler never makes Telegram re-send. The body is read with Telegram.Bot's own JSON options.
/// </summary>
public static class WebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Routes.Webhook, HandleAsync).ExcludeFromDescription().RequireRateLimiting(WebhookRateLimit.PolicyName);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, BotOptions options, UpdateQueue queue, CancellationToken ct)
    {
        if (!HasRightSecret(request, options))
        {
            return Results.Json(new ApiError(ErrorCodes.Unauthorized, "Wrong or missing secret token."), ClinicJson.Options, statusCode: 401);
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, ct);
        }
        catch (JsonException)
        {
            update = null;
        }

        if (update is null || (update.Message is null && update.CallbackQuery is null && update.Id == 0))
        {
            return Results.Json(new ApiError(ErrorCodes.InvalidJson, "The body is not a Telegram update."), ClinicJson.Options, statusCode: 400);
        }

        await queue.EnqueueAsync(update, ct);
        return Results.Ok();
    }

    /// <summary>Whether the request carries Telegram's secret header, compared in constant time.</summary>
    public static bool HasRightSecret(HttpRequest request, BotOptions options) =>
        SecretMatches(request.Headers[SecretHeader].ToString(), options.TelegramWebhookSecret);

    private static bool SecretMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
