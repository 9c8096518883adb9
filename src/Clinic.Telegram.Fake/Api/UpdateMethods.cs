using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Clinic.Telegram.Fake.Api;

/// <summary>getMe, getUpdates and the webhook methods.</summary>
internal static partial class UpdateMethods
{
    private const int MaxLongPollSeconds = 50;

    public static Task<ApiResult> GetMe(FakeTelegramState state, BotApiRequest request, CancellationToken ct) =>
        Task.FromResult<ApiResult>(TelegramJson.Me(state.Options));

    public static async Task<ApiResult> GetUpdates(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        var limit = Math.Clamp(request.Int("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(request.Int("timeout") ?? 0, 0, MaxLongPollSeconds));
        var updates = await state.GetUpdatesAsync(request.Long("offset") ?? 0, limit, timeout, AllowedUpdates(request), ct);
        return updates;
    }

    public static Task<ApiResult> SetWebhook(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        var url = request.String("url");
        if (string.IsNullOrEmpty(url))
        {
            // Telegram treats an empty URL as deleteWebhook.
            return DeleteWebhook(state, request, ct);
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw BotApiException.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
        var secret = request.String("secret_token");
        if (secret is not null && !SecretTokenPattern().IsMatch(secret))
            throw BotApiException.BadRequest("secret token contains unallowed characters");
        var maxConnections = request.Int("max_connections") ?? 40;
        if (maxConnections is < 1 or > 100) throw BotApiException.BadRequest("bad webhook: max_connections must be between 1 and 100");
        state.SetWebhook(new FakeTelegramState.WebhookConfig(url, secret, maxConnections, AllowedUpdates(request)), request.Bool("drop_pending_updates"));
        return Task.FromResult(new ApiResult(JsonValue.Create(true), "Webhook was set"));
    }

    public static Task<ApiResult> DeleteWebhook(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        var wasSet = state.DeleteWebhook(request.Bool("drop_pending_updates"));
        return Task.FromResult(new ApiResult(JsonValue.Create(true), wasSet ? "Webhook was deleted" : "Webhook is already deleted"));
    }

    public static Task<ApiResult> GetWebhookInfo(FakeTelegramState state, BotApiRequest request, CancellationToken ct) =>
        Task.FromResult<ApiResult>(state.WebhookInfo());

    private static List<string>? AllowedUpdates(BotApiRequest request) =>
        request.Json("allowed_updates") is JsonArray types ? types.Select(type => type?.GetValue<string>() ?? string.Empty).ToList() : null;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretTokenPattern();
}
