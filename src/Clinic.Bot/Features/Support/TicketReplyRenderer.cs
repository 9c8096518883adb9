using System.Text.Json;
using Clinic.Bot.ClinicApi;
using Clinic.Bot.Notifications;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot;

namespace Clinic.Bot.Features.Support;

/// <summary>
/// Delivers a staff reply (outbox kind <c>ticket_reply</c>) to the ticket's patient in their language, with a "Reply"
/// button that puts their next message into the same ticket. The text is read from the API at send time, through the
/// patient-scoped ticket endpoint, so a row can only ever show the patient their own ticket.
/// </summary>
public sealed class TicketReplyRenderer : IOutboxRenderer
{
    public string Kind => OutboxKinds.TicketReply;

    public async Task<int> SendAsync(OutboxSend send, CancellationToken cancellationToken)
    {
        var payload = send.Item.Payload.Deserialize<TicketReplyPayload>(ClinicJson.Options)
            ?? throw new InvalidOperationException($"Outbox row {send.Item.Id}: empty ticket_reply payload.");
        var api = send.Services.GetRequiredService<ClinicApiClient>();
        var result = await api.GetMyTicket(payload.TicketId, send.Item.TelegramId, cancellationToken);
        if (result.IsUnavailable)
            throw new HttpRequestException($"The clinic API is unavailable: {result.Error?.Message}");
        if (!result.IsSuccess)
            throw new InvalidOperationException($"Outbox row {send.Item.Id}: ticket {payload.TicketId} could not be read ({result.ErrorCode}).");
        var ticket = result.Value!;
        var reply = ticket.Messages.FirstOrDefault(m => m.Id == payload.MessageId && m.Author == TicketAuthor.Staff)
            ?? throw new InvalidOperationException($"Outbox row {send.Item.Id}: ticket {ticket.Id} has no staff message {payload.MessageId}.");

        var texts = send.Texts;
        var buttons = Keyboards.Inline([[Keyboards.Button(texts["support.reply"], "sp", "r", ticket.Id)]]);
        var message = await send.Bot.SendMessage(send.Item.TelegramId,
            texts.Format("support.reply_notice", ("number", ticket.Number), ("text", reply.Text)),
            replyMarkup: buttons, cancellationToken: cancellationToken);
        return message.MessageId;
    }
}
