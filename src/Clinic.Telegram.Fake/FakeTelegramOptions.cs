namespace Clinic.Telegram.Fake;

/// <summary>How the fake Bot API server identifies its bot and which Telegram limits it enforces.</summary>
public sealed record FakeTelegramOptions
{
    public string Token { get; init; } = "123456:TEST-TOKEN";
    public string BotUsername { get; init; } = "clinic_test_bot";
    public string BotFirstName { get; init; } = "Clinic Test Bot";
    public long BotId { get; init; } = 123456;

    /// <summary>New messages per second across all chats; null means unlimited (Telegram: about 30).</summary>
    public int? GlobalMessagesPerSecond { get; init; }

    /// <summary>New messages per second to one chat; null means unlimited (Telegram: about 1).</summary>
    public int? PerChatMessagesPerSecond { get; init; }

    /// <summary>Clock for message dates and rate-limit windows.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Pause before a failed webhook delivery is retried. Real wall-clock time on purpose:
    /// a test that freezes <see cref="TimeProvider"/> must not freeze webhook retries.
    /// </summary>
    public TimeSpan WebhookRetryDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Where webhook deliveries go instead of the network, e.g. <c>() =&gt; factory.Server.CreateHandler()</c>
    /// for a bot hosted by WebApplicationFactory. Called once, when the first webhook is set.
    /// </summary>
    public Func<HttpMessageHandler>? WebhookHandlerFactory { get; init; }

    /// <summary>How long a webhook delivery may take before it counts as failed (Telegram waits about 60 s).</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
