using Clinic.Bot.Features.Registration;
using Clinic.Bot.Localization;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.MyAppointments;

/// <summary>Upcoming or past visits: a title with the switch between the two, then one card per visit with its actions.</summary>
public static class AppointmentsList
{
    public static Task ShowUpcomingAsync(BotContext context) => ShowAsync(context, AppointmentScope.Upcoming);

    public static async Task OnListAsync(BotContext context)
    {
        var scope = context.CallbackParts.ElementAtOrDefault(2) switch
        {
            "up" => AppointmentScope.Upcoming,
            "past" => AppointmentScope.Past,
            _ => throw new StaleButtonException(),
        };
        await context.AnswerCallbackAsync();
        await ShowAsync(context, scope);
    }

    private static async Task ShowAsync(BotContext context, AppointmentScope scope)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
        {
            return;
        }

        var result = await context.Api.GetMyAppointments(context.UserId, scope);
        if (await context.FailedAsync(result))
        {
            return;
        }

        var texts = context.Texts;
        var items = result.Value!.Items;
        var upcoming = scope == AppointmentScope.Upcoming;
        var title = items.Count == 0
            ? texts[upcoming ? "appointments.empty_upcoming" : "appointments.empty_past"]
            : texts[upcoming ? "appointments.title_upcoming" : "appointments.title_past"];
        var toggle = upcoming
            ? Keyboards.Button(texts["appointments.show_past"], "ap", "list", "past")
            : Keyboards.Button(texts["appointments.show_upcoming"], "ap", "list", "up");
        await context.SendAsync(title, Keyboards.Inline([[toggle]]));

        foreach (var appointment in items)
        {
            // A visit too close to change online has no buttons; the branch's phone says how to change it instead.
            var card = upcoming && !appointment.CanChange ? Card(texts, appointment) + "\n\n" + texts.CallBranch(appointment.Branch) : Card(texts, appointment);
            await context.SendAsync(card, Actions(texts, appointment, upcoming));
        }
    }

    public static string Card(Texts texts, AppointmentDto appointment)
    {
        var tz = appointment.Branch.TimeZone;
        var local = TimeZoneInfo.ConvertTime(appointment.Start, TimeZoneInfo.FindSystemTimeZoneById(tz));
        return texts.Format("appointments.card",
            ("doctor", appointment.Doctor.FullName),
            ("service", texts.Name(appointment.Service)),
            ("branch", texts.Name(appointment.Branch)),
            ("address", appointment.Branch.Address),
            ("date", texts.Date(DateOnly.FromDateTime(local.DateTime))),
            ("time", texts.Time(appointment.Start, tz)),
            ("status", texts[$"appointments.status.{appointment.Status.ToString().ToLowerInvariant()}"]));
    }

    public static InlineKeyboardMarkup? Actions(Texts texts, AppointmentDto appointment, bool upcoming)
    {
        if (upcoming)
        {
            return appointment.CanChange
                ? Keyboards.Inline(
                [
                    [
                        Keyboards.Button(texts["appointments.reschedule"], "ap", "rs", appointment.Id),
                        Keyboards.Button(texts["appointments.cancel"], "ap", "cx", appointment.Id),
                    ],
                ])
                : null;
        }

        return Keyboards.Inline(
        [
            [Keyboards.Button(texts["booking.book_again"], "bk", "again", appointment.Branch.Id, appointment.Service.Id, appointment.Doctor.Id)],
        ]);
    }
}
