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

        var now = send.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var appointment = upcoming.Value!.Items.FirstOrDefault(a => a.Id == appointmentId);
        if (appointment is null || appointment.Status != AppointmentStatus.Booked || appointment.Start <= now)
            throw new OutboxSkipException("The visit is no longer upcoming.");

        var texts = send.Texts;
        // The branch's phone too: for running late, for directions, and for changes once it is too close to make them here.
        var text = texts["reminders.title"] + "\n\n" + AppointmentsList.Card(texts, appointment) + "\n\n" + texts.CallBranch(appointment.Branch);
        var message = await send.Bot.SendMessage(send.Item.TelegramId, text, replyMarkup: Buttons(texts, appointment), cancellationToken: cancellationToken);
        return message.MessageId;
    }

    /// <summary>"I'll come" always; reschedule and cancel (the My-appointments buttons) while the visit may still change.</summary>
    public static InlineKeyboardMarkup Buttons(Texts texts, AppointmentDto appointment)
    {
        var rows = new List<List<InlineKeyboardButton>> { new() { Keyboards.Button(texts["reminders.coming"], "rm", "ok", appointment.Id) } };
        if (appointment.CanChange)
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
