using Clinic.Bot.ClinicApi;
using Clinic.Bot.Notifications;
using Clinic.Contracts;
using Telegram.Bot;

namespace Clinic.Bot.Features.Feedback;

/// <summary>
/// The survey the clinic sends after a fulfilled visit (outbox kind <c>nps_survey</c>, payload <c>{ "appointment_id": id }</c>):
/// the visit's doctor, service and date with the 0–10 buttons. A press continues in <see cref="FeedbackFlow"/>.
/// </summary>
public sealed class NpsSurveyRenderer : IOutboxRenderer
{
    public string Kind => OutboxKinds.NpsSurvey;

    public async Task<int> SendAsync(OutboxSend send, CancellationToken cancellationToken)
    {
        var item = send.Item;
        if (!item.Payload.TryGetProperty("appointment_id", out var idElement) || !idElement.TryGetInt64(out var appointmentId))
        {
            throw new InvalidOperationException($"Outbox message {item.Id}: an nps_survey payload needs appointment_id.");
        }

        var api = send.Services.GetRequiredService<ClinicApiClient>();
        var visit = await api.GetFeedbackVisit(appointmentId, item.TelegramId, cancellationToken);
        if (visit.IsUnavailable)
        {
            throw new HttpRequestException($"The clinic API is unavailable: {visit.Error?.Message}");
        }

        if (!visit.IsSuccess)
        {
            throw new InvalidOperationException($"Outbox message {item.Id}: visit {appointmentId} cannot be rated ({visit.ErrorCode}).");
        }

        var texts = send.Texts;
        var text = texts["feedback.survey_intro"] + "\n\n" + FeedbackSurvey.Question(texts, visit.Value!);
        var message = await send.Bot.SendMessage(item.TelegramId, text, replyMarkup: FeedbackSurvey.Scores(appointmentId), cancellationToken: cancellationToken);
        return message.MessageId;
    }
}
