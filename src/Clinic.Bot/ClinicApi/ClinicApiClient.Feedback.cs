using Clinic.Contracts;

namespace Clinic.Bot.ClinicApi;

/// <summary>Feedback (NPS) calls.</summary>
public sealed partial class ClinicApiClient
{
    /// <summary>The latest fulfilled visit without feedback (the answer's <c>visit</c> is null when there is none).</summary>
    public Task<ApiResult<PendingFeedbackResponse>> GetPendingFeedback(long telegramId, CancellationToken ct = default) =>
        Get<PendingFeedbackResponse>(FeedbackRoutes.Pending(telegramId), ct);

    public Task<ApiResult<FeedbackVisitDto>> GetFeedbackVisit(long appointmentId, long telegramId, CancellationToken ct = default) =>
        Get<FeedbackVisitDto>(FeedbackRoutes.Visit(appointmentId, telegramId), ct);

    /// <summary>Saves or updates the one answer about a visit; safe to repeat.</summary>
    public Task<ApiResult<FeedbackDto>> AnswerFeedback(FeedbackRequest request, CancellationToken ct = default) =>
        Send<FeedbackDto>(HttpMethod.Post, FeedbackRoutes.Feedback, request, idempotencyKey: null, ct);
}
