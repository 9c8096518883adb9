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
/// at once, so a slow handler never makes Telegram re-send. The body is read with Telegram.Bot's own JSON options;
/// a body that is not an update is a 400, and nothing is a 5xx.
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

        var (isUpdate, update) = await ReadUpdateAsync(request, ct);
        if (!isUpdate)
        {
            return Results.Json(new ApiError(ErrorCodes.InvalidJson, "The body is not a Telegram update."), ClinicJson.Options, statusCode: 400);
        }

        if (update is not null)
        {
            await queue.EnqueueAsync(update, ct);
        }

        return Results.Ok();
    }

    /// <summary>Whether the request carries Telegram's secret header, compared in constant time.</summary>
    public static bool HasRightSecret(HttpRequest request, BotOptions options) =>
        SecretMatches(request.Headers[SecretHeader].ToString(), options.TelegramWebhookSecret);

    /// <summary>
    /// Whether the body is an update — a JSON object with a numeric <c>update_id</c> — and the update when Telegram.Bot
    /// can read it. An update is acknowledged even when it has no chat or sender, is of a kind the bot does not handle, or
    /// carries a value this version of Telegram.Bot does not know (a newer Bot API): answering it with an error would only
    /// make Telegram send it again and again. The pipeline ignores what it cannot use.
    /// </summary>
    private static async Task<(bool IsUpdate, Update? Update)> ReadUpdateAsync(HttpRequest request, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return (false, null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("update_id", out var id) || id.ValueKind != JsonValueKind.Number)
            {
                return (false, null);
            }

            try
            {
                return (true, root.Deserialize<Update>(JsonBotAPI.Options));
            }
            catch (Exception error) when (error is JsonException or NotSupportedException or FormatException or ArgumentException or OverflowException or InvalidOperationException)
            {
                // Telegram.Bot's converters throw more than JsonException for values of a shape they do not expect.
                return (true, null);
            }
        }
    }

    private static bool SecretMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
