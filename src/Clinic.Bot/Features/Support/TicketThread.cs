using System.Text;
using Clinic.Bot.ClinicApi;
using Clinic.Bot.Features.Registration;
using Clinic.Bot.Localization;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Support;

/// <summary>"My tickets": the list with statuses (paged), one ticket's thread, and answering in it.</summary>
public static class TicketThread
{
    public const string Reply = "support.reply";
    public const int PageSize = 6;

    // The clinic's zone for message times; tickets are not tied to a branch.
    private const string ClinicTimeZone = "Asia/Almaty";
    private const int MaxThreadLength = 3500;

    public static async Task OnListAsync(BotContext context)
    {
        var page = CallbackData.TryLong(context.CallbackParts, 2, out var p) && p >= 0 ? (int)p : 0;
        if (await RegistrationGate.RequirePatientAsync(context) is null)
            return;
        await context.AnswerCallbackAsync();
        var result = await context.Api.GetMyTickets(context.UserId, context.CancellationToken);
        if (await context.FailedAsync(result))
            return;
        var tickets = result.Value!.Items;
        if (tickets.Count == 0)
        {
            await context.ShowAsync(context.Texts["support.no_tickets"], Keyboards.Inline(
            [
                [Keyboards.Button(context.Texts["support.new_ticket"], "sp", "new")],
                [Keyboards.Button(context.Texts["common.back"], "sp", "menu")],
            ]));
            return;
        }
        var pages = (tickets.Count + PageSize - 1) / PageSize;
        page = Math.Min(page, pages - 1);
        var rows = tickets.Skip(page * PageSize).Take(PageSize)
            .Select(t => new List<InlineKeyboardButton> { Keyboards.Button(ListLine(t), "sp", "t", t.Id) }).ToList();
        var paging = new List<InlineKeyboardButton>();
        if (page > 0) paging.Add(Keyboards.Button(context.Texts["common.prev_page"], "sp", "my", page - 1));
        if (page < pages - 1) paging.Add(Keyboards.Button(context.Texts["common.next_page"], "sp", "my", page + 1));
        if (paging.Count > 0) rows.Add(paging);
        rows.Add([Keyboards.Button(context.Texts["common.back"], "sp", "menu")]);
        await context.ShowAsync(context.Texts["support.tickets_title"], Keyboards.Inline(rows));
    }

    public static async Task OnOpenAsync(BotContext context)
    {
        if (!CallbackData.TryLong(context.CallbackParts, 2, out var id))
            throw new StaleButtonException();
        if (await LoadAsync(context, id) is not { } ticket)
            return;
        var rows = new List<List<InlineKeyboardButton>>();
        if (ticket.Status != TicketStatus.Closed)
            rows.Add([Keyboards.Button(context.Texts["support.reply"], "sp", "r", ticket.Id)]);
        rows.Add([Keyboards.Button(context.Texts["common.back"], "sp", "my", 0)]);
        await context.ShowAsync(Render(context.Texts, ticket), Keyboards.Inline(rows));
    }

    /// <summary>"Reply" under a ticket or under the clinic's answer: the next message goes into that ticket.</summary>
    public static async Task OnReplyAsync(BotContext context)
    {
        if (!CallbackData.TryLong(context.CallbackParts, 2, out var id))
            throw new StaleButtonException();
        if (await LoadAsync(context, id) is not { } ticket)
            return;
        if (ticket.Status == TicketStatus.Closed)
        {
            await context.SendAsync(context.Texts["support.ticket_closed"]);
            return;
        }
        context.ClearFlow();
        context.State = Reply;
        context.Data["ticket"] = ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.SendAsync(context.Texts.Format("support.reply_prompt", ("number", ticket.Number)));
    }

    public static async Task OnReplyMessageAsync(BotContext context)
    {
        if (context.Data.Long("ticket") is not { } ticketId)
        {
            await SupportMenu.ShowAsync(context);
            return;
        }
        var attachment = TicketWizard.Attachment(context.Message);
        var text = (context.Message?.Text ?? context.Message?.Caption)?.Trim();
        if (string.IsNullOrEmpty(text))
            text = attachment is null ? null : attachment.FileName ?? "📎";
        if (text is null)
        {
            await context.SendAsync(context.Texts["support.reply_text_only"]);
            return;
        }
        if (text.Length > TicketWizard.MaxDescriptionLength)
        {
            await context.SendAsync(context.Texts.Format("support.description_too_long", ("max", TicketWizard.MaxDescriptionLength)));
            return;
        }
        var result = await context.Api.AddTicketMessage(ticketId, new AddTicketMessageRequest(context.UserId, text, attachment), context.CancellationToken);
        if (!result.IsSuccess && !result.IsUnavailable && result.Error?.Code is ErrorCodes.TicketClosed or ErrorCodes.NotFound)
        {
            context.ClearFlow();
            await context.SendAsync(context.Texts[result.Error.Code == ErrorCodes.TicketClosed ? "support.ticket_closed" : "support.ticket_not_found"]);
            return;
        }
        if (await context.FailedAsync(result))
            return;
        context.ClearFlow();
        await context.SendAsync(context.Texts["support.reply_sent"], Keyboards.Inline([[Keyboards.Button(context.Texts["support.open_ticket"], "sp", "t", ticketId)]]));
        await AttachmentCopies.KeepAsync(context, ticketId, result.Value!);
    }

    private static async Task<TicketDto?> LoadAsync(BotContext context, long id)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
            return null;
        await context.AnswerCallbackAsync();
        var result = await context.Api.GetMyTicket(id, context.UserId, context.CancellationToken);
        if (!result.IsSuccess && !result.IsUnavailable && result.StatusCode == 404)
        {
            await context.SendAsync(context.Texts["support.ticket_not_found"]);
            return null;
        }
        return await context.FailedAsync(result) ? null : result.Value;
    }

    private static string ListLine(TicketSummaryDto ticket)
    {
        var line = $"{StatusIcon(ticket.Status)} {ticket.Number} · {ticket.Subject}";
        return line.Length <= 60 ? line : line[..59] + "…";
    }

    private static string StatusIcon(TicketStatus status) => status switch
    {
        TicketStatus.Open => "🟡",
        TicketStatus.Answered => "🟢",
        _ => "⚪️",
    };

    /// <summary>The ticket's header and its latest messages that fit one Telegram message.</summary>
    public static string Render(Texts texts, TicketDto ticket)
    {
        var header = texts.Format("support.ticket_header",
            ("number", ticket.Number),
            ("topic", texts[$"support.topic.{SupportMenu.TopicName(ticket.Topic)}"]),
            ("status", $"{StatusIcon(ticket.Status)} {texts[$"support.status.{ticket.Status.ToString().ToLowerInvariant()}"]}"));
        var blocks = new List<string>();
        var length = header.Length;
        foreach (var message in ticket.Messages.Reverse())
        {
            var author = texts[message.Author == TicketAuthor.Staff ? "support.author_staff" : "support.author_patient"];
            var block = new StringBuilder($"{author} · {texts.DateTime(message.CreatedAt, ClinicTimeZone)}\n{message.Text}");
            if (message.Attachment is { } attachment)
                block.Append("\n📎 ").Append(texts[attachment.Kind == TicketAttachmentKind.Photo ? "support.attachment_photo" : "support.attachment_file"]);
            if (length + block.Length + 2 > MaxThreadLength)
                break;
            length += block.Length + 2;
            blocks.Insert(0, block.ToString());
        }
        return header + "\n\n" + string.Join("\n\n", blocks);
    }
}
