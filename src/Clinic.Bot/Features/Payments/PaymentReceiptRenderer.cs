using System.Text.Json;
using Clinic.Bot.ClinicApi;
using Clinic.Bot.Notifications;
using Clinic.Contracts;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Clinic.Bot.Features.Payments;

/// <summary>
/// The <c>payment_receipt</c> outbox message: "payment received" and the receipt PDF, in one <c>sendDocument</c>
/// (the message is the document's caption), so a retry never sends the words without the receipt or twice over.
/// </summary>
public sealed class PaymentReceiptRenderer : IOutboxRenderer
{
    public string Kind => OutboxKinds.PaymentReceipt;

    public async Task<int> SendAsync(OutboxSend send, CancellationToken cancellationToken)
    {
        var payload = send.Item.Payload.Deserialize<PaymentReceiptPayload>(ClinicJson.Options)
                      ?? throw new InvalidOperationException($"Outbox row {send.Item.Id} has no receipt payload.");
        var api = send.Services.GetRequiredService<ClinicApiClient>();
        // The API unavailable throws HttpRequestException (retried later); a receipt the API refuses cannot be sent at all.
        var pdf = await api.GetReceiptPdf(payload.DocumentId, send.Item.TelegramId, cancellationToken)
                  ?? throw new InvalidOperationException($"Receipt document {payload.DocumentId} of invoice {payload.InvoiceId} could not be fetched.");
        var texts = send.Texts;
        var message = await send.Bot.SendDocument(send.Item.TelegramId,
            InputFile.FromStream(new MemoryStream(pdf), $"receipt-{payload.InvoiceId}.pdf"),
            caption: texts.Format("payments.receipt_message", ("amount", texts.Money(payload.AmountTiyn))),
            cancellationToken: cancellationToken);
        return message.MessageId;
    }
}
