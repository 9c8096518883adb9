using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Telegram;

/// <summary>The same journey with Telegram pushing updates to the bot's webhook.</summary>
public sealed class WebhookJourneyTests(WebhookBotEnvironment env) : IClassFixture<WebhookBotEnvironment>
{
    [Theory]
    [InlineData("ru", Language.Ru)]
    [InlineData("kk", Language.Kk)]
    public Task A_patient_registers_books_reschedules_and_cancels_over_the_webhook(string languageCode, Language language) =>
        Scenarios.FullJourneyAsync(env, languageCode, language);
}
