using System.Globalization;
using System.Text.Json;
using Clinic.Bot.Notifications;
using Clinic.Contracts;
using Telegram.Bot;

namespace Clinic.Bot.Features.Payments;

/// <summary>The <c>payment_refund</c> outbox message: staff returned a paid invoice's money; the patient hears it in their language.</summary>
public sealed class PaymentRefundRenderer : IOutboxRenderer
{
    public string Kind => OutboxKinds.PaymentRefund;

    public async Task<int> SendAsync(OutboxSend send, CancellationToken cancellationToken)
    {
        var payload = send.Item.Payload.Deserialize<PaymentRefundPayload>(ClinicJson.Options)
                      ?? throw new InvalidOperationException($"Outbox row {send.Item.Id} has no refund payload.");
        var texts = send.Texts;
        var message = await send.Bot.SendMessage(send.Item.TelegramId,
            texts.Format("payments.refund_message",
                ("amount", texts.Money(payload.AmountTiyn)), ("invoice", payload.InvoiceId.ToString(CultureInfo.InvariantCulture))),
            cancellationToken: cancellationToken);
        return message.MessageId;
    }
}
