using System.Text.Json;
using Clinic.Bot.Notifications;
using Clinic.Contracts;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Admin;

/// <summary>
/// Sends one broadcast message (outbox kind <c>broadcast</c>): the administrator's HTML as it was validated by the API,
/// under a photo when there is one, with the optional link button pointing at the API's click-tracking redirect.
/// The text is the administrator's, so it is the same in every patient's language.
/// </summary>
public sealed class BroadcastRenderer : IOutboxRenderer
{
    public string Kind => OutboxKinds.Broadcast;

    public async Task<int> SendAsync(OutboxSend send, CancellationToken cancellationToken)
    {
        var message = send.Item.Payload.Deserialize<BroadcastMessagePayload>(ClinicJson.Options)
            ?? throw new JsonException("A broadcast row without a payload.");
        var sent = await SendAsync(send.Bot, send.Item.TelegramId, message, cancellationToken, send.AllowPaidBroadcast);
        return sent.MessageId;
    }

    /// <summary>
    /// Also used for the administrator's preview, so it shows exactly what patients will get. <paramref name="paid"/> sends
    /// through Telegram's paid broadcast lane (the sender sets it for broadcasts when OUTBOX_PAID_BROADCAST=true).
    /// </summary>
    public static Task<Message> SendAsync(ITelegramBotClient bot, long chatId, BroadcastMessagePayload message, CancellationToken cancellationToken, bool paid = false)
    {
        var markup = message is { ButtonText: { } text, ButtonUrl: { } url }
            ? new InlineKeyboardMarkup(InlineKeyboardButton.WithUrl(text, url))
            : null;
        InputFile? photo = message.PhotoFileId is { } fileId ? InputFile.FromFileId(fileId)
            : message.PhotoUrl is { } photoUrl ? InputFile.FromUri(photoUrl)
            : null;
        return photo is null
            ? bot.SendMessage(chatId, message.Text, parseMode: ParseMode.Html, replyMarkup: markup, allowPaidBroadcast: paid, cancellationToken: cancellationToken)
            : bot.SendPhoto(chatId, photo, caption: message.Text, parseMode: ParseMode.Html, replyMarkup: markup, allowPaidBroadcast: paid, cancellationToken: cancellationToken);
    }
}
