using Clinic.Bot.Telegram;

namespace Clinic.Bot.Features.Documents;

/// <summary>The documents list and the certificate wizard ("dc:..."), and how a wizard step is shown again after unexpected input.</summary>
public static class DocumentsRouter
{
    public static Router Create() => new Router("documents")
        .OnCallback("dc:pg", DocumentsList.OnPageAsync)
        .OnCallback("dc:get", DocumentsList.OnDocumentAsync)
        .OnCallback("dc:req", CertificateWizard.StartAsync)
        .OnCallback("dc:k", CertificateWizard.OnKindAsync)
        .OnCallback("dc:v", CertificateWizard.OnVisitAsync)
        .OnCallback("dc:skip", CertificateWizard.OnSkipOrganizationAsync)
        .OnCallback("dc:x", CertificateWizard.OnCancelAsync)
        .OnState(CertificateWizard.Organization, CertificateWizard.OnOrganizationAsync)
        .OnState(CertificateWizard.Sport, CertificateWizard.OnSportAsync)
        .Prompt(CertificateWizard.StatePrefix, CertificateWizard.PromptAsync);
}
