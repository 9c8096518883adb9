using Clinic.Api.Features.Appointments;
using Clinic.Contracts;

namespace Clinic.Api.Features.Feedback;

/// <summary>One patient's answer about one fulfilled visit (unique per visit): the NPS score and its follow-up.</summary>
public sealed class VisitFeedback
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long PatientId { get; set; }
    public long AppointmentId { get; set; }
    public Appointment? Appointment { get; set; }
    public int Score { get; set; }
    /// <summary>Quick-reply codes (<see cref="FeedbackReasons"/>), comma-separated.</summary>
    public string Reasons { get; set; } = "";
    public string? Comment { get; set; }
    public string? PublicReview { get; set; }
    /// <summary>A detractor's answer waits for a call from the clinic until staff mark it followed up.</summary>
    public bool NeedsFollowUp { get; set; }
    public DateTime? FollowedUpAtUtc { get; set; }
    public string? FollowUpNote { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public IReadOnlyList<string> ReasonList => Reasons.Length == 0 ? [] : Reasons.Split(',');

    public FeedbackDto AsDto() => new(
        Id, AppointmentId, Score, FeedbackReasons.GroupOf(Score), ReasonList, Comment, PublicReview, NeedsFollowUp,
        Utc.ToOffset(CreatedAtUtc), Utc.ToOffset(UpdatedAtUtc));
}
