using Clinic.Bot.Localization;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Feedback;

/// <summary>The NPS question about one visit and its 0–10 keyboard: shown from the menu and in the survey the clinic sends.</summary>
public static class FeedbackSurvey
{
    public static string Question(Texts texts, FeedbackVisitDto visit) => texts.Format("feedback.question",
        ("date", texts.DateTime(visit.Start, visit.Branch.TimeZone)),
        ("service", texts.Name(visit.Service)),
        ("doctor", visit.Doctor.FullName),
        ("branch", texts.Name(visit.Branch)));

    /// <summary>Scores 0–5 and 6–10 on two rows; each button carries the visit id and the score.</summary>
    public static InlineKeyboardMarkup Scores(long appointmentId) => Keyboards.Inline(
    [
        Enumerable.Range(0, 6).Select(score => Keyboards.Button(score.ToString(System.Globalization.CultureInfo.InvariantCulture), "fb", "s", appointmentId, score)),
        Enumerable.Range(6, 5).Select(score => Keyboards.Button(score.ToString(System.Globalization.CultureInfo.InvariantCulture), "fb", "s", appointmentId, score)),
    ]);
}
