using System.Globalization;
using Clinic.Bot.Features.Registration;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Documents;

/// <summary>
/// "Request a certificate": kind (visit certificate for work or school, or fitness for sport or a pool) → the visit
/// it rests on (from the API's list of visits that can back that kind) → the kind's field (the organisation, which
/// may be skipped; the sport, which may not) → the generated PDF is sent. The API decides what a visit supports;
/// its refusal is explained in the patient's language.
/// </summary>
public static class CertificateWizard
{
    public const string StatePrefix = "dc:";
    public const string Kind = "dc:kind";
    public const string Visit = "dc:visit";
    public const string Organization = "dc:org";
    public const string Sport = "dc:sport";

    /// <summary>The API's limits (DocumentsApi): longer input is refused here, before the request.</summary>
    public const int MaxOrganizationLength = 200;
    public const int MaxSportLength = 100;

    /// <summary>The visits offered, latest first; the API gives at most 20.</summary>
    public const int MaxVisitsShown = 10;

    /// <summary>How recent the consultation behind a sport certificate must be (the API's SupportingVisits.SportExamValidDays).</summary>
    public const int SportExamValidDays = 90;

    private const string VisitKind = "visit";
    private const string SportKind = "sport";

    public static async Task StartAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
        {
            return;
        }

        await context.AnswerCallbackAsync();
        context.ClearFlow();
        context.EditPressedMessage = false;
        await AskKindAsync(context);
    }

    public static async Task OnKindAsync(BotContext context)
    {
        RequireStep(context, Kind);
        var kind = context.CallbackParts.ElementAtOrDefault(2);
        if (kind is not (VisitKind or SportKind))
        {
            throw new StaleButtonException();
        }

        await context.AnswerCallbackAsync();
        context.Data["kind"] = kind;
        await AskVisitAsync(context);
    }

    public static async Task OnVisitAsync(BotContext context)
    {
        RequireStep(context, Visit);
        if (!CallbackData.TryLong(context.CallbackParts, 2, out var id) || id <= 0)
        {
            throw new StaleButtonException();
        }

        await context.AnswerCallbackAsync();
        context.Data["appt"] = id.ToString(CultureInfo.InvariantCulture);
        await AskFieldAsync(context);
    }

    public static async Task OnOrganizationAsync(BotContext context)
    {
        var text = context.Message?.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            await context.SendAsync(context.Texts["common.unknown_input"]);
            await AskFieldAsync(context);
            return;
        }

        if (text.Length > MaxOrganizationLength)
        {
            await context.SendAsync(context.Texts.Format("documents.too_long", ("max", MaxOrganizationLength)));
            return;
        }

        await context.CloseStepButtonsAsync();
        await GenerateAsync(context, organization: text, sport: null);
    }

    public static async Task OnSkipOrganizationAsync(BotContext context)
    {
        RequireStep(context, Organization);
        await context.AnswerCallbackAsync();
        await context.CloseButtonsAsync();
        await GenerateAsync(context, organization: null, sport: null);
    }

    public static async Task OnSportAsync(BotContext context)
    {
        var text = context.Message?.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.StartsWith('/'))
        {
            await context.SendAsync(context.Texts["common.unknown_input"]);
            await AskFieldAsync(context);
            return;
        }

        if (text.Length > MaxSportLength)
        {
            await context.SendAsync(context.Texts.Format("documents.too_long", ("max", MaxSportLength)));
            return;
        }

        await context.CloseStepButtonsAsync();
        await GenerateAsync(context, organization: null, sport: text);
    }

    public static async Task OnCancelAsync(BotContext context)
    {
        if (context.State?.StartsWith(StatePrefix, StringComparison.Ordinal) != true)
        {
            throw new StaleButtonException();
        }

        await context.AnswerCallbackAsync();
        context.ClearFlow();
        await context.ShowAsync(context.Texts["common.cancelled"], null);
    }

    /// <summary>Shows the current step again, as a new message.</summary>
    public static Task PromptAsync(BotContext context)
    {
        context.EditPressedMessage = false;
        return context.State switch
        {
            Kind => AskKindAsync(context),
            Visit => AskVisitAsync(context),
            Organization or Sport => AskFieldAsync(context),
            _ => Task.CompletedTask,
        };
    }

    private static Task AskKindAsync(BotContext context)
    {
        var texts = context.Texts;
        return ShowStepAsync(context, Kind, texts["documents.choose_kind"],
        [
            [Keyboards.Button(texts["documents.kind_visit"], "dc", "k", VisitKind)],
            [Keyboards.Button(texts["documents.kind_sport"], "dc", "k", SportKind)],
        ]);
    }

    private static async Task AskVisitAsync(BotContext context)
    {
        var kind = ChosenKind(context);
        var result = await context.Api.GetCertificateVisits(context.UserId, kind, context.CancellationToken);
        if (await context.FailedAsync(result))
        {
            return;
        }

        var texts = context.Texts;
        var visits = result.Value!.Items;
        if (visits.Count == 0)
        {
            context.ClearFlow();
            await context.ShowAsync(NoSupportingVisit(context, kind), null);
            return;
        }

        var rows = visits.Take(MaxVisitsShown)
            .Select(v => new List<InlineKeyboardButton>
            {
                Keyboards.Button(texts.Format("documents.visit_item", ("date", texts.DateTime(v.Start, v.Branch.TimeZone)), ("service", texts.Name(v.Service))),
                    "dc", "v", v.Id),
            })
            .ToList();
        await ShowStepAsync(context, Visit, texts["documents.choose_visit"], rows);
    }

    private static Task AskFieldAsync(BotContext context)
    {
        var texts = context.Texts;
        return ChosenKind(context) == DocumentKind.SportCertificate
            ? ShowStepAsync(context, Sport, texts["documents.ask_sport"], [])
            : ShowStepAsync(context, Organization, texts["documents.ask_organization"],
                [[Keyboards.Button(texts["documents.skip_organization"], "dc", "skip")]]);
    }

    private static async Task GenerateAsync(BotContext context, string? organization, string? sport)
    {
        var kind = ChosenKind(context);
        var visitId = context.Data.Long("appt") ?? throw new StaleButtonException();
        var texts = context.Texts;
        await context.SendAsync(texts["documents.generating"]);
        DocumentDto document;
        await using (ChatActionPulse.Start(context, ChatAction.UploadDocument))
        {
            var result = await context.Api.GenerateDocument(new GenerateDocumentRequest(context.UserId, kind, visitId, organization, sport), context.CancellationToken);
            if (!result.IsSuccess)
            {
                await ExplainRefusalAsync(context, kind, result.IsUnavailable ? null : result.ErrorCode, result.IsUnavailable);
                return;
            }

            document = result.Value!;
        }

        context.ClearFlow();
        var caption = texts.Format("documents.ready", ("kind", DocumentsList.KindName(texts, document.Kind)), ("number", document.Number),
            ("date", DocumentsList.IssueDate(texts, document.IssueDate)));
        await DocumentsList.SendFileAsync(context, document.Id, caption);
    }

    /// <summary>Unavailable keeps the step (the next message retries); a refusal ends the wizard with its reason.</summary>
    private static async Task ExplainRefusalAsync(BotContext context, DocumentKind kind, string? code, bool unavailable)
    {
        if (unavailable)
        {
            await context.SendAsync(context.ErrorText(null, unavailable: true));
            return;
        }

        context.ClearFlow();
        var text = code switch
        {
            ErrorCodes.NoSupportingVisit => NoSupportingVisit(context, kind),
            ErrorCodes.NotFound => context.Texts["documents.visit_not_found"],
            _ => context.ErrorText(code),
        };
        await context.SendAsync(text);
    }

    private static string NoSupportingVisit(BotContext context, DocumentKind kind) => kind == DocumentKind.SportCertificate
        ? context.Texts.Format("documents.no_sport_visit", ("days", SportExamValidDays))
        : context.Texts["errors.no_supporting_visit"];

    private static async Task ShowStepAsync(BotContext context, string step, string text, List<List<InlineKeyboardButton>> rows)
    {
        rows.Add([Keyboards.Button(context.Texts["common.cancel"], "dc", "x")]);
        context.State = step;
        var messageId = await context.ShowAsync(text, Keyboards.Inline(rows));
        context.Data["msg"] = messageId.ToString(CultureInfo.InvariantCulture);
    }

    private static DocumentKind ChosenKind(BotContext context) => context.Data["kind"] switch
    {
        VisitKind => DocumentKind.VisitCertificate,
        SportKind => DocumentKind.SportCertificate,
        _ => throw new StaleButtonException(),
    };

    /// <summary>A press must belong to the step the wizard is in and to the message that shows it.</summary>
    private static void RequireStep(BotContext context, string step)
    {
        if (context.State != step || (context.Data.Long("msg") is { } current && context.Callback?.Message?.MessageId != current))
        {
            throw new StaleButtonException();
        }
    }

    /// <summary>After a typed answer, the step's buttons (Skip, Cancel) would only mislead: they are removed.</summary>
    private static async Task CloseStepButtonsAsync(this BotContext context)
    {
        if (context.Data.Long("msg") is not { } messageId)
        {
            return;
        }

        try
        {
            await context.Bot.EditMessageReplyMarkup(context.ChatId, (int)messageId, replyMarkup: null, cancellationToken: context.CancellationToken);
        }
        catch (ApiRequestException error) when (error.ErrorCode == 400)
        {
            // Already without buttons or too old: nothing to remove.
        }
    }
}
