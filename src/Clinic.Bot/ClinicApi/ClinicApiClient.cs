using System.Globalization;
using Clinic.Contracts;

namespace Clinic.Bot.ClinicApi;

/// <summary>
/// The bot's typed client for the clinic API (<c>/api/bot/</c>). It never throws for API or network
/// failures: every call returns an <see cref="ApiResult{T}"/>. Only cancellation by the caller's token escapes.
/// <paramref name="capabilities"/> learns from its answers whether the API has more than the original's routes; a client
/// built by hand without one (tests, tools) assumes this project's API.
/// </summary>
public sealed partial class ClinicApiClient(HttpClient http, ApiCapabilities? capabilities = null)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    // Patients

    /// <summary>The patient linked to a Telegram user; a 404 <c>patient_not_found</c> is a normal answer for a new user.</summary>
    public Task<ApiResult<PatientDto>> GetPatientByTelegram(long telegramId, CancellationToken ct = default) =>
        Get<PatientDto>(Routes.PatientByTelegram(telegramId), ct);

    public Task<ApiResult<PatientDto>> UpsertPatient(PatientUpsertRequest request, CancellationToken ct = default) =>
        Send<PatientDto>(HttpMethod.Post, Routes.PatientUpsert, request, idempotencyKey: null, ct);

    public Task<ApiResult<VerifyIinResponse>> VerifyIin(string iin, long telegramId, CancellationToken ct = default) =>
        Send<VerifyIinResponse>(HttpMethod.Post, Routes.PatientVerifyIin, new VerifyIinRequest(iin, telegramId), idempotencyKey: null, ct);

    /// <summary>The capability probe: an extension route that changes nothing (see <see cref="ApiCapabilities.ProbePath"/>).</summary>
    internal async Task ProbeCapabilities(ApiCapabilities target, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(ApiCapabilities.ProbePath.TrimStart('/'), UriKind.Relative), ct);
        var content = await response.Content.ReadAsByteArrayAsync(ct);
        target.LearnFromProbe((int)response.StatusCode, response.IsSuccessStatusCode || ApiErrorReader.Read(content, (int)response.StatusCode).Ours);
    }

    // Catalog

    public Task<ApiResult<IReadOnlyList<BranchDto>>> GetBranches(CancellationToken ct = default) =>
        Get<IReadOnlyList<BranchDto>>(Routes.Branches, ct);

    public Task<ApiResult<IReadOnlyList<ServiceDto>>> GetServices(long? branchId, CancellationToken ct = default) =>
        Get<IReadOnlyList<ServiceDto>>(Query(Routes.Services, ("branch_id", Id(branchId))), ct);

    public Task<ApiResult<IReadOnlyList<DoctorDto>>> GetDoctors(long? branchId, long? serviceId, CancellationToken ct = default) =>
        Get<IReadOnlyList<DoctorDto>>(Query(Routes.Doctors, ("branch_id", Id(branchId)), ("service_id", Id(serviceId))), ct);

    // Slots

    /// <summary>One local day with its free slots; without a doctor, the slots of every doctor are merged.</summary>
    public Task<ApiResult<SlotSearchResponse>> GetSlotsForDay(long branchId, long serviceId, long? doctorId, DateOnly date, CancellationToken ct = default) =>
        Get<SlotSearchResponse>(Query(Routes.Slots,
            ("branch_id", Id(branchId)), ("service_id", Id(serviceId)), ("doctor_id", Id(doctorId)), ("date", Day(date))), ct);

    /// <summary>The days from <paramref name="from"/> to <paramref name="to"/> that have free slots, for the calendar.</summary>
    public Task<ApiResult<SlotSearchResponse>> GetSlotDays(long branchId, long serviceId, long? doctorId, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        Get<SlotSearchResponse>(Query(Routes.Slots,
            ("branch_id", Id(branchId)), ("service_id", Id(serviceId)), ("doctor_id", Id(doctorId)), ("from", Day(from)), ("to", Day(to))), ct);

    // Appointments

    /// <summary>Books a slot. The same <paramref name="idempotencyKey"/> for the same booking makes retries safe, so this call is retried.</summary>
    public Task<ApiResult<AppointmentDto>> CreateAppointment(CreateAppointmentRequest request, string idempotencyKey, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return Send<AppointmentDto>(HttpMethod.Post, Routes.Appointments, request, idempotencyKey, ct);
    }

    public Task<ApiResult<AppointmentDto>> ConfirmAppointment(long id, long telegramId, CancellationToken ct = default) =>
        Send<AppointmentDto>(HttpMethod.Post, Routes.AppointmentConfirm(id), new ConfirmAppointmentRequest(telegramId), idempotencyKey: null, ct);

    public Task<ApiResult<AppointmentListResponse>> GetMyAppointments(long telegramId, AppointmentScope scope, CancellationToken ct = default) =>
        Get<AppointmentListResponse>(Query(Routes.MyAppointments, ("telegram_id", Id(telegramId)), ("scope", ScopeName(scope))), ct);

    public Task<ApiResult<AppointmentDto>> Reschedule(long id, RescheduleAppointmentRequest request, CancellationToken ct = default) =>
        Send<AppointmentDto>(HttpMethod.Patch, Routes.Appointment(id), request, idempotencyKey: null, ct);

    public Task<ApiResult<AppointmentDto>> Cancel(long id, CancelAppointmentRequest request, CancellationToken ct = default) =>
        Send<AppointmentDto>(HttpMethod.Post, Routes.AppointmentCancel(id), request, idempotencyKey: null, ct);

    // Query strings

    private static string? Id(long? id) => id?.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string ScopeName(AppointmentScope scope) => scope switch
    {
        AppointmentScope.Past => "past",
        _ => "upcoming",
    };

    /// <summary>Appends the parameters that have a value; absent ones (a null doctor) are left out.</summary>
    private static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? path : $"{path}?{string.Join('&', present)}";
    }
}
