using System.Collections.Concurrent;
using System.Text.Json;
using Clinic.Api.Features.Patients;
using Clinic.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Infrastructure;

/// <summary>
/// A stand-in for the original Django API: only the 20 routes of its README ("Endpoints"), snake_case JSON, in-memory data,
/// errors as Django REST Framework writes them (<c>{"detail": "…"}</c>, field errors <c>{"field": ["msg"]}</c>, Django's HTML
/// page for a route it does not have, DRF's 405 for a method it does not allow). None of this project's extension fields are
/// sent (<c>change_until</c>, <c>hold_expires_at</c>, English names), and <c>Idempotency-Key</c> means nothing to it.
/// </summary>
public sealed class SeedApi : IAsyncDisposable
{
    /// <summary>The 20 routes, exactly as the seed's README lists them.</summary>
    public static readonly IReadOnlyList<string> Endpoints =
    [
        "POST /api/bot/patient/upsert/",
        "POST /api/bot/patient/verify-iin/",
        "GET /api/bot/patient/by-telegram/{id}/",
        "GET /api/bot/branches/",
        "GET /api/bot/services/",
        "GET /api/bot/doctors/",
        "GET /api/bot/slots/",
        "POST /api/bot/appointments/",
        "GET /api/bot/appointments/my/",
        "PATCH /api/bot/appointments/{id}/",
        "POST /api/bot/appointments/{id}/cancel/",
        "GET /api/bot/documents/",
        "POST /api/bot/documents/generate/",
        "GET /api/bot/documents/{id}/download/",
        "POST /api/bot/payments/invoice/",
        "GET /api/bot/payments/{id}/status/",
        "GET /api/bot/payments/balance/",
        "POST /api/bot/feedback/",
        "POST /api/bot/support/ticket/",
        "GET /api/bot/support/faq/",
    ];

    public const string Secret = ApiHost.Secret;

    private const string DjangoNotFoundPage =
        "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n";

    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
    private static readonly BranchDto Branch = new(1, "Клиника на Абая", "Абай көшесіндегі клиника", "Алматы, пр. Абая, 10", "+77272000001", "Asia/Almaty");
    private static readonly ServiceDto Service = new(1, "Приём терапевта", "Терапевт қабылдауы", "Терапия", "Терапия", 30, 1_200_000);
    private static readonly DoctorDto Doctor = new(1, "Серікова Дана", "Терапевт", "Терапевт", null, [1], [1]);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<long, PatientDto> _patients = new();
    private readonly ConcurrentDictionary<long, (long TelegramId, AppointmentDto Appointment)> _appointments = new();
    private readonly ConcurrentDictionary<long, (long TelegramId, DocumentDto Document, byte[] Content)> _documents = new();
    private readonly ConcurrentDictionary<long, (long TelegramId, InvoiceDto Invoice)> _invoices = new();
    private long _nextId = 100;

    private SeedApi(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Every request the stub answered: method, path and whether it carried an Idempotency-Key.</summary>
    public ConcurrentQueue<(string Method, string Path, bool IdempotencyKey)> Requests { get; } = new();

    public ConcurrentBag<FeedbackRequest> Feedback { get; } = [];

    public ConcurrentBag<CreateTicketRequest> Tickets { get; } = [];

    public static async Task<SeedApi> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(json => ClinicJson.Configure(json.SerializerOptions));
        var app = builder.Build();
        var api = new SeedApi(app, url);
        api.Map();
        await app.StartAsync();
        return api;
    }

    /// <summary>A visit of the patient some days ago, as the clinic records one (for feedback and the balance).</summary>
    public long AddPastVisit(long telegramId, AppointmentStatus status)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        var appointment = Appointment(NextId(), status, new DateTimeOffset(start.Year, start.Month, start.Day, 5, 0, 0, TimeSpan.Zero));
        _appointments[appointment.Id] = (telegramId, appointment);
        return appointment.Id;
    }

    /// <summary>A lab result the clinic filed for the patient.</summary>
    public DocumentDto AddDocument(long telegramId, byte[] pdf)
    {
        var id = NextId();
        var document = new DocumentDto(id, DocumentKind.LabResult, "Общий анализ крови", $"LAB-{id}", DateOnly.FromDateTime(DateTime.UtcNow),
            "application/pdf", pdf.Length, null, DateTimeOffset.UtcNow);
        _documents[id] = (telegramId, document, pdf);
        return document;
    }

    public IReadOnlyList<InvoiceDto> InvoicesOf(long telegramId) =>
        _invoices.Values.Where(i => i.TelegramId == telegramId).Select(i => i.Invoice).OrderBy(i => i.Id).ToList();

    /// <summary>Kaspi reports the invoice paid.</summary>
    public void MarkPaid(long invoiceId)
    {
        var (owner, invoice) = _invoices[invoiceId];
        _invoices[invoiceId] = (owner, invoice with { Status = InvoiceStatus.Paid, PaidAt = DateTimeOffset.UtcNow });
    }

    private void Map()
    {
        _app.Use(async (context, next) =>
        {
            Requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? "", context.Request.Headers.ContainsKey("Idempotency-Key")));
            if (context.Request.Headers.Authorization != $"Bearer {Secret}")
            {
                await Detail(401, "Authentication credentials were not provided.").ExecuteAsync(context);
                return;
            }
            await next();
        });
        // DRF answers a method a view does not allow; Django answers a path it does not know with its HTML page.
        _app.UseStatusCodePages(async pages =>
        {
            var response = pages.HttpContext.Response;
            if (response.StatusCode == 405)
                await Detail(405, $"Method \"{pages.HttpContext.Request.Method}\" not allowed.").ExecuteAsync(pages.HttpContext);
        });
        _app.MapFallback(() => Results.Content(DjangoNotFoundPage, "text/html", statusCode: 404));

        var bot = _app.MapGroup("/api/bot");
        bot.MapPost("/patient/upsert/", Upsert);
        bot.MapPost("/patient/verify-iin/", (VerifyIinRequest request) => VerifyIin(request));
        bot.MapGet("/patient/by-telegram/{id:long}/", (long id) => _patients.TryGetValue(id, out var p) ? Ok(p) : Detail(404, "Not found."));
        bot.MapGet("/branches/", () => Ok(new[] { Branch }));
        bot.MapGet("/services/", () => Ok(new[] { Service }));
        bot.MapGet("/doctors/", () => Ok(new[] { Doctor }));
        bot.MapGet("/slots/", (HttpRequest request) => Slots(request));
        bot.MapPost("/appointments/", (CreateAppointmentRequest request) => Book(request));
        bot.MapGet("/appointments/my/", (long telegram_id, string? scope) => Ok(new AppointmentListResponse(Mine(telegram_id, scope))));
        bot.MapPatch("/appointments/{id:long}/", (long id, RescheduleAppointmentRequest request) => Reschedule(id, request));
        bot.MapPost("/appointments/{id:long}/cancel/", (long id, CancelAppointmentRequest request) => Cancel(id, request));
        bot.MapGet("/documents/", (long telegram_id) =>
            Ok(new DocumentListResponse(_documents.Values.Where(d => d.TelegramId == telegram_id).Select(d => d.Document).OrderByDescending(d => d.Id).ToList())));
        bot.MapPost("/documents/generate/", (GenerateDocumentRequest request) => Detail(400, "Certificates are issued at the reception."));
        bot.MapGet("/documents/{id:long}/download/", (long id, long telegram_id) =>
            _documents.TryGetValue(id, out var d) && d.TelegramId == telegram_id
                ? Results.File(d.Content, "application/pdf", $"{d.Document.Number}.pdf")
                : Detail(404, "Not found."));
        bot.MapPost("/payments/invoice/", (CreateInvoiceRequest request) => CreateInvoice(request));
        bot.MapGet("/payments/{id:long}/status/", (long id, long telegram_id) =>
            _invoices.TryGetValue(id, out var i) && i.TelegramId == telegram_id ? Ok(i.Invoice) : Detail(404, "Not found."));
        bot.MapGet("/payments/balance/", (long telegram_id) => Ok(Balance(telegram_id)));
        bot.MapPost("/feedback/", (FeedbackRequest request) => SaveFeedback(request));
        bot.MapPost("/support/ticket/", (CreateTicketRequest request) => CreateTicket(request));
        bot.MapGet("/support/faq/", (string? lang) => Ok(Faq(lang)));
    }

    private IResult Upsert(PatientUpsertRequest request)
    {
        var now = DateTimeOffset.UtcNow;
        var patient = _patients.GetValueOrDefault(request.TelegramId)
            ?? new PatientDto(NextId(), request.TelegramId, null, null, null, null, null, Language.Ru, null, null, false, now, now);
        if (request.Iin is not null && Iin.Check(request.Iin) is { Valid: false })
            return Fields(("iin", "Invalid IIN."));
        var check = request.Iin is null ? null : Iin.Check(request.Iin);
        patient = patient with
        {
            Iin = request.Iin ?? patient.Iin,
            BirthDate = check?.BirthDate ?? patient.BirthDate,
            Sex = check?.Sex ?? patient.Sex,
            FullName = request.FullName ?? patient.FullName,
            Phone = request.Phone is null ? patient.Phone : "+" + new string(request.Phone.Where(char.IsDigit).ToArray()),
            Language = request.Language ?? patient.Language,
            ConsentVersion = request.ConsentVersion ?? patient.ConsentVersion,
            ConsentAt = request.ConsentAt ?? patient.ConsentAt,
            UpdatedAt = now,
        };
        patient = patient with { IsRegistered = patient is { Iin: not null, FullName: not null, Phone: not null, ConsentVersion: not null } };
        _patients[request.TelegramId] = patient;
        return Ok(patient);
    }

    private IResult VerifyIin(VerifyIinRequest request)
    {
        var check = Iin.Check(request.Iin);
        return Ok(new VerifyIinResponse(request.Iin, check.Valid, check.BirthDate, check.Sex,
            _patients.Values.Any(p => p.Iin == request.Iin && p.TelegramId != request.TelegramId), check.Reason));
    }

    private IResult Slots(HttpRequest request)
    {
        var query = request.Query;
        if (DateOnly.TryParse(query["date"], out var date))
            return Ok(new SlotSearchResponse(Branch.Id, Service.Id, Doctor.Id, Branch.TimeZone, [Day(date, withSlots: true)]));
        if (!DateOnly.TryParse(query["from"], out var from) || !DateOnly.TryParse(query["to"], out var to))
            return Fields(("date", "This field is required."));
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(n => Day(from.AddDays(n), withSlots: false)).Where(d => d.FreeSlots > 0).ToList();
        return Ok(new SlotSearchResponse(Branch.Id, Service.Id, Doctor.Id, Branch.TimeZone, days));
    }

    /// <summary>09:00–11:30 every half hour, from tomorrow for two weeks, less the booked times.</summary>
    private SlotDay Day(DateOnly date, bool withSlots)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Almaty).DateTime);
        if (date <= today || date > today.AddDays(14))
            return new SlotDay(date, 0, withSlots ? [] : null);
        var slots = Enumerable.Range(0, 6)
            .Select(n => new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0).AddMinutes(30 * n)), Almaty.BaseUtcOffset).ToUniversalTime())
            .Where(start => !Taken(start))
            .Select(start => new SlotDto(start, start.AddMinutes(Service.DurationMinutes), TimeZoneInfo.ConvertTime(start, Almaty).ToString("HH:mm"), [Doctor.Id]))
            .ToList();
        return new SlotDay(date, slots.Count, withSlots ? slots : null);
    }

    private bool Taken(DateTimeOffset start) =>
        _appointments.Values.Any(a => a.Appointment.Start == start && a.Appointment.Status is AppointmentStatus.Booked or AppointmentStatus.Pending);

    private IResult Book(CreateAppointmentRequest request)
    {
        if (!_patients.ContainsKey(request.TelegramId))
            return Detail(404, "Not found.");
        if (Taken(request.Start) || Day(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(request.Start, Almaty).DateTime), true).Slots!.All(s => s.Start != request.Start))
            return Fields(("start", "This time is not available."));
        var appointment = Appointment(NextId(), AppointmentStatus.Booked, request.Start);
        _appointments[appointment.Id] = (request.TelegramId, appointment);
        return Results.Json(appointment, ClinicJson.Options, statusCode: 201);
    }

    private List<AppointmentDto> Mine(long telegramId, string? scope)
    {
        var now = DateTimeOffset.UtcNow;
        return _appointments.Values.Where(a => a.TelegramId == telegramId).Select(a => a.Appointment)
            .Where(a => scope == "past" ? a.Start <= now : a.Start > now && a.Status is AppointmentStatus.Booked or AppointmentStatus.Pending)
            .OrderBy(a => a.Start).ToList();
    }

    private IResult Reschedule(long id, RescheduleAppointmentRequest request)
    {
        if (!_appointments.TryGetValue(id, out var found) || found.TelegramId != request.TelegramId)
            return Detail(404, "Not found.");
        if (Taken(request.Start))
            return Fields(("start", "This time is not available."));
        var moved = found.Appointment with { Start = request.Start, End = request.Start.AddMinutes(Service.DurationMinutes), UpdatedAt = DateTimeOffset.UtcNow };
        _appointments[id] = (found.TelegramId, moved);
        return Ok(moved);
    }

    private IResult Cancel(long id, CancelAppointmentRequest request)
    {
        if (!_appointments.TryGetValue(id, out var found) || found.TelegramId != request.TelegramId)
            return Detail(404, "Not found.");
        var cancelled = found.Appointment with
        {
            Status = AppointmentStatus.Cancelled, CancelledBy = Contracts.CancelledBy.Patient, CancelReason = request.Reason, CanChange = false,
        };
        _appointments[id] = (found.TelegramId, cancelled);
        return Ok(cancelled);
    }

    private IResult CreateInvoice(CreateInvoiceRequest request)
    {
        long amount;
        if (request.AppointmentId is { } visit)
        {
            if (!_appointments.TryGetValue(visit, out var found) || found.TelegramId != request.TelegramId)
                return Detail(404, "Not found.");
            amount = found.Appointment.Service.PriceTiyn;
        }
        else
        {
            amount = request.AmountTiyn ?? Balance(request.TelegramId).BalanceTiyn;
        }

        var id = NextId();
        var now = DateTimeOffset.UtcNow;
        var invoice = new InvoiceDto(id, request.AppointmentId, amount, InvoiceStatus.Waiting, "kaspi", $"https://pay.kaspi.kz/pay/seed{id}",
            now.AddMinutes(15), null, now, Service.NameRu, Service.NameKk);
        _invoices[id] = (request.TelegramId, invoice);
        return Results.Json(invoice, ClinicJson.Options, statusCode: 201);
    }

    /// <summary>The fulfilled visits no paid invoice covers.</summary>
    private BalanceDto Balance(long telegramId)
    {
        var invoices = _invoices.Values.Where(i => i.TelegramId == telegramId).Select(i => i.Invoice).ToList();
        var owed = _appointments.Values.Where(a => a.TelegramId == telegramId && a.Appointment.Status == AppointmentStatus.Fulfilled)
            .Where(a => !invoices.Any(i => i.AppointmentId == a.Appointment.Id && i.Status == InvoiceStatus.Paid))
            .Sum(a => a.Appointment.Service.PriceTiyn);
        return new BalanceDto(owed, invoices.Where(i => i.Status == InvoiceStatus.Waiting).ToList(),
            invoices.Where(i => i.Status == InvoiceStatus.Paid && i.AppointmentId is not null).Select(i => i.AppointmentId!.Value).ToList());
    }

    private IResult SaveFeedback(FeedbackRequest request)
    {
        if (!_appointments.TryGetValue(request.AppointmentId, out var found) || found.TelegramId != request.TelegramId)
            return Detail(404, "Not found.");
        Feedback.Add(request);
        var now = DateTimeOffset.UtcNow;
        var score = Feedback.Where(f => f.AppointmentId == request.AppointmentId && f.Score is not null).Select(f => f.Score!.Value).FirstOrDefault();
        return Ok(new FeedbackDto(NextId(), request.AppointmentId, score, FeedbackReasons.GroupOf(score), request.Reasons ?? [], request.Comment,
            request.PublicReview, score <= 6, now, now));
    }

    private IResult CreateTicket(CreateTicketRequest request)
    {
        if (request.Text.Trim().Length < 5)
            return Fields(("text", "Ensure this field has at least 5 characters."));
        Tickets.Add(request);
        var id = NextId();
        var now = DateTimeOffset.UtcNow;
        return Results.Json(new TicketDto(id, $"T-{id:000000}", request.Topic, TicketStatus.Open, _patients[request.TelegramId].Id, now, now,
            [new TicketMessageDto(NextId(), TicketAuthor.Patient, request.Text, request.Attachment, now)]), ClinicJson.Options, statusCode: 201);
    }

    private static FaqResponse Faq(string? lang) => lang == "kk"
        ? new FaqResponse(Language.Kk, [new FaqCategoryDto(1, "Жұмыс уақыты", [new FaqEntryDto(1, 1, "Клиника қашан жұмыс істейді?", "Күн сайын 8:00-ден 20:00-ге дейін.")])])
        : lang == "en"
            ? new FaqResponse(Language.En, [new FaqCategoryDto(1, "Opening hours", [new FaqEntryDto(1, 1, "When is the clinic open?", "Every day from 8:00 to 20:00.")])])
            : new FaqResponse(Language.Ru, [new FaqCategoryDto(1, "Часы работы", [new FaqEntryDto(1, 1, "Когда работает клиника?", "Ежедневно с 8:00 до 20:00.")])]);

    private static AppointmentDto Appointment(long id, AppointmentStatus status, DateTimeOffset start) => new(
        id, status, start, start.AddMinutes(Service.DurationMinutes), Branch, Service,
        new DoctorSummaryDto(Doctor.Id, Doctor.FullName, Doctor.SpecialtyRu, Doctor.SpecialtyKk), null, null, null, null,
        CanChange: status == AppointmentStatus.Booked && start > DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    private long NextId() => Interlocked.Increment(ref _nextId);

    private static IResult Ok<T>(T value) => Results.Json(value, ClinicJson.Options);

    private static IResult Detail(int status, string detail) => Results.Json(new Dictionary<string, string> { ["detail"] = detail }, statusCode: status);

    private static IResult Fields(params (string Field, string Message)[] errors) =>
        Results.Json(errors.ToDictionary(e => e.Field, e => new[] { e.Message }), statusCode: 400);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
