using Clinic.Bot.Features.Menu;
using Clinic.Bot.Features.Registration;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot.Types;

namespace Clinic.Bot.Features.Support;

/// <summary>New ticket: topic → description → optional photo or file (or skip) → created, and the patient is told its number.</summary>
public static class TicketWizard
{
    public const string Topic = "support.topic";
    public const string Description = "support.desc";
    public const string File = "support.file";

    public const int MinDescriptionLength = 5;
    public const int MaxDescriptionLength = 2000;

    public static async Task OnNewAsync(BotContext context)
    {
        await context.AnswerCallbackAsync();
        await StartAsync(context, description: null);
    }

    /// <summary>"Didn't help — contact support": the question the patient typed becomes the description.</summary>
    public static async Task OnDidNotHelpAsync(BotContext context)
    {
        await context.AnswerCallbackAsync();
        await StartAsync(context, context.State == SupportMenu.Ask ? context.Data["desc"] : null);
    }

    private static async Task StartAsync(BotContext context, string? description)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
            return;
        context.ClearFlow();
        context.Data["desc"] = description;
        context.State = Topic;
        await AskTopicAsync(context);
    }

    public static Task AskTopicAsync(BotContext context)
    {
        var rows = Enum.GetValues<TicketTopic>()
            .Select(t => new[] { Keyboards.Button(context.Texts[$"support.topic.{SupportMenu.TopicName(t)}"], "sp", "tp", SupportMenu.TopicName(t)) })
            .Append([Keyboards.Button(context.Texts["common.cancel"], "sp", "menu")]);
        var text = context.Data["desc"] is { } prefilled
            ? context.Texts.Format("support.choose_topic_prefilled", ("text", prefilled))
            : context.Texts["support.choose_topic"];
        return context.ShowAsync(text, Keyboards.Inline(rows));
    }

    public static async Task OnTopicAsync(BotContext context)
    {
        var parts = context.CallbackParts;
        if (context.State != Topic || parts.Length != 3 || !Enum.TryParse<TicketTopic>(parts[2], ignoreCase: true, out var topic) ||
            !Enum.IsDefined(topic) || char.IsDigit(parts[2][0]))
            throw new StaleButtonException();
        await context.AnswerCallbackAsync();
        await context.CloseButtonsAsync();
        context.Data["topic"] = SupportMenu.TopicName(topic);
        if (context.Data["desc"] is not null)
        {
            context.State = File;
            await AskFileAsync(context);
            return;
        }
        context.State = Description;
        await AskDescriptionAsync(context);
    }

    public static Task AskDescriptionAsync(BotContext context) =>
        context.SendAsync(context.Texts.Format("support.ask_description", ("topic", context.Texts[$"support.topic.{context.Data["topic"]}"])));

    public static async Task OnDescriptionAsync(BotContext context)
    {
        var text = context.Message?.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            await context.SendAsync(context.Texts["support.description_text_only"]);
            return;
        }
        if (text.Length < MinDescriptionLength)
        {
            await context.SendAsync(context.Texts.Format("support.description_too_short", ("min", MinDescriptionLength)));
            return;
        }
        if (text.Length > MaxDescriptionLength)
        {
            await context.SendAsync(context.Texts.Format("support.description_too_long", ("max", MaxDescriptionLength)));
            return;
        }
        context.Data["desc"] = text;
        context.State = File;
        await AskFileAsync(context);
    }

    public static Task AskFileAsync(BotContext context) =>
        context.SendAsync(context.Texts["support.ask_file"], Keyboards.Inline([[Keyboards.Button(context.Texts["support.skip_file"], "sp", "skip")]]));

    public static async Task OnFileAsync(BotContext context)
    {
        if (Attachment(context.Message) is not { } attachment)
        {
            await context.SendAsync(context.Texts["support.file_expected"]);
            await AskFileAsync(context);
            return;
        }
        await CreateAsync(context, attachment);
    }

    public static async Task OnSkipFileAsync(BotContext context)
    {
        if (context.State != File)
            throw new StaleButtonException();
        await context.AnswerCallbackAsync();
        await context.CloseButtonsAsync();
        await CreateAsync(context, attachment: null);
    }

    private static async Task CreateAsync(BotContext context, TicketAttachmentDto? attachment)
    {
        if (!Enum.TryParse<TicketTopic>(context.Data["topic"], ignoreCase: true, out var topic) || context.Data["desc"] is not { } description)
        {
            await MainMenu.ShowAsync(context, "common.error");
            return;
        }
        var result = await context.Api.CreateTicket(new CreateTicketRequest(context.UserId, topic, description, attachment), context.CancellationToken);
        if (await context.FailedAsync(result))
            return;
        context.ClearFlow();
        var ticket = result.Value!;
        await context.SendAsync(context.Texts.Format("support.created", ("number", ticket.Number)),
            Keyboards.Inline([[Keyboards.Button(context.Texts["support.my_tickets"], "sp", "my", 0)]]));
        await AttachmentCopies.KeepAsync(context, ticket.Id, ticket.Messages[0]);
    }

    /// <summary>The photo (its largest size) or the file of a message, as the clinic keeps it: Telegram's file id.</summary>
    public static TicketAttachmentDto? Attachment(Message? message)
    {
        if (message?.Photo is { Length: > 0 } sizes)
            return new TicketAttachmentDto(TicketAttachmentKind.Photo, sizes.MaxBy(p => p.Width * p.Height)!.FileId, ContentType: "image/jpeg");
        if (message?.Document is { } document)
            return new TicketAttachmentDto(TicketAttachmentKind.Document, document.FileId, Truncate(document.FileName, 255), Truncate(document.MimeType, 100));
        return null;
    }

    private static string? Truncate(string? value, int max) => value is { } v && v.Length > max ? v[..max] : value;
}
