using System.Globalization;
using Clinic.Bot.Features.MyAppointments;
using Clinic.Bot.Features.Registration;
using Clinic.Bot.Localization;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot.Types.ReplyMarkups;
using static Clinic.Bot.Features.Booking.BookingSteps;

namespace Clinic.Bot.Features.Booking;

/// <summary>
/// Booking: branch → category → service → doctor (or any) → day in a calendar → time → confirmation card → booked.
/// A step with one choice is skipped (and Back skips it too). The same steps from the date on serve rescheduling
/// and "book again". Every step edits one message; its id is kept so presses on older messages count as stale.
/// </summary>
public static class BookingFlow
{
    public const string ModeBook = "book";
    public const string ModeReschedule = "reschedule";

    public static async Task StartAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
        {
            return;
        }

        context.ClearFlow();
        context.Data["mode"] = ModeBook;
        context.EditPressedMessage = false;
        await ShowBranchesAsync(context);
    }

    /// <summary>Starts at the calendar with the branch, service and doctor already known (book again, reschedule).</summary>
    public static async Task StartAtDateAsync(BotContext context, string mode, long branchId, long serviceId, long doctorId, long? appointmentId)
    {
        var branches = await context.Api.GetBranches();
        if (await context.FailedAsync(branches))
        {
            return;
        }

        if (branches.Value!.FirstOrDefault(b => b.Id == branchId) is not { } branch)
        {
            throw new StaleButtonException();
        }

        context.ClearFlow();
        context.Data["mode"] = mode;
        context.Data["appt"] = appointmentId?.ToString(CultureInfo.InvariantCulture);
        context.Data["branch"] = branchId.ToString(CultureInfo.InvariantCulture);
        context.Data["tz"] = branch.TimeZone;
        context.Data["service"] = serviceId.ToString(CultureInfo.InvariantCulture);
        context.Data["doctor"] = doctorId.ToString(CultureInfo.InvariantCulture);
        context.Data["skipped"] = string.Join(',', Branch, Category, Service, Doctor);
        context.EditPressedMessage = false;
        await ShowCalendarAsync(context, month: null);
    }

    public static async Task ShowBranchesAsync(BotContext context)
    {
        var result = await context.Api.GetBranches();
        if (await context.FailedAsync(result))
        {
            return;
        }

        var branches = result.Value!;
        if (branches.Count == 1)
        {
            Skip(context, Branch);
            SelectBranch(context, branches[0]);
            await ShowCategoriesAsync(context);
            return;
        }

        var texts = context.Texts;
        var rows = branches.Select(b => new List<InlineKeyboardButton> { Keyboards.Button(texts.Name(b), "bk", "br", b.Id) }).ToList();
        await ShowStepAsync(context, Branch, texts["booking.choose_branch"], rows);
    }

    public static async Task OnBranchAsync(BotContext context)
    {
        RequireStep(context, Branch);
        var result = await context.Api.GetBranches();
        if (await context.FailedAsync(result))
        {
            return;
        }

        if (!CallbackData.TryLong(context.CallbackParts, 2, out var id) || result.Value!.FirstOrDefault(b => b.Id == id) is not { } branch)
        {
            throw new StaleButtonException();
        }

        SelectBranch(context, branch);
        await ShowCategoriesAsync(context);
    }

    public static async Task ShowCategoriesAsync(BotContext context)
    {
        var services = await LoadServicesAsync(context);
        if (services is null)
        {
            return;
        }

        var categories = Categories(services);
        if (categories.Count == 1)
        {
            Skip(context, Category);
            context.Data["cat"] = "0";
            await ShowServicesAsync(context, services);
            return;
        }

        var texts = context.Texts;
        var rows = categories
            .Select((service, index) => new List<InlineKeyboardButton> { Keyboards.Button(texts.Category(service), "bk", "cat", index) })
            .ToList();
        await ShowStepAsync(context, Category, texts["booking.choose_category"], rows);
    }

    public static async Task OnCategoryAsync(BotContext context)
    {
        RequireStep(context, Category);
        var services = await LoadServicesAsync(context);
        if (services is null)
        {
            return;
        }

        if (!CallbackData.TryLong(context.CallbackParts, 2, out var index) || index < 0 || index >= Categories(services).Count)
        {
            throw new StaleButtonException();
        }

        context.Data["cat"] = index.ToString(CultureInfo.InvariantCulture);
        await ShowServicesAsync(context, services);
    }

    public static async Task ShowServicesAsync(BotContext context, IReadOnlyList<ServiceDto>? services = null)
    {
        services ??= await LoadServicesAsync(context);
        if (services is null)
        {
            return;
        }

        var categories = Categories(services);
        var index = (int)Math.Clamp(context.Data.Long("cat") ?? 0, 0, Math.Max(0, categories.Count - 1));
        var inCategory = categories.Count == 0 ? [] : services.Where(s => s.CategoryRu == categories[index].CategoryRu).ToList();
        if (inCategory.Count == 1)
        {
            Skip(context, Service);
            context.Data["service"] = inCategory[0].Id.ToString(CultureInfo.InvariantCulture);
            await ShowDoctorsAsync(context);
            return;
        }

        var texts = context.Texts;
        var rows = inCategory
            .Select(s => new List<InlineKeyboardButton> { Keyboards.Button($"{texts.Name(s)} · {texts.Money(s.PriceTiyn)}", "bk", "sv", s.Id) })
            .ToList();
        await ShowStepAsync(context, Service, texts["booking.choose_service"], rows);
    }

    public static async Task OnServiceAsync(BotContext context)
    {
        RequireStep(context, Service);
        var services = await LoadServicesAsync(context);
        if (services is null)
        {
            return;
        }

        if (!CallbackData.TryLong(context.CallbackParts, 2, out var id) || services.All(s => s.Id != id))
        {
            throw new StaleButtonException();
        }

        context.Data["service"] = id.ToString(CultureInfo.InvariantCulture);
        await ShowDoctorsAsync(context);
    }

    public static async Task ShowDoctorsAsync(BotContext context)
    {
        var doctors = await LoadDoctorsAsync(context);
        if (doctors is null)
        {
            return;
        }

        if (doctors.Count == 1)
        {
            Skip(context, Doctor);
            context.Data["doctor"] = doctors[0].Id.ToString(CultureInfo.InvariantCulture);
            await ShowCalendarAsync(context, month: null);
            return;
        }

        var texts = context.Texts;
        var rows = doctors
            .Select(d => new List<InlineKeyboardButton> { Keyboards.Button($"{d.FullName} · {texts.Specialty(d.SpecialtyRu, d.SpecialtyKk, d.SpecialtyEn)}", "bk", "dr", d.Id) })
            .Prepend([Keyboards.Button(texts["booking.any_doctor"], "bk", "dr", 0)])
            .ToList();
        await ShowStepAsync(context, Doctor, texts["booking.choose_doctor"], rows);
    }

    public static async Task OnDoctorAsync(BotContext context)
    {
        RequireStep(context, Doctor);
        var doctors = await LoadDoctorsAsync(context);
        if (doctors is null)
        {
            return;
        }

        if (!CallbackData.TryLong(context.CallbackParts, 2, out var id) || (id != 0 && doctors.All(d => d.Id != id)))
        {
            throw new StaleButtonException();
        }

        context.Data["doctor"] = id.ToString(CultureInfo.InvariantCulture);
        await ShowCalendarAsync(context, month: null);
    }

    /// <param name="month">The first day of the month to show; null for the current one (or the next, when this one is full).</param>
    public static async Task ShowCalendarAsync(BotContext context, DateOnly? month)
    {
        var today = Today(context);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var shown = month ?? (DateOnly.TryParseExact(context.Data["month"], "yyyy-MM-dd", out var saved) ? saved : thisMonth);
        var lastMonth = thisMonth.AddMonths(2);
        if (shown < thisMonth || shown > lastMonth)
        {
            throw new StaleButtonException();
        }

        var free = await FreeDaysAsync(context, shown, today);
        if (free is null)
        {
            return;
        }

        if (free.Count == 0 && month is null && shown < lastMonth)
        {
            var next = await FreeDaysAsync(context, shown.AddMonths(1), today);
            if (next is null)
            {
                return;
            }

            if (next.Count > 0)
            {
                shown = shown.AddMonths(1);
                free = next;
            }
        }

        context.Data["month"] = shown.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var texts = context.Texts;
        var rows = BookingCalendar.Build(texts, shown.Year, shown.Month, free, canGoBack: shown > thisMonth, canGoForward: shown < lastMonth);
        await ShowStepAsync(context, Date, texts[free.Count > 0 ? "booking.choose_date" : "booking.no_dates"], rows);
    }

    public static async Task OnMonthAsync(BotContext context)
    {
        RequireStep(context, Date);
        if (!DateOnly.TryParseExact(context.CallbackParts.ElementAtOrDefault(2) + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            throw new StaleButtonException();
        }

        await ShowCalendarAsync(context, month);
    }

    public static async Task OnDateAsync(BotContext context)
    {
        RequireStep(context, Date);
        if (!DateOnly.TryParseExact(context.CallbackParts.ElementAtOrDefault(2), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date < Today(context))
        {
            throw new StaleButtonException();
        }

        context.Data["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await ShowTimesAsync(context, headerKey: null);
    }

    /// <param name="headerKey">A line shown above the times, e.g. why the chosen time is gone.</param>
    public static async Task ShowTimesAsync(BotContext context, string? headerKey)
    {
        if (!DateOnly.TryParseExact(context.Data["date"], "yyyy-MM-dd", out var date))
        {
            throw new StaleButtonException();
        }

        var result = await context.Api.GetSlotsForDay(Id(context, "branch"), Id(context, "service"), DoctorFilter(context), date);
        if (await context.FailedAsync(result))
        {
            return;
        }

        var slots = result.Value!.Days.FirstOrDefault(d => d.Date == date)?.Slots ?? [];
        var texts = context.Texts;
        var text = texts.Format("booking.choose_time", ("date", texts.Date(date)));
        if (slots.Count == 0)
        {
            text = texts["booking.no_times"];
        }

        if (headerKey is not null)
        {
            text = texts[headerKey] + "\n\n" + text;
        }

        var buttons = slots.Select(slot => Keyboards.Button(slot.LocalTime, "bk", "t", slot.Start.ToUnixTimeSeconds(), slot.DoctorIds.FirstOrDefault()));
        await ShowStepAsync(context, Time, text, Keyboards.Grid(buttons, 4));
    }

    public static async Task OnTimeAsync(BotContext context)
    {
        RequireStep(context, Time);
        var parts = context.CallbackParts;
        if (!CallbackData.TryLong(parts, 2, out var unix) || !CallbackData.TryLong(parts, 3, out var doctorId) || doctorId <= 0)
        {
            throw new StaleButtonException();
        }

        var chosenDoctor = Id(context, "doctor");
        if (chosenDoctor != 0 && chosenDoctor != doctorId)
        {
            throw new StaleButtonException();
        }

        context.Data["start"] = unix.ToString(CultureInfo.InvariantCulture);
        context.Data["slot_doctor"] = doctorId.ToString(CultureInfo.InvariantCulture);
        await ShowConfirmAsync(context);
    }

    public static async Task ShowConfirmAsync(BotContext context)
    {
        var branches = await context.Api.GetBranches();
        if (await context.FailedAsync(branches))
        {
            return;
        }

        var services = await LoadServicesAsync(context);
        var doctors = services is null ? null : await LoadDoctorsAsync(context);
        if (services is null || doctors is null)
        {
            return;
        }

        var branch = branches.Value!.FirstOrDefault(b => b.Id == Id(context, "branch"));
        var service = services.FirstOrDefault(s => s.Id == Id(context, "service"));
        var doctor = doctors.FirstOrDefault(d => d.Id == Id(context, "slot_doctor"));
        if (branch is null || service is null || doctor is null)
        {
            throw new StaleButtonException();
        }

        var start = DateTimeOffset.FromUnixTimeSeconds(Id(context, "start"));
        var texts = context.Texts;
        var card = VisitCard(texts, "booking.confirm_card", branch, service,
            doctor.FullName, texts.Specialty(doctor.SpecialtyRu, doctor.SpecialtyKk, doctor.SpecialtyEn), start);

        // One key per shown card: a double tap or a retry after a timeout books once.
        context.Data["idem"] = Guid.NewGuid().ToString("N");
        List<List<InlineKeyboardButton>> rows = [[Keyboards.Button(texts["booking.confirm"], "bk", "ok")]];
        await ShowStepAsync(context, Confirm, card, rows, html: true);
    }

    /// <summary>A visit's details under the header and footer of <paramref name="key"/>, times in the branch's zone.</summary>
    private static string VisitCard(Texts texts, string key, BranchDto branch, ServiceDto service, string doctor, string specialty, DateTimeOffset start) =>
        texts.FormatHtml(key,
            ("doctor", doctor),
            ("specialty", specialty),
            ("service", texts.Name(service)),
            ("branch", texts.Name(branch)),
            ("address", branch.Address),
            ("date", texts.Date(LocalDate(start, branch.TimeZone))),
            ("time", texts.Time(start, branch.TimeZone)),
            ("price", texts.Money(service.PriceTiyn)));

    public static async Task OnConfirmAsync(BotContext context)
    {
        RequireStep(context, Confirm);
        var start = DateTimeOffset.FromUnixTimeSeconds(Id(context, "start"));
        var reschedule = context.Data["mode"] == ModeReschedule;
        var result = reschedule
            ? await context.Api.Reschedule(Id(context, "appt"), new RescheduleAppointmentRequest(context.UserId, start))
            : await context.Api.CreateAppointment(
                new CreateAppointmentRequest(context.UserId, Id(context, "branch"), Id(context, "service"), Id(context, "slot_doctor"), start),
                context.Data["idem"] ?? Guid.NewGuid().ToString("N"));

        if (result.IsUnavailable)
        {
            await context.SendAsync(context.Texts["common.unavailable"]);
            return;
        }

        var texts = context.Texts;
        if (result.IsSuccess)
        {
            // The card stays with the visit's details, so the chat keeps where and when to come.
            var booked = result.Value!;
            var doctor = booked.Doctor;
            var card = VisitCard(texts, reschedule ? "appointments.rescheduled_ok" : "booking.booked", booked.Branch, booked.Service,
                doctor.FullName, texts.Specialty(doctor.SpecialtyRu, doctor.SpecialtyKk, doctor.SpecialtyEn), booked.Start);
            context.ClearFlow();
            await context.ShowAsync(card, null, html: true);
            return;
        }

        switch (result.Error?.Code)
        {
            case ErrorCodes.SlotTaken or ErrorCodes.SlotUnavailable or ErrorCodes.PatientOverlap or ErrorCodes.HoldExpired:
                var header = result.Error!.Code switch
                {
                    ErrorCodes.SlotTaken => "booking.slot_taken",
                    ErrorCodes.PatientOverlap => "booking.patient_overlap",
                    ErrorCodes.HoldExpired => "errors.hold_expired",
                    _ => "booking.slot_unavailable",
                };
                context.Data["idem"] = null;
                await ShowTimesAsync(context, header);
                break;
            case ErrorCodes.NotFound:
                context.ClearFlow();
                await context.ShowAsync(texts["appointments.not_found"], null);
                break;
            case ErrorCodes.TooLate or ErrorCodes.NotChangeable:
                // Only a reschedule is refused so: the moved visit's window, and the branch's phone.
                var refusal = reschedule
                    ? await AppointmentActions.RefusalAsync(context, Id(context, "appt"), result.Error!.Code)
                    : context.ErrorText(result.Error!.Code);
                context.ClearFlow();
                await context.ShowAsync(refusal, null);
                break;
            default:
                await context.SendAsync(context.ErrorText(result.Error?.Code));
                break;
        }
    }

    public static async Task OnBackAsync(BotContext context)
    {
        if (BookingSteps.StepOf(context.State) is null)
        {
            throw new StaleButtonException();
        }

        RequireCurrentMessage(context);
        switch (context.CallbackParts.ElementAtOrDefault(2))
        {
            case BookingSteps.Menu:
                context.ClearFlow();
                await context.ShowAsync(context.Texts["menu.choose"], null);
                break;
            case Branch:
                await ShowBranchesAsync(context);
                break;
            case Category:
                await ShowCategoriesAsync(context);
                break;
            case Service:
                await ShowServicesAsync(context);
                break;
            case Doctor:
                await ShowDoctorsAsync(context);
                break;
            case Date:
                await ShowCalendarAsync(context, month: null);
                break;
            case Time:
                await ShowTimesAsync(context, headerKey: null);
                break;
            default:
                throw new StaleButtonException();
        }
    }

    /// <summary>Shows the current step again (after text the flow did not expect), as a new message.</summary>
    public static Task PromptAsync(BotContext context) => BookingSteps.StepOf(context.State) switch
    {
        Branch => ShowBranchesAsync(context),
        Category => ShowCategoriesAsync(context),
        Service => ShowServicesAsync(context),
        Doctor => ShowDoctorsAsync(context),
        Date => ShowCalendarAsync(context, month: null),
        Time => ShowTimesAsync(context, headerKey: null),
        Confirm => ShowConfirmAsync(context),
        _ => Task.CompletedTask,
    };

    /// <summary>"bk:pg:{step}:{page}": another page of a long list.</summary>
    public static async Task OnPageAsync(BotContext context)
    {
        var step = context.CallbackParts.ElementAtOrDefault(2);
        if (step is not (Branch or Category or Service or Doctor) || !CallbackData.TryLong(context.CallbackParts, 3, out var page) || page < 0)
        {
            throw new StaleButtonException();
        }

        RequireStep(context, step);
        context.Data[$"page_{step}"] = page.ToString(CultureInfo.InvariantCulture);
        await PromptAsync(context);
    }

    private static async Task ShowStepAsync(BotContext context, string step, string text, List<List<InlineKeyboardButton>> rows, bool html = false)
    {
        if (step is Branch or Category or Service or Doctor)
        {
            rows = BookingPager.Page(context.Texts, rows, step, context.Data.Long($"page_{step}") ?? 0);
        }

        var back = BackTarget(context, step);
        rows.Add([Keyboards.Button(context.Texts["common.back"], "bk", "back", back)]);
        context.State = State(step);
        var messageId = await context.ShowAsync(text, Keyboards.Inline(rows), html);
        context.Data["msg"] = messageId.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The nearest earlier step that was really shown (one-choice steps were skipped), else the menu.</summary>
    private static string BackTarget(BotContext context, string step)
    {
        var skipped = (context.Data["skipped"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.IndexOf(Order, step);
        for (var i = index - 1; i >= 0; i--)
        {
            if (!skipped.Contains(Order[i]))
            {
                return Order[i];
            }
        }

        return BookingSteps.Menu;
    }

    private static void Skip(BotContext context, string step)
    {
        var skipped = (context.Data["skipped"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        skipped.Add(step);
        context.Data["skipped"] = string.Join(',', skipped);
    }

    private static void SelectBranch(BotContext context, BranchDto branch)
    {
        context.Data["branch"] = branch.Id.ToString(CultureInfo.InvariantCulture);
        context.Data["tz"] = branch.TimeZone;
    }

    /// <summary>A press must belong to the step the conversation is in and to the message that shows it.</summary>
    private static void RequireStep(BotContext context, string step)
    {
        if (context.State != State(step))
        {
            throw new StaleButtonException();
        }

        RequireCurrentMessage(context);
    }

    private static void RequireCurrentMessage(BotContext context)
    {
        if (context.Data.Long("msg") is { } current && context.Callback?.Message?.MessageId != current)
        {
            throw new StaleButtonException();
        }
    }

    private static async Task<IReadOnlyList<ServiceDto>?> LoadServicesAsync(BotContext context)
    {
        var result = await context.Api.GetServices(Id(context, "branch"));
        return await context.FailedAsync(result) ? null : result.Value!;
    }

    private static async Task<IReadOnlyList<DoctorDto>?> LoadDoctorsAsync(BotContext context)
    {
        var result = await context.Api.GetDoctors(Id(context, "branch"), Id(context, "service"));
        return await context.FailedAsync(result) ? null : result.Value!;
    }

    private static async Task<HashSet<DateOnly>?> FreeDaysAsync(BotContext context, DateOnly month, DateOnly today)
    {
        var from = month < today ? today : month;
        var to = month.AddMonths(1).AddDays(-1);
        var result = await context.Api.GetSlotDays(Id(context, "branch"), Id(context, "service"), DoctorFilter(context), from, to);
        if (result.Error?.Code != ErrorCodes.ValidationFailed)
        {
            return await context.FailedAsync(result) ? null : FreeDays(result.Value!);
        }

        // The API's booking horizon is its own setting: when a month reaches past it, ask a week at a time
        // and stop at the first week it refuses, so the bookable days of a partly open month still show.
        var free = new HashSet<DateOnly>();
        for (var weekStart = from; weekStart <= to; weekStart = weekStart.AddDays(7))
        {
            var weekEnd = weekStart.AddDays(6) < to ? weekStart.AddDays(6) : to;
            var week = await context.Api.GetSlotDays(Id(context, "branch"), Id(context, "service"), DoctorFilter(context), weekStart, weekEnd);
            if (week.Error?.Code == ErrorCodes.ValidationFailed)
            {
                break;
            }

            if (await context.FailedAsync(week))
            {
                return null;
            }

            free.UnionWith(FreeDays(week.Value!));
        }

        return free;
    }

    private static HashSet<DateOnly> FreeDays(SlotSearchResponse response) =>
        response.Days.Where(d => d.FreeSlots > 0).Select(d => d.Date).ToHashSet();

    /// <summary>One entry per category, in the API's order; the callback carries the index.</summary>
    private static List<ServiceDto> Categories(IReadOnlyList<ServiceDto> services) =>
        services.DistinctBy(s => s.CategoryRu).ToList();

    private static long? DoctorFilter(BotContext context) => Id(context, "doctor") is var id and > 0 ? id : null;

    private static long Id(BotContext context, string name) => context.Data.Long(name) ?? throw new StaleButtonException();

    private static DateOnly Today(BotContext context) => LocalDate(context.Time.GetUtcNow(), context.Data["tz"] ?? "Asia/Almaty");

    private static DateOnly LocalDate(DateTimeOffset utc, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
}
