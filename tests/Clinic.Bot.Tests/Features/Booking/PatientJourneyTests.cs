using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.Booking;

/// <summary>The whole patient journey over real HTTP, with the bot polling the fake Telegram.</summary>
public sealed class PatientJourneyTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    [Theory]
    [InlineData("ru", Language.Ru)]
    [InlineData("kk", Language.Kk)]
    [InlineData("en", Language.En)]
    public Task A_patient_registers_books_reschedules_and_cancels(string languageCode, Language language) =>
        Scenarios.FullJourneyAsync(env, languageCode, language);

    [Fact]
    public async Task An_English_reader_sees_the_clinics_English_names_where_it_has_them()
    {
        var chat = env.NewUser("en");
        await Scenarios.RegisterAsync(chat, Language.En);

        await chat.Tap("menu.booking");
        var branches = await chat.Expect("booking.choose_branch");
        Assert.Contains(branches.InlineButtons, b => b.Text.Contains("Abay Avenue Clinic", StringComparison.Ordinal));
        Assert.DoesNotContain(branches.InlineButtons, b => b.Text.Contains("Клиника", StringComparison.Ordinal));
        await Scenarios.BookFirstFreeAsync(chat);

        await chat.Tap("menu.my_appointments");
        var card = await chat.Expect("appointments.card");
        Assert.Contains("Clinic", card.VisibleText);
        Assert.DoesNotContain("Приём", card.VisibleText);
        Assert.DoesNotContain("Клиника", card.VisibleText);
    }
}
