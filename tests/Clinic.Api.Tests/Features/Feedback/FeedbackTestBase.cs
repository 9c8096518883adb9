using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Features.Feedback;

/// <summary>Fulfilled visits made the way the clinic makes them: booked, the clock moves past the start, reception marks them.</summary>
public abstract class FeedbackTestBase(ClinicApp app) : ApiTest(app)
{
    /// <summary>Books <paramref name="telegramId"/> at <paramref name="start"/>, lets the visit start and marks it fulfilled.</summary>
    protected async Task<AppointmentDto> FulfilledVisitAsync(long telegramId, DateTimeOffset start, long? doctorId = null,
        long? branchId = null, long? serviceId = null)
    {
        var visit = await BookInAsync(telegramId, start, branchId ?? Clinic.AlmatyId, serviceId ?? Clinic.ConsultationId, doctorId ?? Clinic.AlphaId);
        MoveClockPast(start);
        await MarkFulfilledAsync(visit.Id);
        return visit;
    }

    protected async Task MarkFulfilledAsync(long appointmentId)
    {
        var response = await App.Staff.PostAsJsonAsync($"/api/admin/appointments/{appointmentId}/status/",
            new StaffSetStatusRequest(AppointmentStatus.Fulfilled), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    protected async Task<AppointmentDto> BookInAsync(long telegramId, DateTimeOffset start, long branchId, long serviceId, long doctorId)
    {
        var response = await Api.PostAsJsonAsync(Routes.Appointments,
            new CreateAppointmentRequest(telegramId, branchId, serviceId, doctorId, start), ClinicJson.Options, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return await ReadAsync<AppointmentDto>(response);
    }

    protected void MoveClockPast(DateTimeOffset start)
    {
        var later = start + TimeSpan.FromMinutes(40);
        if (App.Clock.GetUtcNow() < later)
            App.Clock.Advance(later - App.Clock.GetUtcNow());
    }

    protected Task<HttpResponseMessage> AnswerAsync(long telegramId, long appointmentId, int? score, IReadOnlyList<string>? reasons = null,
        string? comment = null, string? review = null) =>
        Api.PostAsJsonAsync(FeedbackRoutes.Feedback, new FeedbackRequest(telegramId, appointmentId, score, reasons, comment, review), ClinicJson.Options, Cancel);

    protected async Task<FeedbackDto> AnswerOkAsync(long telegramId, long appointmentId, int? score, IReadOnlyList<string>? reasons = null,
        string? comment = null, string? review = null)
    {
        var response = await AnswerAsync(telegramId, appointmentId, score, reasons, comment, review);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
        return await ReadAsync<FeedbackDto>(response);
    }
}
