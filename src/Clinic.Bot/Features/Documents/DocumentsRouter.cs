using Clinic.Bot.ClinicApi;
using Clinic.Bot.Telegram;
using static Clinic.Bot.Telegram.BotContextCapabilities;

namespace Clinic.Bot.Features.Documents;

/// <summary>The documents list and the certificate wizard ("dc:..."), and how a wizard step is shown again after unexpected input.</summary>
public static class DocumentsRouter
{
    public static Router Create() => new Router("documents")
        .OnCallback("dc:pg", DocumentsList.OnPageAsync)
        .OnCallback("dc:get", DocumentsList.OnDocumentAsync)
        .OnCallback("dc:req", Requiring(ApiExtension.CertificateVisits, CertificateWizard.StartAsync))
        .OnCallback("dc:k", Requiring(ApiExtension.CertificateVisits, CertificateWizard.OnKindAsync))
        .OnCallback("dc:v", Requiring(ApiExtension.CertificateVisits, CertificateWizard.OnVisitAsync))
        .OnCallback("dc:skip", CertificateWizard.OnSkipOrganizationAsync)
        .OnCallback("dc:x", CertificateWizard.OnCancelAsync)
        .OnState(CertificateWizard.Organization, CertificateWizard.OnOrganizationAsync)
        .OnState(CertificateWizard.Sport, CertificateWizard.OnSportAsync)
        .Prompt(CertificateWizard.StatePrefix, CertificateWizard.PromptAsync);
}
