using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Clinic.Telegram.Fake;

namespace Clinic.Bot.Tests.Features.Documents;

public sealed class CertificateWizardTests(DocumentsEnvironment env) : IClassFixture<DocumentsEnvironment>
{
    [Fact]
    public async Task A_visit_certificate_for_work_is_asked_for_step_by_step_and_arrives_as_a_pdf()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await env.VisitAsync(chat, AppointmentStatus.Arrived);

        await chat.Tap("menu.documents");
        await chat.Expect("documents.empty");
        await chat.Press("dc:req");
        await chat.Expect("documents.choose_kind");
        await chat.Press("dc:k:visit");
        await chat.Expect("documents.choose_visit");
        await chat.Press("dc:v:");
        await chat.Expect("documents.ask_organization");
        await chat.Say("ТОО «Ромашка»");
        await chat.Expect("documents.generating");

        var sent = await chat.User.WaitForMessage(m => m.Document is not null, ChatDriver.Wait, TestContext.Current.CancellationToken);
        Assert.Contains(chat.Texts["documents.kind.visit_certificate"], sent.Caption);
        var text = DocumentsEnvironment.PdfText(sent.Document!.Content);
        Assert.Contains(Scenarios.NameRu, text);
        Assert.Contains("ТОО «Ромашка»", text);

        await chat.Tap("menu.documents");
        var list = await chat.Expect("documents.title");
        Assert.Single(list.InlineButtons, b => b.CallbackData!.StartsWith("dc:get:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sport_certificate_in_kazakh_names_the_sport_and_needs_a_fulfilled_consultation()
    {
        var chat = env.NewUser("kk");
        await Scenarios.RegisterAsync(chat, Language.Kk, "Сәрсенова Әйгерім Қуанышқызы");
        await env.VisitAsync(chat, AppointmentStatus.Fulfilled);

        await chat.Tap("menu.documents");
        await chat.Expect("documents.empty");
        await chat.Press("dc:req");
        await chat.Expect("documents.choose_kind");
        await chat.Press("dc:k:sport");
        await chat.Expect("documents.choose_visit");
        await chat.Press("dc:v:");
        await chat.Expect("documents.ask_sport");
        await chat.Say("жүзу, «Дельфин» бассейні");

        var sent = await chat.User.WaitForMessage(m => m.Document is not null, ChatDriver.Wait, TestContext.Current.CancellationToken);
        Assert.Contains(chat.Texts["documents.kind.sport_certificate"], sent.Caption);
        var text = DocumentsEnvironment.PdfText(sent.Document!.Content);
        Assert.Contains("Сәрсенова Әйгерім Қуанышқызы", text);
        Assert.Contains("«Дельфин»", text);
    }

    [Fact]
    public async Task Without_a_visit_the_bot_explains_that_the_certificate_needs_one()
    {
        var chat = env.NewUser("en");
        await Scenarios.RegisterAsync(chat, Language.En);
        await env.VisitAsync(chat, AppointmentStatus.Arrived);

        await chat.Tap("menu.documents");
        await chat.Expect("documents.empty");
        await chat.Press("dc:req");
        await chat.Expect("documents.choose_kind");
        await chat.Press("dc:k:sport");
        await chat.Expect("documents.no_sport_visit");
        Assert.DoesNotContain(chat.User.Messages, m => m.Document is not null);
    }

    [Fact]
    public async Task The_apis_refusal_for_lack_of_a_supporting_visit_is_explained_in_the_patients_language()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await env.VisitAsync(chat, AppointmentStatus.Fulfilled);

        await chat.Tap("menu.documents");
        await chat.Expect("documents.empty");
        await chat.Press("dc:req");
        await chat.Expect("documents.choose_kind");
        await chat.Press("dc:k:sport");
        await chat.Expect("documents.choose_visit");
        await chat.Press("dc:v:");
        await chat.Expect("documents.ask_sport");

        // The consultation grows too old while the patient is typing: the API refuses with no_supporting_visit.
        env.Clock.Advance(TimeSpan.FromDays(91));
        await chat.Say("плавание");
        var refusal = await chat.Expect("documents.no_sport_visit");
        Assert.Contains("90", refusal.VisibleText);
        Assert.DoesNotContain(chat.User.Messages, m => m.Document is not null);

        await chat.Say("плавание");
        await chat.Expect("common.unknown_input");
    }

    [Fact]
    public async Task Text_that_is_too_long_is_refused_and_cancel_leaves_the_wizard()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await env.VisitAsync(chat, AppointmentStatus.Arrived);

        await chat.Tap("menu.documents");
        await chat.Expect("documents.empty");
        await chat.Press("dc:req");
        await chat.Expect("documents.choose_kind");
        await chat.Press("dc:k:visit");
        await chat.Expect("documents.choose_visit");
        await chat.Press("dc:v:");
        await chat.Expect("documents.ask_organization");
        await chat.Say(new string('я', 201));
        await chat.Expect("documents.too_long");
        await chat.Press("dc:x");
        await chat.Expect("common.cancelled");
        await chat.Say("ТОО «Ромашка»");
        await chat.Expect("common.unknown_input");
        Assert.DoesNotContain(chat.User.Messages, m => m.Document is not null);
    }
}
