using Clinic.Bot.Telegram;

namespace Clinic.Bot.Features.Feedback;

/// <summary>The NPS buttons (from the menu's question or the clinic's survey) and the typed follow-up answers.</summary>
public static class FeedbackRouter
{
    public static Router Create() => new Router("feedback")
        .OnCommand("feedback", FeedbackFlow.StartAsync)
        .OnCallback("fb:s", FeedbackFlow.OnScoreAsync)
        .OnCallback("fb:rd", FeedbackFlow.OnReasonsDoneAsync)
        .OnCallback("fb:r", FeedbackFlow.OnReasonAsync)
        .OnCallback("fb:skip", FeedbackFlow.OnSkipAsync)
        .OnState(FeedbackFlow.StatePrefix, FeedbackFlow.OnTextAsync)
        .Prompt(FeedbackFlow.StatePrefix, FeedbackFlow.PromptAsync);
}
