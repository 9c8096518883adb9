using Clinic.Bot.Localization;
using Clinic.Contracts;
using Telegram.Bot;

namespace Clinic.Bot.Notifications;

/// <summary>
/// Renders and sends one kind of outbox message (<see cref="OutboxKinds"/>) in the patient's language.
/// Each feature that plans messages registers its renderer: <c>services.AddSingleton&lt;IOutboxRenderer, ReminderRenderer&gt;()</c>.
/// The outbox sender claims due rows, applies Telegram's rate limits, calls the renderer for the row's kind,
/// and reports the result; a renderer only builds the message and sends it through <see cref="OutboxSend.Bot"/>.
/// </summary>
public interface IOutboxRenderer
{
    /// <summary>The <see cref="OutboxItemDto.Kind"/> this renderer handles.</summary>
    string Kind { get; }

    /// <summary>
    /// Sends the message; returns the Telegram message id of the (first) message sent. To have the row tried again later,
    /// throw <see cref="HttpRequestException"/> (e.g. the clinic API is unavailable); to drop it as no longer relevant, throw
    /// <see cref="OutboxSkipException"/>; any other exception (a row that cannot be rendered) fails the row permanently.
    /// </summary>
    Task<int> SendAsync(OutboxSend send, CancellationToken cancellationToken);
}

/// <summary>
/// Everything a renderer needs: the row, the patient's texts, and the Telegram client. When <see cref="AllowPaidBroadcast"/>
/// is set (a broadcast with OUTBOX_PAID_BROADCAST=true) the renderer passes <c>allowPaidBroadcast: true</c> to its send.
/// </summary>
public sealed record OutboxSend(OutboxItemDto Item, Texts Texts, ITelegramBotClient Bot, IServiceProvider Services, bool AllowPaidBroadcast = false);
