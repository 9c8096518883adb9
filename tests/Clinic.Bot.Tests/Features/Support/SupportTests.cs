using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Bot.Localization;
using Clinic.Bot.Notifications;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;

namespace Clinic.Bot.Tests.Features.Support;

/// <summary>Support end to end: the ticket wizard, staff replies reaching the right patient, the FAQ and its matching.</summary>
public sealed class SupportTests(SupportEnvironment env) : IClassFixture<SupportEnvironment>
{
    // The smallest valid PNG: 1x1 pixel.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<TicketDto> CreateTicketAsync(SupportEnvironment env, ChatDriver chat, string description)
    {
        await chat.Tap("menu.support");
        await chat.Expect("support.menu");
        await chat.Press("sp:new");
        await chat.Expect("support.choose_topic");
        await chat.Press("sp:tp:appointment");
        await chat.Expect("support.ask_description");
        await chat.Say(description);
        await chat.Expect("support.ask_file");
        await chat.Press("sp:skip");
        var created = await chat.Expect("support.created");
        return await env.TicketAnnouncedIn(created.VisibleText);
    }

    /// <summary>Hands the ticket-reply renderer a row the way the sender would, for rows the API would never plan.</summary>
    private async Task<int> DeliverReplyAsync(long telegramId, Language language, TicketDto ticket, TicketMessageDto reply)
    {
        var services = env.Bot.Services;
        var renderer = services.GetServices<IOutboxRenderer>().Single(r => r.Kind == OutboxKinds.TicketReply);
        var now = DateTimeOffset.UtcNow;
        var item = new OutboxItemDto(1, OutboxKinds.TicketReply, ticket.PatientId, telegramId, language,
            JsonSerializer.SerializeToElement(new TicketReplyPayload(ticket.Id, reply.Id), ClinicJson.Options), 0, now, now.AddMinutes(1));
        var send = new OutboxSend(item, services.GetRequiredService<Localizer>().For(language), services.GetRequiredService<ITelegramBotClient>(), services);
        return await renderer.SendAsync(send, Cancel);
    }

    [Fact]
    public async Task The_ticket_wizard_with_a_photo_creates_a_numbered_ticket_that_the_patient_sees_in_their_list()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);

        await chat.Tap("menu.support");
        await chat.Expect("support.menu");
        await chat.Press("sp:new");
        await chat.Expect("support.choose_topic");
        await chat.Press("sp:tp:payment");
        await chat.Expect("support.ask_description");
        await chat.User.SendPhoto(Png);
        await chat.Expect("support.description_text_only");
        await chat.Say("Чек");
        await chat.Expect("support.description_too_short");
        await chat.Say(new string('а', 2001));
        await chat.Expect("support.description_too_long");
        await chat.Say("Оплатил приём картой, а в боте он не оплачен");
        await chat.Expect("support.ask_file");
        await chat.Say("вот чек");
        await chat.Expect("support.file_expected");
        await chat.User.SendPhoto(Png, caption: "чек");
        var created = await chat.Expect("support.created");

        var ticket = await env.TicketAnnouncedIn(created.VisibleText);
        Assert.Equal(TicketTopic.Payment, ticket.Topic);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        var first = Assert.Single(ticket.Messages);
        Assert.Equal("Оплатил приём картой, а в боте он не оплачен", first.Text);
        Assert.Equal(TicketAttachmentKind.Photo, first.Attachment!.Kind);
        // Staff can fetch the photo through the bot's token by its file id.
        using var photo = new MemoryStream();
        await env.Bot.Services.GetRequiredService<ITelegramBotClient>().GetInfoAndDownloadFile(first.Attachment.TelegramFileId, photo, Cancel);
        Assert.Equal(Png, photo.ToArray());
        // ...and from the clinic's own copy, which the bot uploads right after creating the ticket.
        Assert.Equal(Png, await env.StoredAttachment(ticket.Id, first.Id));

        var second = await CreateTicketAsync(env, chat, "Не могу перенести запись на пятницу");
        Assert.Equal(int.Parse(ticket.Number[2..]) + 1, int.Parse(second.Number[2..]));

        await chat.Press("sp:my:0");
        var list = await chat.Expect("support.tickets_title");
        Assert.Contains(list.InlineButtons, b => b.Text.Contains(ticket.Number) && b.CallbackData == $"sp:t:{ticket.Id}");
        Assert.Contains(list.InlineButtons, b => b.Text.Contains(second.Number));
        await chat.Press($"sp:t:{ticket.Id}");
        var thread = await chat.Expect("support.ticket_header");
        Assert.Contains("Оплатил приём картой", thread.VisibleText);
        Assert.Contains(chat.Texts["support.attachment_photo"], thread.VisibleText);
    }

    [Fact]
    public async Task A_staff_reply_reaches_only_the_ticket_owner_and_their_answer_lands_in_the_same_thread()
    {
        var owner = env.NewUser("en", "Aliya");
        var other = env.NewUser();
        await Task.WhenAll(Scenarios.RegisterAsync(owner, Language.En, "Aliya Nurlanova"), Scenarios.RegisterAsync(other, Language.Ru, "Сидоров Иван"));
        var ticket = await CreateTicketAsync(env, owner, "My appointment disappeared from the list");

        using var staff = env.Staff();
        var response = await staff.PostAsJsonAsync(SupportRoutes.StaffReply(ticket.Id), new StaffTicketReplyRequest("Your visit is on Friday at 10:00, nothing changed."),
            ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reply = (await response.Content.ReadFromJsonAsync<TicketMessageDto>(ClinicJson.Options, Cancel))!;

        // The reply planned an outbox row; the running sender delivers it in the owner's language.
        var notice = await owner.User.WaitForMessage(m => m.VisibleText.Contains("Friday at 10:00"), ChatDriver.Wait, Cancel);
        // A forged row that points the owner's ticket at another patient is refused and sends nothing.
        await Assert.ThrowsAsync<InvalidOperationException>(() => DeliverReplyAsync(other.Id, Language.Ru, ticket, reply));
        Assert.Contains(ChatDriver.FixedPart(owner.Texts["support.reply_notice"]), notice.VisibleText);
        Assert.Contains(ticket.Number, notice.VisibleText);
        Assert.Contains("Your visit is on Friday at 10:00", notice.VisibleText);
        Assert.DoesNotContain(other.User.Messages, m => m.VisibleText.Contains("Friday at 10:00"));

        await owner.Press($"sp:r:{ticket.Id}");
        await owner.Expect("support.reply_prompt");
        await owner.Say("Thank you, see you on Friday");
        await owner.Expect("support.reply_sent");

        var thread = (await staff.GetFromJsonAsync<TicketDto>(SupportRoutes.StaffTicket(ticket.Id), ClinicJson.Options, Cancel))!;
        Assert.Equal([TicketAuthor.Patient, TicketAuthor.Staff, TicketAuthor.Patient], thread.Messages.Select(m => m.Author));
        Assert.Equal("Thank you, see you on Friday", thread.Messages[^1].Text);
        Assert.Equal(TicketStatus.Open, thread.Status);

        // Once staff close it, the old "Reply" button explains instead of taking a message.
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync(SupportRoutes.StaffClose(ticket.Id), null, Cancel)).StatusCode);
        await owner.User.PressButton(notice, $"sp:r:{ticket.Id}");
        await owner.Expect("support.ticket_closed");
    }

    [Fact]
    public async Task A_patient_adds_a_file_to_their_ticket_from_my_tickets()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        var ticket = await CreateTicketAsync(env, chat, "Нужна справка для работы за прошлую неделю");

        await chat.Tap("menu.support");
        await chat.Expect("support.menu");
        await chat.Press("sp:my:0");
        await chat.Expect("support.tickets_title");
        await chat.Press($"sp:t:{ticket.Id}");
        await chat.Expect("support.ticket_header");
        await chat.Press($"sp:r:{ticket.Id}");
        await chat.Expect("support.reply_prompt");
        var pdf = "%PDF-1.4\n%направление\n%%EOF\n"u8.ToArray();
        await chat.User.SendDocument(pdf, "направление.pdf", "application/pdf", caption: "Прикладываю направление");
        await chat.Expect("support.reply_sent");

        using var staff = env.Staff();
        var thread = (await staff.GetFromJsonAsync<TicketDto>(SupportRoutes.StaffTicket(ticket.Id), ClinicJson.Options, Cancel))!;
        var added = thread.Messages[^1];
        Assert.Equal(2, thread.Messages.Count);
        Assert.Equal("Прикладываю направление", added.Text);
        Assert.Equal(TicketAttachmentKind.Document, added.Attachment!.Kind);
        Assert.Equal("направление.pdf", added.Attachment.FileName);
        Assert.Equal("application/pdf", added.Attachment.ContentType);
        Assert.Equal(pdf, await env.StoredAttachment(ticket.Id, added.Id));

        await chat.Press("sp:t:");
        var view = await chat.Expect("support.ticket_header");
        Assert.Contains("Прикладываю направление", view.VisibleText);
        Assert.Contains(chat.Texts["support.attachment_file"], view.VisibleText);
    }

    [Fact]
    public async Task Another_patients_ticket_cannot_be_opened_or_answered_from_the_bot()
    {
        var owner = env.NewUser();
        var intruder = env.NewUser();
        await Task.WhenAll(Scenarios.RegisterAsync(owner, Language.Ru), Scenarios.RegisterAsync(intruder, Language.Ru, "Сидоров Иван"));
        var ticket = await CreateTicketAsync(env, owner, "Не пришло напоминание о записи");

        await intruder.Tap("menu.support");
        var menu = await intruder.Expect("support.menu");
        await intruder.User.PressCallback(menu.MessageId, $"sp:t:{ticket.Id}");
        await intruder.Expect("support.ticket_not_found");
        await intruder.User.PressCallback(menu.MessageId, $"sp:r:{ticket.Id}");
        await intruder.Expect("support.ticket_not_found");
        Assert.DoesNotContain(intruder.User.Messages, m => m.VisibleText.Contains("Не пришло напоминание"));

        using var staff = env.Staff(token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync(SupportRoutes.StaffTicket(ticket.Id), Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_typed_question_gets_faq_answers_first_and_didnt_help_opens_a_ticket_with_the_question()
    {
        var chat = env.NewUser("kk", "Айдос");
        await Scenarios.RegisterAsync(chat, Language.Kk, "Серіков Айдос");
        await chat.Tap("menu.support");
        await chat.Expect("support.menu");
        await chat.Say("Сенбіде клиника жұмыс істей ме?");
        var answer = await chat.Expect("support.faq_found");
        Assert.Contains("сенбіде — 8:00-ден 15:00-ге дейін", answer.VisibleText);

        await chat.Press("sp:nf");
        var topic = await chat.Expect("support.choose_topic_prefilled");
        Assert.Contains("Сенбіде клиника жұмыс істей ме?", topic.VisibleText);
        await chat.Press("sp:tp:other");
        await chat.Expect("support.ask_file");
        await chat.Press("sp:skip");
        var created = await chat.Expect("support.created");

        var ticket = await env.TicketAnnouncedIn(created.VisibleText);
        Assert.Equal(TicketTopic.Other, ticket.Topic);
        Assert.Equal("Сенбіде клиника жұмыс істей ме?", Assert.Single(ticket.Messages).Text);
    }

    [Theory]
    [InlineData("ru", Language.Ru, "Как отменить запись?", "Как отменить или перенести запись?")]
    [InlineData("en", Language.En, "which documents should I bring", "Which documents should I bring to my visit?")]
    public async Task A_typed_question_finds_the_entry_in_the_patients_language(string code, Language language, string question, string expected)
    {
        var chat = env.NewUser(code);
        await Scenarios.RegisterAsync(chat, language);
        await chat.Tap("menu.support");
        await chat.Expect("support.menu");
        await chat.Say(question);
        var answer = await chat.Expect("support.faq_found");
        Assert.Contains(expected, answer.VisibleText);

        await chat.Say("qwzx plmkj");
        await chat.Expect("support.faq_nothing");
    }

    [Fact]
    public async Task The_faq_opens_as_categories_then_questions_then_the_answer_in_english()
    {
        var chat = env.NewUser("en", "John");
        await Scenarios.RegisterAsync(chat, Language.En, "John Smith");
        await chat.Tap("menu.support");
        await chat.Expect("support.menu");
        await chat.Press("sp:faq");
        var categories = await chat.Expect("support.faq_title");
        Assert.Contains(categories.InlineButtons, b => b.Text.Contains("Opening hours"));
        Assert.Contains(categories.InlineButtons, b => b.Text.Contains("Payment"));

        await chat.Press("sp:fc:");
        var questions = await chat.User.WaitForMessage(m => m.InlineButtons.Any(b => b.Text == "How do I prepare for a blood test?"), ChatDriver.Wait, Cancel);
        await chat.User.PressButton(questions, questions.InlineButtons.First(b => b.Text == "How do I prepare for a blood test?").CallbackData!);
        var entry = await chat.User.WaitForMessage(m => m.VisibleText.Contains("empty stomach"), ChatDriver.Wait, Cancel);
        Assert.Contains(entry.InlineButtons, b => b.CallbackData == "sp:new");
    }

    [Fact]
    public async Task Stale_or_forged_support_buttons_are_answered_without_breaking_the_chat()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await chat.Tap("menu.support");
        var menu = await chat.Expect("support.menu");

        var stale = 0;
        foreach (var forged in new[] { "sp:tp:payment", "sp:skip", "sp:fe:abc", "sp:fc:999999", "sp:t:x" })
        {
            await chat.User.PressCallback(menu.MessageId, forged);
            var expected = ++stale;
            await Eventually.TrueAsync(() => chat.User.CallbackAnswers.Count(a => a.Text == chat.Texts["common.stale_button"]) >= expected,
                $"a stale-button answer to {forged}\n{chat.User.Transcript}");
        }

        await chat.Press("sp:new");
        await chat.Expect("support.choose_topic");
        await chat.User.PressCallback(menu.MessageId, "sp:tp:weather");
        await Eventually.TrueAsync(() => chat.User.CallbackAnswers.Count(a => a.Text == chat.Texts["common.stale_button"]) > stale,
            $"a stale-button answer for an unknown topic\n{chat.User.Transcript}");
        await chat.Say("просто текст");
        await chat.Expect("common.unknown_input");
        await chat.Expect("support.choose_topic");
    }
}
