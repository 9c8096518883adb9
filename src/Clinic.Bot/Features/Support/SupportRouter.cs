using Clinic.Bot.ClinicApi;
using Clinic.Bot.Telegram;
using static Clinic.Bot.Telegram.BotContextCapabilities;

namespace Clinic.Bot.Features.Support;

/// <summary>Support's buttons ("sp:...") and typed answers: the FAQ, the patient's tickets and the new-ticket wizard.</summary>
public static class SupportRouter
{
    public static Router Create() => new Router("support")
        .OnCallback("sp:menu", SupportMenu.OnMenuAsync)
        .OnCallback("sp:faq", FaqBrowser.OnCategoriesAsync)
        .OnCallback("sp:fc", FaqBrowser.OnCategoryAsync)
        .OnCallback("sp:fe", FaqBrowser.OnEntryAsync)
        .OnCallback("sp:nf", TicketWizard.OnDidNotHelpAsync)
        .OnCallback("sp:new", TicketWizard.OnNewAsync)
        .OnCallback("sp:tp", TicketWizard.OnTopicAsync)
        .OnCallback("sp:skip", TicketWizard.OnSkipFileAsync)
        .OnCallback("sp:my", Requiring(ApiExtension.TicketThreads, TicketThread.OnListAsync))
        .OnCallback("sp:t", Requiring(ApiExtension.TicketThreads, TicketThread.OnOpenAsync))
        .OnCallback("sp:r", Requiring(ApiExtension.TicketThreads, TicketThread.OnReplyAsync))
        .OnState(SupportMenu.Ask, SupportMenu.OnQuestionAsync)
        .OnState(TicketWizard.Description, TicketWizard.OnDescriptionAsync)
        .OnState(TicketWizard.File, TicketWizard.OnFileAsync)
        .OnState(TicketThread.Reply, TicketThread.OnReplyMessageAsync)
        .Prompt(TicketWizard.Topic, TicketWizard.AskTopicAsync)
        .Prompt(TicketWizard.Description, TicketWizard.AskDescriptionAsync)
        .Prompt(TicketWizard.File, TicketWizard.AskFileAsync)
        .Prompt(SupportMenu.Ask, SupportMenu.ShowAsync);
}
