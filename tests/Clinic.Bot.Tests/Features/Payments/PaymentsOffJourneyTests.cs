using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.Payments;

/// <summary>
/// A clinic API with neither Kaspi nor the payment sandbox (PAYMENTS_SANDBOX=false, as a production server without
/// KASPI_API_KEY is by default): the patient is told to pay at the clinic, never shown a fake payment page.
/// </summary>
public sealed class PaymentsOffJourneyTests(PaymentsOffBotEnvironment env) : IClassFixture<PaymentsOffBotEnvironment>
{
    [Fact]
    public async Task Paying_a_visit_tells_the_patient_online_payment_is_unavailable_and_shows_no_payment_link()
    {
        var chat = env.NewUser("ru");
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await Scenarios.BookFirstFreeAsync(chat);

        await chat.Tap("menu.payments");
        await chat.Expect("payments.visits_title");
        await chat.Press("py:ap:");
        await chat.Expect("errors.payments_unavailable");

        Assert.DoesNotContain(chat.User.Messages, m => m.InlineButtons.Any(b => b.Url?.Contains("/pay/sandbox/") == true));
    }
}

public sealed class PaymentsOffBotEnvironment : BotEnvironment
{
    protected override IReadOnlyDictionary<string, string?>? ApiSettings => new Dictionary<string, string?> { ["PAYMENTS_SANDBOX"] = "false" };
}
