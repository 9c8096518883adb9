using Clinic.Api.Data;
using Clinic.Api.Features.Feedback;
using Clinic.Bot.Features.Feedback;
using Clinic.Bot.Localization;
using Clinic.Bot.Notifications;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;

namespace Clinic.Bot.Tests.Features.Feedback;

/// <summary>Leaving feedback in the bot, from the menu and from the clinic's survey, in each score band.</summary>
public sealed class FeedbackJourneyTests(VisitsEnvironment env) : IClassFixture<VisitsEnvironment>
{
    private Task<VisitFeedback?> AnswerAsync(long appointmentId) =>
        env.QueryAsync(db => db.Feedback.AsNoTracking().SingleOrDefaultAsync(f => f.AppointmentId == appointmentId));

    private async Task<ChatDriver> RegisteredAsync(Language language, string languageCode = "ru")
    {
        var chat = env.NewUser(languageCode);
        await Scenarios.RegisterAsync(chat, language);
        return chat;
    }

    [Fact]
    public async Task ADetractorPicksReasonsAndExplainsInRussian()
    {
        var chat = await RegisteredAsync(Language.Ru);
        var visit = await env.FulfilledVisitAsync(chat.Id);

        await chat.Tap("menu.feedback");
        var question = await chat.Expect("feedback.question");
        var doctor = await env.QueryAsync(db => db.Appointments.Where(a => a.Id == visit).Select(a => a.Doctor!.FullName).SingleAsync());
        Assert.Contains(doctor, question.VisibleText);
        Assert.Equal(11, question.InlineButtons.Count(b => b.CallbackData!.StartsWith($"fb:s:{visit}:", StringComparison.Ordinal)));

        await chat.Press($"fb:s:{visit}:3");
        await chat.Expect("feedback.ask_reasons");
        await chat.Press($"fb:r:{visit}:waiting");
        await chat.Press($"fb:r:{visit}:staff");
        await chat.Press($"fb:r:{visit}:staff"); // pressed again: unticked
        await Eventually.TrueAsync(() => chat.LatestWithButton("fb:rd")!.InlineButtons.Any(b => b.Text.StartsWith("✅", StringComparison.Ordinal)
            && b.CallbackData == $"fb:r:{visit}:waiting") && !chat.LatestWithButton("fb:rd")!.InlineButtons.Any(b => b.Text.StartsWith("✅", StringComparison.Ordinal)
            && b.CallbackData == $"fb:r:{visit}:staff"), "waiting ticked, staff not");
        await chat.Press($"fb:rd:{visit}");
        await chat.Expect("feedback.ask_details");
        await chat.Say("Ждала приёма 40 минут");
        await chat.Expect("feedback.thanks_detractor");

        var answer = await AnswerAsync(visit);
        Assert.NotNull(answer);
        Assert.Equal(3, answer.Score);
        Assert.Equal("waiting", answer.Reasons);
        Assert.Equal("Ждала приёма 40 минут", answer.Comment);
        Assert.True(answer.NeedsFollowUp);
    }

    [Fact]
    public async Task APassiveSaysWhatToImproveInKazakh()
    {
        var chat = await RegisteredAsync(Language.Kk, "kk");
        var visit = await env.FulfilledVisitAsync(chat.Id);

        await chat.Tap("menu.feedback");
        await chat.Expect("feedback.question");
        await chat.Press($"fb:s:{visit}:8");
        await chat.Expect("feedback.ask_improve");
        await chat.User.SendContact(chat.User.PhoneNumber, chat.Id);
        await chat.Expect("feedback.text_only");
        await chat.Say(new string('ж', FeedbackReasons.MaxTextLength + 1));
        await chat.Expect("feedback.too_long");
        await chat.Say("Кезек күту уақытын қысқарту керек");
        await chat.Expect("feedback.thanks");

        var answer = await AnswerAsync(visit);
        Assert.Equal(8, answer!.Score);
        Assert.Equal("Кезек күту уақытын қысқарту керек", answer.Comment);
        Assert.False(answer.NeedsFollowUp);
    }

    [Fact]
    public async Task APromoterAnswersTheClinicsSurveyWithAPublicReview()
    {
        var chat = await RegisteredAsync(Language.En, "en");
        var visit = await env.FulfilledVisitAsync(chat.Id);
        var patient = await env.PatientAsync(chat.Id);

        var sent = await SendSurveyAsync(new OutboxItemDto(1, OutboxKinds.NpsSurvey, patient!.Id, chat.Id, Language.En,
            System.Text.Json.JsonSerializer.SerializeToElement(new { appointment_id = visit }), 0, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(1)), Language.En);

        var survey = await chat.Expect("feedback.survey_intro");
        Assert.Equal(sent, survey.MessageId);
        Assert.Contains(ChatDriver.FixedPart(chat.Texts["feedback.question"]), survey.VisibleText);
        await chat.Press($"fb:s:{visit}:10");
        await chat.Expect("feedback.ask_review");
        await chat.Say("Wonderful doctor, clean clinic.");
        await chat.Expect("feedback.thanks_review");

        var answer = await AnswerAsync(visit);
        Assert.Equal(10, answer!.Score);
        Assert.Equal("Wonderful doctor, clean clinic.", answer.PublicReview);

        // Rated now: the menu has nothing more to ask.
        await chat.Tap("menu.feedback");
        await chat.Expect("feedback.none");
    }

    [Fact]
    public async Task APromoterMaySkipTheReviewInKazakhAndASecondScoreUpdatesTheSameAnswer()
    {
        var chat = await RegisteredAsync(Language.Kk, "kk");
        var visit = await env.FulfilledVisitAsync(chat.Id);
        var patient = await env.PatientAsync(chat.Id);
        var item = new OutboxItemDto(2, OutboxKinds.NpsSurvey, patient!.Id, chat.Id, Language.Kk,
            System.Text.Json.JsonSerializer.SerializeToElement(new { appointment_id = visit }), 0, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(1));
        await SendSurveyAsync(item, Language.Kk);
        await chat.Expect("feedback.survey_intro");
        await chat.Press($"fb:s:{visit}:9");
        await chat.Expect("feedback.ask_review");
        await chat.Press($"fb:skip:{visit}");
        await chat.Expect("feedback.thanks");

        // The survey sent again (a retry) and answered again: still one answer, with the new score.
        await SendSurveyAsync(item, Language.Kk);
        await chat.Expect("feedback.survey_intro");
        await chat.Press($"fb:s:{visit}:6");
        await chat.Expect("feedback.ask_reasons");

        Assert.Equal(1, await env.QueryAsync(db => db.Feedback.CountAsync(f => f.AppointmentId == visit)));
        Assert.Equal(6, (await AnswerAsync(visit))!.Score);
    }

    [Fact]
    public async Task WithoutAFulfilledVisitThereIsNothingToRate()
    {
        var chat = await RegisteredAsync(Language.Ru);

        await chat.Tap("menu.feedback");

        await chat.Expect("feedback.none");
    }

    [Fact]
    public async Task AForgedScoreForAnotherPatientsVisitIsRefused()
    {
        var owner = await RegisteredAsync(Language.Ru);
        var visit = await env.FulfilledVisitAsync(owner.Id);
        var stranger = await RegisteredAsync(Language.Ru);
        await stranger.Tap("menu.feedback");
        var none = await stranger.Expect("feedback.none");

        await stranger.User.PressCallback(none.MessageId, $"fb:s:{visit}:0");

        await stranger.Expect("feedback.visit_gone");
        Assert.Null(await AnswerAsync(visit));
    }

    [Fact]
    public async Task AStaleReasonButtonIsAnsweredAfterTheFlowEnded()
    {
        var chat = await RegisteredAsync(Language.Ru);
        var visit = await env.FulfilledVisitAsync(chat.Id);
        await chat.Tap("menu.feedback");
        await chat.Expect("feedback.question");
        await chat.Press($"fb:s:{visit}:2");
        var reasons = await chat.Expect("feedback.ask_reasons");
        await chat.Say("Всё было плохо");
        await chat.Expect("feedback.thanks_detractor");

        await chat.User.PressCallback(reasons.MessageId, $"fb:r:{visit}:price");

        await chat.ExpectCallbackAnswer("common.stale_button");
        Assert.Equal("", (await AnswerAsync(visit))!.Reasons);
    }

    private async Task<int> SendSurveyAsync(OutboxItemDto item, Language language)
    {
        var renderer = env.Bot.Services.GetServices<IOutboxRenderer>().Single(r => r.Kind == OutboxKinds.NpsSurvey);
        Assert.IsType<NpsSurveyRenderer>(renderer);
        var bot = new TelegramBotClient(new TelegramBotClientOptions(env.Telegram.Token, env.Telegram.BaseUrl));
        var texts = env.Bot.Services.GetRequiredService<Localizer>().For(language);
        return await renderer.SendAsync(new OutboxSend(item, texts, bot, env.Bot.Services), TestContext.Current.CancellationToken);
    }
}
