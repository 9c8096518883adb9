using Clinic.Bot.Features.Menu;
using Clinic.Bot.Features.Registration;
using Clinic.Bot.Localization;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Payments;

/// <summary>
/// The "Payments" menu: what the patient owes, the invoices they can still pay, and upcoming visits they can pay ahead,
/// each with its "Pay" button.
/// </summary>
public static class PaymentsMenu
{
    /// <summary>Upcoming visits offered for paying ahead; the rest are reachable once these are paid.</summary>
    public const int MaxVisits = 5;

    public static async Task ShowAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
        {
            return;
        }

        var balance = await context.Api.GetBalance(context.UserId, context.CancellationToken);
        if (await context.FailedAsync(balance))
        {
            return;
        }

        var upcoming = await context.Api.GetMyAppointments(context.UserId, AppointmentScope.Upcoming, context.CancellationToken);
        var texts = context.Texts;
        var invoices = balance.Value!.UnpaidInvoices;
        var invoiced = invoices.Where(i => i.AppointmentId is not null).Select(i => i.AppointmentId!.Value)
            .Concat(balance.Value.PaidAheadAppointmentIds).ToHashSet();
        var visits = (upcoming.Value?.Items ?? [])
            .Where(a => a.Status == AppointmentStatus.Booked && a.Service.PriceTiyn > 0 && !invoiced.Contains(a.Id))
            .Take(MaxVisits).ToList();

        var lines = new List<string>
        {
            balance.Value.BalanceTiyn > 0
                ? texts.Format("payments.balance", ("amount", texts.Money(balance.Value.BalanceTiyn)))
                : texts["payments.balance_zero"],
        };
        var rows = new List<InlineKeyboardButton[]>();
        if (invoices.Count > 0)
        {
            lines.Add("");
            lines.Add(texts["payments.unpaid_title"]);
            foreach (var invoice in invoices)
            {
                lines.Add(texts.Format("payments.invoice_line", ("what", What(texts, invoice)), ("amount", texts.Money(invoice.AmountTiyn))));
                rows.Add([Keyboards.Button(texts.Format("payments.pay_invoice", ("amount", texts.Money(invoice.AmountTiyn))), "py", "inv", invoice.Id)]);
            }
        }

        if (balance.Value.BalanceTiyn > 0 && !invoices.Any(i => i.AppointmentId is null))
        {
            rows.Add([Keyboards.Button(texts.Format("payments.pay_balance", ("amount", texts.Money(balance.Value.BalanceTiyn))), "py", "bal")]);
        }

        if (visits.Count > 0)
        {
            lines.Add("");
            lines.Add(texts["payments.visits_title"]);
            foreach (var visit in visits)
            {
                var when = texts.DateTime(visit.Start, visit.Branch.TimeZone);
                rows.Add([Keyboards.Button(texts.Format("payments.pay_visit",
                    ("service", texts.Name(visit.Service)), ("date", when), ("amount", texts.Money(visit.Service.PriceTiyn))), "py", "ap", visit.Id)]);
            }
        }

        if (rows.Count == 0)
        {
            lines.Add("");
            lines.Add(texts["payments.nothing_to_pay"]);
            await context.SendAsync(string.Join('\n', lines), MainMenu.Keyboard(texts));
            return;
        }

        await context.SendAsync(string.Join('\n', lines), Keyboards.Inline(rows));
    }

    /// <summary>What an invoice is for: the visit's service and time, or the balance.</summary>
    public static string What(Texts texts, InvoiceDto invoice) =>
        invoice.AppointmentId is null || invoice.ServiceNameRu is null
            ? texts["payments.for_balance"]
            : Localized.Pick(texts, invoice.ServiceNameRu, invoice.ServiceNameKk, invoice.ServiceNameEn);
}
