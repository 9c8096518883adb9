using System.Net;
using Clinic.Bot.Telegram;
using Clinic.Bot.Tests.Infrastructure;

namespace Clinic.Bot.Tests.Telegram;

/// <summary>
/// Someone guessing the webhook's secret. A bot of its own, so the guesses spend no other test's allowance of wrong
/// secrets (which <see cref="WebhookEndpointTests"/> needs to see its 401s).
/// </summary>
public sealed class WebhookSecretGuessingTests(WebhookBotEnvironment env) : IClassFixture<WebhookBotEnvironment>
{
    [Fact]
    public async Task Guessing_the_secret_gets_429_with_retry_after_while_telegram_with_the_right_secret_is_still_served()
    {
        HttpResponseMessage response;
        var attempts = 0;
        do
        {
            response = await WebhookEndpointTests.PostAsync(env, WebhookEndpointTests.UpdateJson(1, env.NewUser().Id, "/help"), "guessed-secret-" + attempts);
            attempts++;
        }
        while (response.StatusCode == HttpStatusCode.Unauthorized && attempts <= 3 * WebhookRateLimit.WrongSecretBurst);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(attempts <= WebhookRateLimit.WrongSecretBurst + 2, $"refused only after {attempts} wrong secrets");
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Contains("\"code\":\"rate_limited\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var chat = env.NewUser();
        var updateId = 910_000_000 + Random.Shared.Next(1_000_000);
        Assert.Equal(HttpStatusCode.OK, (await WebhookEndpointTests.PostAsync(env, WebhookEndpointTests.UpdateJson(updateId, chat.Id, "/help"), BotEnvironment.WebhookSecret)).StatusCode);
        await chat.Expect("help.text");
    }
}
