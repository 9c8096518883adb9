namespace Clinic.Contracts;

/// <summary>
/// The patient's answer about one fulfilled visit. The first call needs <see cref="Score"/> (0–10); later calls for the
/// same visit update the one answer: fields left null stay as they were.
/// </summary>
public sealed record FeedbackRequest(
    long TelegramId,
    long AppointmentId,
    int? Score = null,
    IReadOnlyList<string>? Reasons = null,
    string? Comment = null,
    string? PublicReview = null);

public sealed record FeedbackDto(
    long Id,
    long AppointmentId,
    int Score,
    NpsGroup Group,
    IReadOnlyList<string> Reasons,
    string? Comment,
    string? PublicReview,
    bool NeedsFollowUp,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A visit the patient can rate: what the survey shows, and whether it was rated already.</summary>
public sealed record FeedbackVisitDto(
    long AppointmentId,
    DateTimeOffset Start,
    BranchDto Branch,
    ServiceDto Service,
    DoctorSummaryDto Doctor,
    int? Score);

/// <summary>The latest fulfilled visit without feedback, or null when every visit was rated.</summary>
public sealed record PendingFeedbackResponse(FeedbackVisitDto? Visit);

/// <summary>Promoters 9–10, passives 7–8, detractors 0–6.</summary>
public enum NpsGroup { Detractor, Passive, Promoter }

/// <summary>Quick-reply codes for "what went wrong".</summary>
public static class FeedbackReasons
{
    public const string Waiting = "waiting";
    public const string Doctor = "doctor";
    public const string Staff = "staff";
    public const string Price = "price";
    public const string Cleanliness = "cleanliness";
    public const string Booking = "booking";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Waiting, Doctor, Staff, Price, Cleanliness, Booking, Other];

    public const int MaxTextLength = 2000;

    public static NpsGroup GroupOf(int score) => score switch
    {
        >= 9 => NpsGroup.Promoter,
        >= 7 => NpsGroup.Passive,
        _ => NpsGroup.Detractor,
    };
}

/// <summary>NPS = % promoters − % detractors (−100…100), rounded to one decimal; null without answers.</summary>
public sealed record NpsDto(int Responses, int Promoters, int Passives, int Detractors, double? Nps);

public sealed record NpsBranchDto(long BranchId, string NameRu, NpsDto Nps);

public sealed record NpsDoctorDto(long DoctorId, string FullName, NpsDto Nps);

/// <summary>Staff analytics for visits from <see cref="From"/> to <see cref="To"/> (local dates of the visits, inclusive).</summary>
public sealed record NpsReportDto(DateOnly? From, DateOnly? To, NpsDto Total, IReadOnlyList<NpsBranchDto> Branches, IReadOnlyList<NpsDoctorDto> Doctors);

/// <summary>A detractor's answer for the staff to call back.</summary>
public sealed record DetractorFeedbackDto(
    long Id,
    long AppointmentId,
    long PatientId,
    string? PatientName,
    string? PatientPhone,
    int Score,
    IReadOnlyList<string> Reasons,
    string? Comment,
    long BranchId,
    long DoctorId,
    DateTimeOffset VisitStart,
    DateTimeOffset AnsweredAt,
    DateTimeOffset? FollowedUpAt,
    string? FollowUpNote);

public sealed record DetractorListResponse(IReadOnlyList<DetractorFeedbackDto> Items);

public sealed record FollowUpRequest(string? Note = null);

public static class FeedbackRoutes
{
    public const string Feedback = "/api/bot/feedback/";
    public static string Pending(long telegramId) => $"/api/bot/feedback/pending/?telegram_id={telegramId}";
    public static string Visit(long appointmentId, long telegramId) => $"/api/bot/feedback/visits/{appointmentId}/?telegram_id={telegramId}";
    public const string StaffNps = "/api/admin/feedback/nps/";
    public const string StaffDetractors = "/api/admin/feedback/detractors/";
    public static string StaffFollowUp(long id) => $"/api/admin/feedback/{id}/follow-up/";
}
