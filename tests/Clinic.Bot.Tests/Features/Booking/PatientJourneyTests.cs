using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.Booking;

/// <summary>The whole patient journey over real HTTP, with the bot polling the fake Telegram.</summary>
public sealed class PatientJourneyTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    [Theory]
    [InlineData("ru", Language.Ru)]
    [InlineData("kk", Language.Kk)]
    public Task A_patient_registers_books_reschedules_and_cancels(string languageCode, Language language) =>
        Scenarios.FullJourneyAsync(env, languageCode, language);
}
