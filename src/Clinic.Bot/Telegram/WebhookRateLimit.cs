using System.Threading.RateLimiting;
using Clinic.Bot.Configuration;
using Clinic.Contracts;

namespace Clinic.Bot.Telegram;

/// <summary>
/// The webhook's rate limit. Telegram posts from its own pool of addresses, in bursts as large as the bot is busy, so a
/// request with the right secret header shares one large bucket and waits in a queue rather than being refused. A request
/// without it is someone guessing the secret: a few per minute per address, then 429.
/// </summary>
public static class WebhookRateLimit
{
    public const string PolicyName = "telegram-webhook";

    /// <summary>Updates per second with the right secret: well above what one replica handles, so the limit only stops a flood from a leaked secret; more wait in the queue.</summary>
    public const int TelegramPerSecond = 5000;

    /// <summary>Requests with the right secret that may wait for the bucket to refill before any is refused.</summary>
    public const int TelegramQueue = 5000;

    /// <summary>Requests with a wrong or missing secret a client address may make at once (a misconfigured proxy's retries)...</summary>
    public const int WrongSecretBurst = 10;

    /// <summary>...and then per minute, one at a time.</summary>
    public const int WrongSecretPerMinute = 10;

    public static IServiceCollection AddWebhookRateLimit(this IServiceCollection services) =>
        services.AddClinicRateLimiting(limiter => limiter.AddPolicy(PolicyName, http =>
            WebhookEndpoint.HasRightSecret(http.Request, http.RequestServices.GetRequiredService<BotOptions>())
                ? RateLimitPartition.GetTokenBucketLimiter("telegram", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = TelegramPerSecond,
                    TokensPerPeriod = TelegramPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = TelegramQueue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetTokenBucketLimiter("wrong-secret:" + http.Connection.RemoteIpAddress, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = WrongSecretBurst,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1) / WrongSecretPerMinute,
                    QueueLimit = 0,
                })));
}
