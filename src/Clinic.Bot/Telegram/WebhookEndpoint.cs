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
/// a body that is not an update is a 400, never a 5xx.
/// </summary>
public static class WebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Routes.Webhook, HandleAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, BotOptions options, UpdateQueue queue, CancellationToken ct)
    {
        if (!SecretMatches(request.Headers[SecretHeader].ToString(), options.TelegramWebhookSecret))
        {
            return Results.Json(new ApiError(ErrorCodes.Unauthorized, "Wrong or missing secret token."), ClinicJson.Options, statusCode: 401);
        }

        var update = await ReadUpdateAsync(request, ct);
        if (update is null)
        {
            return Results.Json(new ApiError(ErrorCodes.InvalidJson, "The body is not a Telegram update."), ClinicJson.Options, statusCode: 400);
        }

        await queue.EnqueueAsync(update, ct);
        return Results.Ok();
    }

    /// <summary>
    /// The update, or null when the body is not JSON shaped like one. Anything that reads as an update is accepted, even
    /// one without a chat or a sender, or of a kind the bot does not handle: answering it with an error would only make
    /// Telegram send it again and again; the pipeline ignores what it cannot use.
    /// </summary>
    private static async Task<Update?> ReadUpdateAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, ct);
        }
        catch (Exception error) when (error is JsonException or NotSupportedException or FormatException or ArgumentException or OverflowException or InvalidOperationException)
        {
            // Telegram.Bot's converters throw more than JsonException for values of the wrong shape.
            return null;
        }
    }

    private static bool SecretMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
