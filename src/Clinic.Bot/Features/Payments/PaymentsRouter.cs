using Clinic.Bot.Telegram;

namespace Clinic.Bot.Features.Payments;

/// <summary>The payment buttons ("py:..."): pay an invoice, a visit or the balance, and check a payment's status.</summary>
public static class PaymentsRouter
{
    public static Router Create() => new Router("payments")
        .OnCallback("py:inv", PaymentCard.OnPayInvoiceAsync)
        .OnCallback("py:ap", PaymentCard.OnPayVisitAsync)
        .OnCallback("py:bal", PaymentCard.OnPayBalanceAsync)
        .OnCallback("py:st", PaymentCard.OnCheckStatusAsync);
}
