using Clinic.Bot.ClinicApi;
using Clinic.Bot.Features.Registration;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Support;

/// <summary>
/// The "Support" section: FAQ, my tickets, new ticket. While it is open, a typed question is matched against the FAQ
/// first, with "Didn't help — contact support" opening the ticket wizard with the question as its description.
/// </summary>
public static class SupportMenu
{
    public const string Ask = "support.ask";

    // A question is kept as a ticket's description; longer text would not fit one.
    private const int MaxQuestionLength = 500;
    private const int MaxMessageLength = 4000;

    public static async Task ShowAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
            return;
        context.ClearFlow();
        context.State = Ask;
        await context.ShowAsync(context.Texts["support.menu"], Keyboard(context));
    }

    public static async Task OnMenuAsync(BotContext context)
    {
        await context.AnswerCallbackAsync();
        await ShowAsync(context);
    }

    /// <summary>A free-text question while Support is open: FAQ answers first, then the way to a ticket.</summary>
    public static async Task OnQuestionAsync(BotContext context)
    {
        var question = context.Message?.Text?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            await context.SendAsync(context.Texts["support.question_text_only"]);
            await ShowAsync(context);
            return;
        }
        if (question.Length > MaxQuestionLength)
        {
            await context.SendAsync(context.Texts.Format("support.question_too_long", ("max", MaxQuestionLength)));
            return;
        }

        // Without FAQ search (the original API) the question goes to support as it is.
        var result = context.Offers(ApiExtension.FaqSearch)
            ? await context.Api.SearchFaq(question, context.Texts.Language, context.CancellationToken)
            : ApiResult<FaqSearchResponse>.Success(new FaqSearchResponse(context.Texts.Language, []));
        if (await context.FailedAsync(result))
            return;
        context.Data["desc"] = question;
        var contact = Keyboards.Button(context.Texts["support.did_not_help"], "sp", "nf");
        if (result.Value!.Items.Count == 0)
        {
            await context.SendAsync(context.Texts["support.faq_nothing"],
                Keyboards.Inline([[Keyboards.Button(context.Texts["support.contact"], "sp", "nf")], [Keyboards.Button(context.Texts["support.faq"], "sp", "faq")]]));
            return;
        }

        var answers = string.Join("\n\n", result.Value.Items.Select(m => $"❓ {m.Entry.Question}\n{m.Entry.Answer}"));
        var text = context.Texts["support.faq_found"] + "\n\n" + answers;
        if (text.Length > MaxMessageLength)
            text = text[..(MaxMessageLength - 1)] + "…";
        await context.SendAsync(text, Keyboards.Inline([[contact], [Keyboards.Button(context.Texts["support.faq"], "sp", "faq")]]));
    }

    private static InlineKeyboardMarkup Keyboard(BotContext context)
    {
        var faq = Keyboards.Button(context.Texts["support.faq"], "sp", "faq");
        var ticket = Keyboards.Button(context.Texts["support.new_ticket"], "sp", "new");
        // The original API creates tickets but cannot list them.
        return context.Offers(ApiExtension.TicketThreads)
            ? Keyboards.Inline([[faq], [Keyboards.Button(context.Texts["support.my_tickets"], "sp", "my", 0)], [ticket]])
            : Keyboards.Inline([[faq], [ticket]]);
    }

    public static string TopicName(TicketTopic topic) => topic.ToString().ToLowerInvariant();
}
