using Clinic.Bot.Features.Registration;
using Clinic.Bot.Telegram;

namespace Clinic.Bot.Features.Booking;

/// <summary>The booking flow's buttons ("bk:..."), and how its steps are shown again after unexpected text.</summary>
public static class BookingRouter
{
    public static Router Create() => new Router("booking")
        .OnCallback(BookingCalendar.Noop, context => context.AnswerCallbackAsync())
        .OnCallback("bk:again", OnBookAgainAsync)
        .OnCallback("bk:br", BookingFlow.OnBranchAsync)
        .OnCallback("bk:cat", BookingFlow.OnCategoryAsync)
        .OnCallback("bk:sv", BookingFlow.OnServiceAsync)
        .OnCallback("bk:dr", BookingFlow.OnDoctorAsync)
        .OnCallback("bk:m", BookingFlow.OnMonthAsync)
        .OnCallback("bk:d", BookingFlow.OnDateAsync)
        .OnCallback("bk:t", BookingFlow.OnTimeAsync)
        .OnCallback("bk:ok", BookingFlow.OnConfirmAsync)
        .OnCallback("bk:back", BookingFlow.OnBackAsync)
        .OnCallback("bk:pg", BookingFlow.OnPageAsync)
        .Prompt(BookingSteps.StatePrefix, BookingFlow.PromptAsync);

    /// <summary>"Book again" on a past visit: same branch, service and doctor, straight to the calendar.</summary>
    private static async Task OnBookAgainAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
        {
            return;
        }

        var parts = context.CallbackParts;
        if (!CallbackData.TryLong(parts, 2, out var branch) || !CallbackData.TryLong(parts, 3, out var service) || !CallbackData.TryLong(parts, 4, out var doctor))
        {
            throw new StaleButtonException();
        }

        await BookingFlow.StartAtDateAsync(context, BookingFlow.ModeBook, branch, service, doctor, appointmentId: null);
    }
}
