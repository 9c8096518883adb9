using Clinic.Bot.Telegram;

namespace Clinic.Bot.Features.MyAppointments;

/// <summary>The "my appointments" buttons ("ap:...").</summary>
public static class AppointmentsRouter
{
    public static Router Create() => new Router("appointments")
        .OnCallback("ap:list", AppointmentsList.OnListAsync)
        .OnCallback("ap:rs", AppointmentActions.OnRescheduleAsync)
        .OnCallback("ap:cx", AppointmentActions.OnCancelAskAsync)
        .OnCallback("ap:cy", AppointmentActions.OnCancelYesAsync)
        .OnCallback("ap:cn", AppointmentActions.OnCancelNoAsync);
}
