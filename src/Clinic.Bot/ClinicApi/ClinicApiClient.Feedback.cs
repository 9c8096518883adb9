using Clinic.Contracts;

namespace Clinic.Bot.ClinicApi;

/// <summary>Feedback (NPS) calls.</summary>
public sealed partial class ClinicApiClient
{
    /// <summary>
    /// The latest fulfilled visit without feedback (the answer's <c>visit</c> is null when there is none). The original
    /// API cannot tell which visits were rated: there it is the latest fulfilled visit of <c>appointments/my/</c>.
    /// </summary>
    public async Task<ApiResult<PendingFeedbackResponse>> GetPendingFeedback(long telegramId, CancellationToken ct = default)
    {
        if (capabilities?.Offers(ApiExtension.FeedbackVisits) ?? true)
        {
            var pending = await Get<PendingFeedbackResponse>(FeedbackRoutes.Pending(telegramId), ct);
            if (pending.ErrorCode != ApiResultCodes.NotOffered)
                return pending;
        }

        var past = await GetMyAppointments(telegramId, AppointmentScope.Past, ct);
        if (!past.IsSuccess)
            return new ApiResult<PendingFeedbackResponse>(null, past.Error, past.StatusCode);
        var latest = past.Value!.Items.Where(a => a.Status == AppointmentStatus.Fulfilled).MaxBy(a => a.Start);
        return ApiResult<PendingFeedbackResponse>.Success(new PendingFeedbackResponse(
            latest is null ? null : new FeedbackVisitDto(latest.Id, latest.Start, latest.Branch, latest.Service, latest.Doctor, Score: null)));
    }

    public Task<ApiResult<FeedbackVisitDto>> GetFeedbackVisit(long appointmentId, long telegramId, CancellationToken ct = default) =>
        Get<FeedbackVisitDto>(FeedbackRoutes.Visit(appointmentId, telegramId), ct);

    /// <summary>Saves or updates the one answer about a visit; safe to repeat.</summary>
    public Task<ApiResult<FeedbackDto>> AnswerFeedback(FeedbackRequest request, CancellationToken ct = default) =>
        Send<FeedbackDto>(HttpMethod.Post, FeedbackRoutes.Feedback, request, idempotencyKey: null, ct);
}
