using System.Globalization;
using Clinic.Bot.ClinicApi;
using Clinic.Bot.Features.Registration;
using Clinic.Bot.Localization;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Documents;

/// <summary>
/// The "Documents" menu: one button per document (kind and date, newest first, a page at a time) and
/// "Request a certificate". A press sends the file with sendDocument, only if the API says it is the patient's.
/// </summary>
public static class DocumentsList
{
    public const int PageSize = 8;

    public static Task ShowAsync(BotContext context)
    {
        context.ClearFlow();
        context.EditPressedMessage = false;
        return ShowPageAsync(context, 0);
    }

    /// <summary>"dc:pg:{page}": another page, in place.</summary>
    public static async Task OnPageAsync(BotContext context)
    {
        if (!CallbackData.TryLong(context.CallbackParts, 2, out var page) || page < 0)
        {
            throw new StaleButtonException();
        }

        await context.AnswerCallbackAsync();
        await ShowPageAsync(context, (int)Math.Min(page, int.MaxValue));
    }

    /// <summary>"dc:get:{id}": the file. The id comes from the user's client, so the API's owner check decides.</summary>
    public static async Task OnDocumentAsync(BotContext context)
    {
        if (!CallbackData.TryLong(context.CallbackParts, 2, out var id) || id <= 0)
        {
            throw new StaleButtonException();
        }

        if (await RegistrationGate.RequirePatientAsync(context) is null)
        {
            return;
        }

        await context.AnswerCallbackAsync();
        await SendFileAsync(context, id, caption: null);
    }

    /// <summary>Downloads document <paramref name="id"/> from the API and sends it, with "sending a file…" shown meanwhile.</summary>
    public static async Task SendFileAsync(BotContext context, long id, string? caption)
    {
        await using var pulse = ChatActionPulse.Start(context, ChatAction.UploadDocument);
        var file = await context.Api.DownloadDocument(id, context.UserId, context.CancellationToken);
        if (file.ErrorCode == ErrorCodes.NotFound)
        {
            await context.SendAsync(context.Texts["documents.not_found"]);
            return;
        }

        if (await context.FailedAsync(file))
        {
            return;
        }

        var document = file.Value!;
        await using var content = new MemoryStream(document.Content, writable: false);
        await context.Bot.SendDocument(context.ChatId, InputFile.FromStream(content, document.FileName), caption: caption,
            cancellationToken: context.CancellationToken);
    }

    private static async Task ShowPageAsync(BotContext context, int page)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
        {
            return;
        }

        var result = await context.Api.GetMyDocuments(context.UserId, context.CancellationToken);
        if (await context.FailedAsync(result))
        {
            return;
        }

        var texts = context.Texts;
        var documents = result.Value!.Items;
        // The certificate wizard needs documents/visits/, which the original API does not have.
        var request = context.Offers(ApiExtension.CertificateVisits)
            ? new List<InlineKeyboardButton> { Keyboards.Button(texts["documents.request"], "dc", "req") }
            : [];
        if (documents.Count == 0)
        {
            await context.ShowAsync(request.Count == 0 ? texts["documents.empty_without_request"] : texts["documents.empty"],
                request.Count == 0 ? null : Keyboards.Inline([request]));
            return;
        }

        var pages = (documents.Count + PageSize - 1) / PageSize;
        if (page >= pages)
        {
            throw new StaleButtonException();
        }

        var rows = documents.Skip(page * PageSize).Take(PageSize)
            .Select(d => new List<InlineKeyboardButton> { Keyboards.Button(Label(texts, d), "dc", "get", d.Id) })
            .ToList();
        var pager = new List<InlineKeyboardButton>();
        if (page > 0)
        {
            pager.Add(Keyboards.Button(texts["common.prev_page"], "dc", "pg", page - 1));
        }

        if (page < pages - 1)
        {
            pager.Add(Keyboards.Button(texts["common.next_page"], "dc", "pg", page + 1));
        }

        if (pager.Count > 0)
        {
            rows.Add(pager);
        }

        if (request.Count > 0)
        {
            rows.Add(request);
        }

        var title = pages > 1
            ? texts["documents.title"] + "\n" + texts.Format("documents.page", ("page", page + 1), ("pages", pages))
            : texts["documents.title"];
        await context.ShowAsync(title, Keyboards.Inline(rows));
    }

    /// <summary>"Visit certificate · 27.11.2026".</summary>
    public static string Label(Texts texts, DocumentDto document) =>
        texts.Format("documents.item", ("kind", KindName(texts, document.Kind)), ("date", IssueDate(texts, document.IssueDate)));

    public static string KindName(Texts texts, DocumentKind kind) => texts[$"documents.kind.{kind switch
    {
        DocumentKind.SportCertificate => "sport_certificate",
        DocumentKind.LabResult => "lab_result",
        DocumentKind.VisitSummary => "visit_summary",
        DocumentKind.Receipt => "receipt",
        _ => "visit_certificate",
    }}"];

    public static string IssueDate(Texts texts, DateOnly date) =>
        date.ToString(texts["documents.date_format"], CultureInfo.InvariantCulture);
}
