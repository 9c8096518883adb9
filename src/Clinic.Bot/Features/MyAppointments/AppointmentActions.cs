using Clinic.Bot.Features.Booking;
using Clinic.Bot.Features.Registration;
using Clinic.Bot.Telegram;
using Clinic.Contracts;

namespace Clinic.Bot.Features.MyAppointments;

/// <summary>
/// Reschedule and cancel from a visit's card. The id in the callback data is only a claim: the API checks that
/// the visit belongs to this Telegram user and answers 404 otherwise, which the user sees as "not found".
/// </summary>
public static class AppointmentActions
{
    public static async Task OnRescheduleAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
        {
            return;
        }

        var appointment = await FindUpcomingAsync(context);
        if (appointment is null)
        {
            return;
        }

        if (!appointment.CanChange)
        {
            // An upcoming visit that may not change is inside the change window (or an expired hold, which has none).
            await context.SendAsync(Refusal(context, appointment, appointment.ChangeUntil is null ? ErrorCodes.NotChangeable : ErrorCodes.TooLate));
            return;
        }

        await BookingFlow.StartAtDateAsync(
            context, BookingFlow.ModeReschedule, appointment.Branch.Id, appointment.Service.Id, appointment.Doctor.Id, appointment.Id);
    }

    public static async Task OnCancelAskAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
        {
            return;
        }

        var id = AppointmentId(context);
        var texts = context.Texts;
        var card = context.Callback?.Message?.Text;
        var text = string.IsNullOrEmpty(card) ? texts["appointments.cancel_confirm"] : card + "\n\n" + texts["appointments.cancel_confirm"];
        await context.ShowAsync(text, Keyboards.Inline(
        [
            [Keyboards.Button(texts["appointments.cancel_yes"], "ap", "cy", id), Keyboards.Button(texts["appointments.cancel_no"], "ap", "cn", id)],
        ]));
    }

    public static async Task OnCancelNoAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
        {
            return;
        }

        var appointment = await FindUpcomingAsync(context);
        if (appointment is not null)
        {
            await context.ShowAsync(AppointmentsList.Card(context.Texts, appointment), AppointmentsList.Actions(context.Texts, appointment, upcoming: true));
        }
    }

    public static async Task OnCancelYesAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
        {
            return;
        }

        var id = AppointmentId(context);
        var result = await context.Api.Cancel(id, new CancelAppointmentRequest(context.UserId));
        if (result.IsSuccess)
        {
            // The card stays, now saying "cancelled", so the chat shows which visit it was.
            await context.ShowAsync(context.Texts["appointments.cancelled_ok"] + "\n\n" + AppointmentsList.Card(context.Texts, result.Value!), null);
            return;
        }

        if (result.Error?.Code == ErrorCodes.TooLate)
        {
            await context.SendAsync(await RefusalAsync(context, id, ErrorCodes.TooLate));
            return;
        }

        await ExplainAsync(context, result.Error?.Code, result.IsUnavailable);
    }

    private static async Task<AppointmentDto?> FindUpcomingAsync(BotContext context)
    {
        var id = AppointmentId(context);
        var result = await context.Api.GetMyAppointments(context.UserId, AppointmentScope.Upcoming);
        if (await context.FailedAsync(result))
        {
            return null;
        }

        var appointment = result.Value!.Items.FirstOrDefault(a => a.Id == id);
        if (appointment is null)
        {
            await context.SendAsync(context.Texts["appointments.not_found"]);
        }

        return appointment;
    }

    private static Task ExplainAsync(BotContext context, string? code, bool unavailable)
    {
        var texts = context.Texts;
        var text = unavailable ? texts["common.unavailable"] : code switch
        {
            ErrorCodes.NotFound => texts["appointments.not_found"],
            ErrorCodes.NotChangeable => texts["appointments.not_changeable"],
            _ => context.ErrorText(code),
        };
        return context.SendAsync(text);
    }

    /// <summary>
    /// Why the patient may not reschedule or cancel <paramref name="visit"/> here (<paramref name="code"/>: too late, or no
    /// longer changeable), with the clinic's change window in hours when the API gives it, and the branch's phone to call.
    /// </summary>
    public static string Refusal(BotContext context, AppointmentDto visit, string code)
    {
        var texts = context.Texts;
        var why = code == ErrorCodes.TooLate && visit.ChangeUntil is { } until
            ? texts.Format("appointments.too_late", ("hours", Math.Round((visit.Start - until).TotalHours, 1)))
            : context.ErrorText(code);
        return why + "\n" + texts.CallBranch(visit.Branch);
    }

    /// <summary>The same for a visit known by its id (a refusal from the API): without the phone if the visit cannot be read.</summary>
    public static async Task<string> RefusalAsync(BotContext context, long appointmentId, string code)
    {
        var mine = await context.Api.GetMyAppointments(context.UserId, AppointmentScope.Upcoming);
        return mine.IsSuccess && mine.Value!.Items.FirstOrDefault(a => a.Id == appointmentId) is { } visit
            ? Refusal(context, visit, code)
            : context.ErrorText(code);
    }

    private static long AppointmentId(BotContext context) =>
        CallbackData.TryLong(context.CallbackParts, 2, out var id) && id > 0 ? id : throw new StaleButtonException();
}
