using System.Text.Json;
using Clinic.Bot.ClinicApi;
using Clinic.Bot.Features.MyAppointments;
using Clinic.Bot.Localization;
using Clinic.Bot.Notifications;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Reminders;

/// <summary>
/// Renders a <c>reminder</c> row (payload <c>{ "appointment_id", "start", "minutes_before" }</c>): the visit as it is now,
/// fetched from the patient's upcoming appointments, in the patient's language and the branch's time zone, with
/// the branch's phone, and "I'll come", "Reschedule" and "Cancel" (the last two while the visit may still change). A visit
/// that is no longer upcoming (cancelled, moved, started) is skipped.
/// </summary>
public sealed class ReminderRenderer : IOutboxRenderer
{
    public string Kind => OutboxKinds.Reminder;

    public async Task<int> SendAsync(OutboxSend send, CancellationToken cancellationToken)
    {
        var appointmentId = send.Item.Payload.TryGetProperty("appointment_id", out var id) && id.ValueKind == JsonValueKind.Number
            ? id.GetInt64()
            : throw new OutboxSkipException("The reminder's payload has no appointment_id.");
        var api = send.Services.GetRequiredService<ClinicApiClient>();
        var upcoming = await api.GetMyAppointments(send.Item.TelegramId, AppointmentScope.Upcoming, cancellationToken);
        if (!upcoming.IsSuccess)
        {
            throw upcoming.IsUnavailable
                ? new HttpRequestException($"The clinic API is unavailable: {upcoming.Error?.Message}")
                : new OutboxSkipException($"The patient's appointments could not be read: {upcoming.ErrorCode}.");
        }

        // Never earlier than the row's due time: the API only hands out due rows, whatever this machine's clock says.
        var clock = send.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var now = clock > send.Item.DueAt ? clock : send.Item.DueAt;
        var appointment = upcoming.Value!.Items.FirstOrDefault(a => a.Id == appointmentId);
        if (appointment is null || appointment.Status != AppointmentStatus.Booked || appointment.Start <= now)
            throw new OutboxSkipException("The visit is no longer upcoming.");

        var texts = send.Texts;
        // Until when the visit may still be changed here, and the branch's phone: for running late, for directions, and
        // for changes once it is too close to make them in the bot.
        var changeable = StillChangeable(appointment, now);
        var text = texts["reminders.title"] + "\n\n" + AppointmentsList.Card(texts, appointment) + "\n\n"
            + (changeable && appointment.ChangeUntil is { } until
                ? texts.Format("appointments.change_until", ("date_time", texts.DateTime(until, appointment.Branch.TimeZone))) + "\n"
                : "")
            + texts.CallBranch(appointment.Branch);
        var message = await send.Bot.SendMessage(send.Item.TelegramId, text, replyMarkup: Buttons(texts, appointment, changeable), cancellationToken: cancellationToken);
        return message.MessageId;
    }

    /// <summary>
    /// Whether the reminder offers reschedule and cancel: the API says the visit may change, for at least a few more
    /// minutes (the 2-hour reminder lands right at a 2-hour change window's end, where a button would only be refused).
    /// </summary>
    private static bool StillChangeable(AppointmentDto appointment, DateTimeOffset now) =>
        appointment.CanChange && (appointment.ChangeUntil is not { } until || until - now >= LastMinutes);

    private static readonly TimeSpan LastMinutes = TimeSpan.FromMinutes(10);

    /// <summary>"I'll come" always; reschedule and cancel (the My-appointments buttons) while the visit may still change.</summary>
    private static InlineKeyboardMarkup Buttons(Texts texts, AppointmentDto appointment, bool changeable)
    {
        var rows = new List<List<InlineKeyboardButton>> { new() { Keyboards.Button(texts["reminders.coming"], "rm", "ok", appointment.Id) } };
        if (changeable)
        {
            rows.Add(
            [
                Keyboards.Button(texts["appointments.reschedule"], "ap", "rs", appointment.Id),
                Keyboards.Button(texts["appointments.cancel"], "ap", "cx", appointment.Id),
            ]);
        }

        return Keyboards.Inline(rows);
    }
}
