using Clinic.Bot.Features.Booking;
using Clinic.Bot.Features.Feedback;
using Clinic.Bot.Features.Documents;
using Clinic.Bot.Features.MyAppointments;
using Clinic.Bot.Features.Payments;
using Clinic.Bot.Features.Profile;
using Clinic.Bot.Features.Support;
using Clinic.Bot.Telegram;

namespace Clinic.Bot.Features.Menu;

/// <summary>
/// Registered first: /cancel, "Main menu" and the menu buttons work from any step of any flow.
/// </summary>
public static class MenuRouter
{
    public static Router Create() => new Router("menu")
        .OnCommand("cancel", context => MainMenu.ShowAsync(context, "common.cancelled"))
        .OnButton("common.main_menu", context => MainMenu.ShowAsync(context))
        .OnButton("menu.main_menu", context => MainMenu.ShowAsync(context))
        .OnCommand("help", context => context.SendAsync(context.Texts["help.text"], MainMenu.Keyboard(context.Texts)))
        .OnCommand("book", BookingFlow.StartAsync)
        .OnButton("menu.booking", BookingFlow.StartAsync)
        .OnCommand("appointments", AppointmentsList.ShowUpcomingAsync)
        .OnButton("menu.my_appointments", AppointmentsList.ShowUpcomingAsync)
        .OnCommand("profile", ProfileCard.ShowAsync)
        .OnButton("menu.profile", ProfileCard.ShowAsync)
        .OnCommand("documents", DocumentsList.ShowAsync)
        .OnButton("menu.documents", DocumentsList.ShowAsync)
        .OnCommand("payments", PaymentsMenu.ShowAsync)
        .OnButton("menu.payments", PaymentsMenu.ShowAsync)
        .OnButton("menu.feedback", FeedbackFlow.StartAsync)
        .OnCommand("support", SupportMenu.ShowAsync)
        .OnButton("menu.support", SupportMenu.ShowAsync)
        .Prompt("", context => context.SendAsync(context.Texts["menu.choose"], MainMenu.Keyboard(context.Texts)));
}
