using Clinic.Bot.ClinicApi;
using Clinic.Bot.Features.Menu;
using Clinic.Bot.Features.Registration;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Feedback;

/// <summary>
/// Leave feedback: the latest fulfilled visit without an answer → NPS 0–10 (saved at once) → a follow-up by score:
/// 0–6 what went wrong (quick-reply reasons, then details or skip), 7–8 what to improve (or skip),
/// 9–10 thanks and an optional public review (or skip). Every step saves to the one answer of the visit.
/// </summary>
public static class FeedbackFlow
{
    public const string StatePrefix = "fb:";
    public const string Reasons = "fb:reasons";
    public const string Details = "fb:details";
    public const string Improve = "fb:improve";
    public const string Review = "fb:review";

    private const string AppointmentKey = "fb_appointment";
    private const string ReasonsKey = "fb_reasons";

    public static async Task StartAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
        {
            return;
        }

        var result = await context.Api.GetPendingFeedback(context.UserId, context.CancellationToken);
        if (await context.FailedAsync(result))
        {
            return;
        }

        context.ClearFlow();
        if (result.Value!.Visit is not { } visit)
        {
            await context.SendAsync(context.Texts["feedback.none"], MainMenu.Keyboard(context.Texts));
            return;
        }

        await context.SendAsync(FeedbackSurvey.Question(context.Texts, visit), FeedbackSurvey.Scores(visit.AppointmentId));
    }

    /// <summary>fb:s:{appointment}:{score}, from the menu's question or from the survey message the clinic sent.</summary>
    public static async Task OnScoreAsync(BotContext context)
    {
        var parts = context.CallbackParts;
        if (!CallbackData.TryLong(parts, 2, out var appointmentId) || !CallbackData.TryLong(parts, 3, out var value) || value is < 0 or > 10)
        {
            throw new StaleButtonException();
        }

        var score = (int)value;
        var result = await context.Api.AnswerFeedback(new FeedbackRequest(context.UserId, appointmentId, score), context.CancellationToken);
        if (await RefusedAsync(context, result))
        {
            return;
        }

        await context.AnswerCallbackAsync();
        var texts = context.Texts;
        await context.ShowAsync(context.Callback?.Message?.Text + "\n\n" + texts.Format("feedback.your_score", ("score", score)), null);
        context.ClearFlow();
        context.Data[AppointmentKey] = appointmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.EditPressedMessage = false;
        switch (FeedbackReasons.GroupOf(score))
        {
            case NpsGroup.Detractor:
                context.Data[ReasonsKey] = "";
                await AskReasonsAsync(context);
                break;
            case NpsGroup.Passive:
                await AskImproveAsync(context);
                break;
            default:
                await AskReviewAsync(context);
                break;
        }
    }

    public static Task AskReasonsAsync(BotContext context)
    {
        context.State = Reasons;
        return context.ShowAsync(context.Texts["feedback.ask_reasons"], ReasonsKeyboard(context));
    }

    /// <summary>fb:r:{appointment}:{code} toggles a reason; the keyboard shows the chosen ones ticked.</summary>
    public static async Task OnReasonAsync(BotContext context)
    {
        var appointmentId = RequireStep(context, Reasons);
        var code = context.CallbackParts.ElementAtOrDefault(3);
        if (code is null || !FeedbackReasons.All.Contains(code))
        {
            throw new StaleButtonException();
        }

        var chosen = Chosen(context);
        if (!chosen.Remove(code))
        {
            chosen.Add(code);
        }

        context.Data[ReasonsKey] = string.Join(',', chosen);
        await context.AnswerCallbackAsync();
        await context.ShowAsync(context.Texts["feedback.ask_reasons"], ReasonsKeyboard(context, appointmentId));
    }

    /// <summary>fb:rd:{appointment}: the reasons are saved, then details are asked (typed, or skipped).</summary>
    public static async Task OnReasonsDoneAsync(BotContext context)
    {
        var appointmentId = RequireStep(context, Reasons);
        var result = await context.Api.AnswerFeedback(new FeedbackRequest(context.UserId, appointmentId, Reasons: Chosen(context)), context.CancellationToken);
        if (await RefusedAsync(context, result))
        {
            return;
        }

        await context.AnswerCallbackAsync();
        await context.CloseButtonsAsync();
        context.State = Details;
        context.EditPressedMessage = false;
        await context.ShowAsync(context.Texts["feedback.ask_details"], SkipKeyboard(context, appointmentId));
    }

    public static Task AskImproveAsync(BotContext context)
    {
        context.State = Improve;
        return context.ShowAsync(context.Texts["feedback.ask_improve"], SkipKeyboard(context, AppointmentId(context)));
    }

    public static Task AskReviewAsync(BotContext context)
    {
        context.State = Review;
        return context.ShowAsync(context.Texts["feedback.ask_review"], SkipKeyboard(context, AppointmentId(context)));
    }

    /// <summary>A typed answer at any follow-up step: the reasons' details, what to improve, or the public review.</summary>
    public static async Task OnTextAsync(BotContext context)
    {
        var texts = context.Texts;
        var text = context.Message?.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.StartsWith('/'))
        {
            await context.SendAsync(texts["feedback.text_only"]);
            await PromptAsync(context);
            return;
        }

        if (text.Length > FeedbackReasons.MaxTextLength)
        {
            await context.SendAsync(texts.Format("feedback.too_long", ("max", FeedbackReasons.MaxTextLength)));
            return;
        }

        var appointmentId = AppointmentId(context);
        var request = context.State switch
        {
            Review => new FeedbackRequest(context.UserId, appointmentId, PublicReview: text),
            Reasons => new FeedbackRequest(context.UserId, appointmentId, Reasons: Chosen(context), Comment: text),
            _ => new FeedbackRequest(context.UserId, appointmentId, Comment: text),
        };
        var result = await context.Api.AnswerFeedback(request, context.CancellationToken);
        if (await RefusedAsync(context, result))
        {
            return;
        }

        await FinishAsync(context, context.State == Review ? "feedback.thanks_review" : null);
    }

    /// <summary>fb:skip:{appointment}: no text at this step; the score (and reasons) are already saved.</summary>
    public static async Task OnSkipAsync(BotContext context)
    {
        if (context.State is not (Details or Improve or Review) || !CallbackData.TryLong(context.CallbackParts, 2, out var id) || id != context.Data.Long(AppointmentKey))
        {
            throw new StaleButtonException();
        }

        await context.AnswerCallbackAsync();
        await context.CloseButtonsAsync();
        await FinishAsync(context, null);
    }

    /// <summary>Shows the current step again after an answer that was not understood.</summary>
    public static Task PromptAsync(BotContext context)
    {
        context.EditPressedMessage = false;
        return context.State switch
        {
            Reasons => AskReasonsAsync(context),
            Details => context.ShowAsync(context.Texts["feedback.ask_details"], SkipKeyboard(context, AppointmentId(context))),
            Improve => AskImproveAsync(context),
            Review => AskReviewAsync(context),
            _ => MainMenu.ShowAsync(context),
        };
    }

    private static async Task FinishAsync(BotContext context, string? textKey)
    {
        textKey ??= context.State is Reasons or Details ? "feedback.thanks_detractor" : "feedback.thanks";
        context.ClearFlow();
        await context.SendAsync(context.Texts[textKey], MainMenu.Keyboard(context.Texts));
    }

    /// <summary>True after telling the user why the answer was not saved: a stale visit, an outage or a refusal.</summary>
    private static async Task<bool> RefusedAsync<T>(BotContext context, ApiResult<T> result)
    {
        if (result.IsSuccess)
        {
            return false;
        }

        await context.AnswerCallbackAsync();
        if (result.IsUnavailable)
        {
            await context.SendAsync(context.Texts["common.unavailable"]);
            return true;
        }

        context.ClearFlow();
        await context.CloseButtonsAsync();
        await context.SendAsync(result.ErrorCode switch
        {
            ErrorCodes.VisitNotFulfilled => context.Texts["errors.visit_not_fulfilled"],
            ErrorCodes.NotFound or ErrorCodes.PatientNotFound => context.Texts["feedback.visit_gone"],
            _ => context.ErrorText(result.ErrorCode),
        }, MainMenu.Keyboard(context.Texts));
        return true;
    }

    private static long RequireStep(BotContext context, string state)
    {
        if (context.State != state || !CallbackData.TryLong(context.CallbackParts, 2, out var id) || id != context.Data.Long(AppointmentKey))
        {
            throw new StaleButtonException();
        }

        return id;
    }

    private static long AppointmentId(BotContext context) => context.Data.Long(AppointmentKey) ?? throw new StaleButtonException();

    private static List<string> Chosen(BotContext context) =>
        [.. (context.Data[ReasonsKey] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Where(FeedbackReasons.All.Contains)];

    private static InlineKeyboardMarkup ReasonsKeyboard(BotContext context, long? appointmentId = null)
    {
        var id = appointmentId ?? AppointmentId(context);
        var texts = context.Texts;
        var chosen = Chosen(context);
        var buttons = FeedbackReasons.All.Select(code => Keyboards.Button(
            (chosen.Contains(code) ? "✅ " : "") + texts[$"feedback.reason_{code}"], "fb", "r", id, code));
        var rows = Keyboards.Grid(buttons, 2);
        rows.Add([Keyboards.Button(texts["feedback.reasons_done"], "fb", "rd", id)]);
        return Keyboards.Inline(rows);
    }

    private static InlineKeyboardMarkup SkipKeyboard(BotContext context, long appointmentId) =>
        Keyboards.Inline([[Keyboards.Button(context.Texts["feedback.skip"], "fb", "skip", appointmentId)]]);
}
