using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Clinic.Telegram.Fake;

namespace Clinic.Bot.Tests.Features.Documents;

public sealed class DocumentsListTests(DocumentsEnvironment env) : IClassFixture<DocumentsEnvironment>
{
    [Fact]
    public async Task The_list_shows_each_document_by_kind_and_date_and_a_tap_sends_its_pdf()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        var visit = await env.VisitAsync(chat, AppointmentStatus.Arrived);
        var generated = (await env.ApiClient().GenerateDocument(
            new GenerateDocumentRequest(chat.Id, DocumentKind.VisitCertificate, visit.Id, "ТОО «Ромашка»"), TestContext.Current.CancellationToken)).Value!;
        var actionsBefore = env.Telegram.Counters.CallsOf("sendChatAction");

        await chat.Tap("menu.documents");
        var list = await chat.Expect("documents.title");
        var expectedLabel = chat.Texts.Format("documents.item",
            ("kind", chat.Texts["documents.kind.visit_certificate"]), ("date", generated.IssueDate.ToString("dd.MM.yyyy")));
        Assert.Contains(list.InlineButtons, b => b.Text == expectedLabel && b.CallbackData == $"dc:get:{generated.Id}");

        await chat.Press($"dc:get:{generated.Id}");
        var sent = await chat.User.WaitForMessage(m => m.Document is not null, ChatDriver.Wait, TestContext.Current.CancellationToken);
        Assert.Equal("application/pdf", sent.Document!.MimeType);
        Assert.EndsWith(".pdf", sent.Document.FileName);
        var text = DocumentsEnvironment.PdfText(sent.Document.Content);
        Assert.Contains(Scenarios.NameRu, text);
        Assert.Contains(generated.Number, text);
        Assert.True(env.Telegram.Counters.CallsOf("sendChatAction") > actionsBefore, "no upload_document chat action was sent");
    }

    [Fact]
    public async Task A_long_list_is_paged()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.En);
        var visit = await env.VisitAsync(chat, AppointmentStatus.Arrived);
        var api = env.ApiClient();
        for (var i = 0; i < 9; i++)
        {
            Assert.True((await api.GenerateDocument(new GenerateDocumentRequest(chat.Id, DocumentKind.VisitCertificate, visit.Id), TestContext.Current.CancellationToken)).IsSuccess);
        }

        await chat.Tap("menu.documents");
        var first = await chat.Expect("documents.title");
        Assert.Equal(8, first.InlineButtons.Count(b => b.CallbackData!.StartsWith("dc:get:", StringComparison.Ordinal)));
        Assert.Contains(chat.Texts.Format("documents.page", ("page", 1), ("pages", 2)), first.VisibleText);

        await chat.Press("dc:pg:1");
        var second = await chat.Expect("documents.page");
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Single(second.InlineButtons, b => b.CallbackData!.StartsWith("dc:get:", StringComparison.Ordinal));
        Assert.Contains(second.InlineButtons, b => b.CallbackData == "dc:pg:0");
    }

    [Fact]
    public async Task Another_patients_document_id_in_forged_callback_data_is_refused()
    {
        var owner = env.NewUser();
        var intruder = env.NewUser();
        await Task.WhenAll(Scenarios.RegisterAsync(owner, Language.Ru), Scenarios.RegisterAsync(intruder, Language.Ru, "Сидоров Иван"));
        var visit = await env.VisitAsync(owner, AppointmentStatus.Arrived);
        var generatedResult = await env.ApiClient().GenerateDocument(new GenerateDocumentRequest(owner.Id, DocumentKind.VisitCertificate, visit.Id), TestContext.Current.CancellationToken);
        Assert.True(generatedResult.IsSuccess, System.Text.Json.JsonSerializer.Serialize(generatedResult));
        var document = generatedResult.Value!;

        await intruder.Tap("menu.documents");
        var empty = await intruder.Expect("documents.empty");
        await intruder.User.PressCallback(empty.MessageId, $"dc:get:{document.Id}");
        await intruder.Expect("documents.not_found");
        Assert.DoesNotContain(intruder.User.Messages, m => m.Document is not null);
    }

    [Fact]
    public async Task An_unregistered_user_is_sent_to_registration()
    {
        var chat = env.NewUser();
        await chat.Say("/start");
        await chat.Expect("start.choose_language");
        await chat.Press("lang:ru");
        await chat.Expect("registration.consent_text");

        await chat.Say(chat.Texts["menu.documents"]);
        await chat.Expect("common.not_registered");
    }
}
