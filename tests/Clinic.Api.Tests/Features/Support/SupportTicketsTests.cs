using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Api.Data;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Features.Support;

/// <summary>Tickets over HTTP as the bot and the clinic's staff use them.</summary>
public abstract class SupportTicketsTests(ClinicApp app) : ApiTest(app)
{
    private Task<HttpResponseMessage> CreateAsync(long telegramId, string text = "Не могу найти свою запись на завтра",
        TicketTopic topic = TicketTopic.Appointment, TicketAttachmentDto? attachment = null) =>
        Api.PostAsJsonAsync(SupportRoutes.CreateTicket, new CreateTicketRequest(telegramId, topic, text, attachment), ClinicJson.Options, Cancel);

    private async Task<TicketDto> CreateOkAsync(long telegramId, string text = "Не могу найти свою запись на завтра", TicketAttachmentDto? attachment = null)
    {
        var response = await CreateAsync(telegramId, text, attachment: attachment);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadAsync<TicketDto>(response);
    }

    [Fact]
    public async Task A_new_ticket_gets_the_next_number_and_keeps_its_first_message_and_attachment()
    {
        var telegramId = await RegisterPatientAsync();
        var photo = new TicketAttachmentDto(TicketAttachmentKind.Photo, "AgACAgIAAxkBAAIB-photo-id");
        var first = await CreateOkAsync(telegramId, "  Квитанция не пришла  ", photo);
        var second = await CreateOkAsync(telegramId, "Второй вопрос");

        Assert.Matches(@"^T-\d{6}$", first.Number);
        Assert.Equal(int.Parse(first.Number[2..]) + 1, int.Parse(second.Number[2..]));
        Assert.Equal(TicketStatus.Open, first.Status);
        var message = Assert.Single(first.Messages);
        Assert.Equal(TicketAuthor.Patient, message.Author);
        Assert.Equal("Квитанция не пришла", message.Text);
        Assert.Equal(photo, message.Attachment);
    }

    [Fact]
    public async Task Tickets_created_at_the_same_time_get_different_numbers()
    {
        var telegramId = await RegisterPatientAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => CreateAsync(telegramId, $"Вопрос {i}")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await Task.WhenAll(responses.Select(async r => (await ReadAsync<TicketDto>(r)).Number));
        Assert.Equal(12, numbers.Distinct().Count());
    }

    [Fact]
    public async Task A_patient_lists_and_reads_only_their_own_tickets()
    {
        var owner = await RegisterPatientAsync();
        var other = await RegisterPatientAsync();
        var ticket = await CreateOkAsync(owner);

        var mine = await ReadAsync<TicketListResponse>(await Api.GetAsync($"{SupportRoutes.Tickets}?telegram_id={owner}", Cancel));
        Assert.Equal(ticket.Id, Assert.Single(mine.Items).Id);
        Assert.Equal("Не могу найти свою запись на завтра", mine.Items[0].Subject);
        var theirs = await ReadAsync<TicketListResponse>(await Api.GetAsync($"{SupportRoutes.Tickets}?telegram_id={other}", Cancel));
        Assert.Empty(theirs.Items);

        await AssertErrorAsync(await Api.GetAsync($"{SupportRoutes.Ticket(ticket.Id)}?telegram_id={other}", Cancel), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await Api.PostAsJsonAsync(SupportRoutes.TicketMessages(ticket.Id), new AddTicketMessageRequest(other, "Это мой тикет?"),
            ClinicJson.Options, Cancel), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        var read = await ReadAsync<TicketDto>(await Api.GetAsync($"{SupportRoutes.Ticket(ticket.Id)}?telegram_id={owner}", Cancel));
        Assert.Single(read.Messages);
    }

    [Fact]
    public async Task A_staff_reply_is_saved_with_a_ticket_reply_outbox_row_and_the_patients_answer_joins_the_thread()
    {
        var telegramId = await RegisterPatientAsync();
        var ticket = await CreateOkAsync(telegramId);

        var reply = await App.Staff.PostAsJsonAsync(SupportRoutes.StaffReply(ticket.Id), new StaffTicketReplyRequest("Ваша запись на 10:00, всё в силе."), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var staffMessage = await ReadAsync<TicketMessageDto>(reply);
        Assert.Equal(TicketAuthor.Staff, staffMessage.Author);

        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Kind == OutboxKinds.TicketReply && m.PatientId == ticket.PatientId, Cancel);
            var payload = JsonSerializer.Deserialize<TicketReplyPayload>(row.Payload, ClinicJson.Options)!;
            Assert.Equal(new TicketReplyPayload(ticket.Id, staffMessage.Id), payload);
            Assert.Equal(OutboxStatus.Pending, row.Status);
        }

        var answered = await ReadAsync<TicketDto>(await Api.GetAsync($"{SupportRoutes.Ticket(ticket.Id)}?telegram_id={telegramId}", Cancel));
        Assert.Equal(TicketStatus.Answered, answered.Status);

        var answer = await Api.PostAsJsonAsync(SupportRoutes.TicketMessages(ticket.Id), new AddTicketMessageRequest(telegramId, "Спасибо!"), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var thread = await ReadAsync<TicketDto>(await App.Staff.GetAsync(SupportRoutes.StaffTicket(ticket.Id), Cancel));
        Assert.Equal([TicketAuthor.Patient, TicketAuthor.Staff, TicketAuthor.Patient], thread.Messages.Select(m => m.Author));
        Assert.Equal("Спасибо!", thread.Messages[^1].Text);
        Assert.Equal(TicketStatus.Open, thread.Status);
    }

    [Fact]
    public async Task Staff_filter_the_queue_by_status_and_a_closed_ticket_takes_no_more_messages()
    {
        var telegramId = await RegisterPatientAsync();
        var open = await CreateOkAsync(telegramId, "Открытый");
        var closing = await CreateOkAsync(telegramId, "Закрываемый");

        var closed = await ReadAsync<TicketDto>(await App.Staff.PostAsync(SupportRoutes.StaffClose(closing.Id), null, Cancel));
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Equal(HttpStatusCode.OK, (await App.Staff.PostAsync(SupportRoutes.StaffClose(closing.Id), null, Cancel)).StatusCode);

        var openList = await ReadAsync<TicketListResponse>(await App.Staff.GetAsync($"{SupportRoutes.StaffTickets}?status=open", Cancel));
        Assert.Contains(openList.Items, t => t.Id == open.Id);
        Assert.DoesNotContain(openList.Items, t => t.Id == closing.Id);
        var closedList = await ReadAsync<TicketListResponse>(await App.Staff.GetAsync($"{SupportRoutes.StaffTickets}?status=closed", Cancel));
        Assert.Contains(closedList.Items, t => t.Id == closing.Id);

        await AssertErrorAsync(await Api.PostAsJsonAsync(SupportRoutes.TicketMessages(closing.Id), new AddTicketMessageRequest(telegramId, "Ещё вопрос"),
            ClinicJson.Options, Cancel), HttpStatusCode.Conflict, ErrorCodes.TicketClosed);
        await AssertErrorAsync(await App.Staff.PostAsJsonAsync(SupportRoutes.StaffReply(closing.Id), new StaffTicketReplyRequest("Поздно"),
            ClinicJson.Options, Cancel), HttpStatusCode.Conflict, ErrorCodes.TicketClosed);
        await AssertErrorAsync(await App.Staff.GetAsync($"{SupportRoutes.StaffTickets}?status=lost", Cancel), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        await AssertErrorAsync(await App.Staff.GetAsync(SupportRoutes.StaffTicket(999_999), Cancel), HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Staff_endpoints_refuse_requests_without_the_staff_token_and_the_bots_secret_does_not_open_them()
    {
        var telegramId = await RegisterPatientAsync();
        var ticket = await CreateOkAsync(telegramId);
        foreach (var client in new[] { App.Anonymous, Api })
        {
            await AssertErrorAsync(await client.GetAsync(SupportRoutes.StaffTickets, Cancel), HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
            await AssertErrorAsync(await client.GetAsync(SupportRoutes.StaffTicket(ticket.Id), Cancel), HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
            await AssertErrorAsync(await client.PostAsJsonAsync(SupportRoutes.StaffReply(ticket.Id), new StaffTicketReplyRequest("x"), ClinicJson.Options, Cancel),
                HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
            await AssertErrorAsync(await client.PostAsync(SupportRoutes.StaffClose(ticket.Id), null, Cancel), HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        }
        await AssertErrorAsync(await App.Anonymous.PostAsJsonAsync(SupportRoutes.CreateTicket, new CreateTicketRequest(telegramId, TicketTopic.Other, "x"),
            ClinicJson.Options, Cancel), HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task The_bots_copy_of_an_attachment_is_kept_once_for_the_owner_and_staff_download_it()
    {
        var owner = await RegisterPatientAsync();
        var other = await RegisterPatientAsync();
        var ticket = await CreateOkAsync(owner, "Скан направления", new TicketAttachmentDto(TicketAttachmentKind.Document, "BQACAgIAAxkBAAIC-doc", "scan.png", "image/png"));
        var plain = await CreateOkAsync(owner, "Без файла");
        var messageId = ticket.Messages[0].Id;
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
        Task<HttpResponseMessage> Upload(long ticketId, long message, long telegramId, byte[] content) =>
            Api.PutAsync($"{SupportRoutes.TicketAttachment(ticketId, message)}?telegram_id={telegramId}", new ByteArrayContent(content), Cancel);

        await AssertErrorAsync(await App.Staff.GetAsync(SupportRoutes.StaffAttachment(ticket.Id, messageId), Cancel), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await Upload(ticket.Id, messageId, other, png), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await Upload(plain.Id, plain.Messages[0].Id, owner, png), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await Upload(ticket.Id, messageId, owner, "just text"u8.ToArray()), HttpStatusCode.BadRequest, ErrorCodes.UnsupportedFileType);
        await AssertErrorAsync(await Upload(ticket.Id, messageId, owner, []), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);

        var stored = await Upload(ticket.Id, messageId, owner, png);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(png.Length, (await ReadAsync<TicketMessageDto>(stored)).Attachment!.StoredSize);
        Assert.Equal(HttpStatusCode.OK, (await Upload(ticket.Id, messageId, owner, png)).StatusCode);

        var download = await App.Staff.GetAsync(SupportRoutes.StaffAttachment(ticket.Id, messageId), Cancel);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync(Cancel));
        await AssertErrorAsync(await Api.GetAsync(SupportRoutes.StaffAttachment(ticket.Id, messageId), Cancel), HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task Bad_ticket_input_is_answered_with_field_errors()
    {
        var telegramId = await RegisterPatientAsync();
        var empty = await AssertErrorAsync(await CreateAsync(telegramId, "   "), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Contains("text", empty.Errors!.Keys);
        await AssertErrorAsync(await CreateAsync(telegramId, new string('a', 2001)), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        var noFile = await AssertErrorAsync(await CreateAsync(telegramId, "Фото", attachment: new TicketAttachmentDto(TicketAttachmentKind.Document, " ")),
            HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Contains("attachment.telegram_file_id", noFile.Errors!.Keys);
        var topic = await AssertErrorAsync(await Api.PostAsync(SupportRoutes.CreateTicket,
            RawJson($$"""{"telegram_id":{{telegramId}},"topic":7,"text":"Вопрос"}"""), Cancel), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Contains("topic", topic.Errors!.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.PostAsync(SupportRoutes.CreateTicket,
            RawJson($$"""{"telegram_id":{{telegramId}},"topic":"weather","text":"Вопрос"}"""), Cancel)).StatusCode);
        await AssertErrorAsync(await CreateAsync(NewTelegramId()), HttpStatusCode.NotFound, ErrorCodes.PatientNotFound);
        await AssertErrorAsync(await App.Staff.PostAsJsonAsync(SupportRoutes.StaffReply((await CreateOkAsync(telegramId)).Id), new StaffTicketReplyRequest(""),
            ClinicJson.Options, Cancel), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }
}

public sealed class SqliteSupportTicketsTests(SqliteApp app) : SupportTicketsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSupportTicketsTests(PostgresApp app) : SupportTicketsTests(app), IClassFixture<PostgresApp>;
