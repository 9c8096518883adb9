using System.Net;
using System.Net.Http.Json;
using System.Text;
using Clinic.Api.Data;
using Clinic.Api.Tests.Features.Payments;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clinic.Api.Tests.Features.Patients;

/// <summary>
/// A patient who used everything (a ticket with a file, an NPS comment, a certificate, a paid invoice, a booking)
/// deletes the account: afterwards the name, phone and IIN are nowhere, not even as bytes on disk, and the placeholder
/// id the row keeps opens no route. Each test class has its own database and documents folder, so "nowhere" means it.
/// </summary>
public abstract class AccountErasureTests(ClinicApp app) : PaymentsTestBase(app)
{
    private const string Name = "Жанабаева Айгерим Эрасовна";

    private sealed record Footprint(PatientDto Patient, long VisitId, long FutureId, DocumentDto Certificate, long InvoiceId, long TicketId,
        long TicketMessageId, IReadOnlyList<string> Files);

    [Fact]
    public async Task After_deletion_the_name_phone_and_iin_are_nowhere_and_the_placeholder_id_opens_no_route()
    {
        var bystander = await RegisterAsync(name: "Посторонний Пациент Остаётся");
        var bystanderCertificate = await GenerateOkAsync(bystander.TelegramId, DocumentKind.VisitCertificate, (await VisitAsync(bystander, "fulfilled")).Id);
        var footprint = await LeaveAFootprintAsync();
        var patient = footprint.Patient;
        Assert.True(footprint.Files.Count >= 3, "the certificate, the receipt and the ticket's photo were stored");

        var deleted = await Api.PostAsJsonAsync(ProfileRoutes.DeleteAccount, new DeleteAccountRequest(patient.TelegramId, true), ClinicJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var secrets = new[] { Name, patient.Phone!, patient.Phone!.TrimStart('+'), patient.Iin! };
        await AssertNoTraceInTheDatabaseAsync(secrets, patient.TelegramId);
        Assert.All(footprint.Files, key => Assert.False(File.Exists(Path.Combine(App.DocumentsPath, key)), $"{key} is still stored"));
        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(bystanderCertificate.Id, bystander.TelegramId)).StatusCode);
        await AssertEveryRouteRefusesAsync(-patient.Id, footprint, secrets);
        await AssertEveryRouteRefusesAsync(patient.TelegramId, footprint, secrets);
        await AssertTheCertificateStillVerifiesWithoutInitialsAsync(footprint.Certificate);
    }

    /// <summary>The registry entry stays (docs/privacy.md): a paper issued earlier is still genuine, and names nobody.</summary>
    private async Task AssertTheCertificateStillVerifiesWithoutInitialsAsync(DocumentDto certificate)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Routes.VerifyDocument(certificate.Number));
        request.Headers.Accept.ParseAdd("application/json");
        var response = await App.Anonymous.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var verified = await ReadAsync<DocumentVerificationDto>(response);
        Assert.True(verified.Genuine);
        Assert.True(string.IsNullOrEmpty(verified.PatientInitials), verified.PatientInitials);
    }

    /// <summary>Everything a patient can leave behind, with the name, phone and IIN written into the free texts too.</summary>
    private async Task<Footprint> LeaveAFootprintAsync()
    {
        var patient = await RegisterAsync(name: Name);
        var visit = await VisitAsync(patient, "fulfilled");
        var certificate = await GenerateOkAsync(patient.TelegramId, DocumentKind.VisitCertificate, visit.Id, organization: "ТОО " + Name);
        var feedback = await Api.PostAsJsonAsync(FeedbackRoutes.Feedback, new FeedbackRequest(patient.TelegramId, visit.Id, 3, [],
            $"{Name} ждала час, перезвоните на {patient.Phone}", $"Отзыв от {Name}"), ClinicJson.Options, Cancel);
        Assert.True(feedback.IsSuccessStatusCode, await feedback.Content.ReadAsStringAsync(Cancel));

        var ticket = await ReadAsync<TicketDto>(await Api.PostAsJsonAsync(SupportRoutes.CreateTicket, new CreateTicketRequest(
            patient.TelegramId, TicketTopic.Documents, $"Я {Name}, ИИН {patient.Iin}, телефон {patient.Phone}",
            new TicketAttachmentDto(TicketAttachmentKind.Photo, "AgACAgIAAxkBAAIB-erasure", $"{Name}.png", "image/png")), ClinicJson.Options, Cancel));
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.UTF8.GetBytes(Name + patient.Iin)];
        var upload = await Api.PutAsync($"{SupportRoutes.TicketAttachment(ticket.Id, ticket.Messages[0].Id)}?telegram_id={patient.TelegramId}",
            new ByteArrayContent(png), Cancel);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var reply = await App.Staff.PostAsJsonAsync(SupportRoutes.StaffReply(ticket.Id), new StaffTicketReplyRequest($"{Name}, справка готова"), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        var future = await BookAsync(patient.TelegramId, TestClinic.At(App.NextWorkday(), 12), Clinic.BetaId, idempotencyKey: "erasure-" + patient.Id);
        Assert.Equal(HttpStatusCode.Created, future.StatusCode);
        var futureVisit = await ReadAsync<AppointmentDto>(future);
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, futureVisit.Id);
        Assert.Equal(HttpStatusCode.OK, (await PressOnSandboxPageAsync(invoice, "pay")).StatusCode);
        Assert.Equal(InvoiceStatus.Paid, (await StatusOkAsync(invoice.Id, patient.TelegramId)).Status);

        var files = await InDatabaseAsync(async db =>
            (await db.Documents.Where(d => d.PatientId == patient.Id).Select(d => d.StorageKey).ToListAsync(Cancel))
            .Concat(await db.SupportTicketMessages.Where(m => m.TicketId == ticket.Id && m.AttachmentStorageKey != null)
                .Select(m => m.AttachmentStorageKey!).ToListAsync(Cancel)).ToList());
        return new Footprint(patient, visit.Id, futureVisit.Id, certificate, invoice.Id, ticket.Id, ticket.Messages[0].Id, files);
    }

    private async Task AssertNoTraceInTheDatabaseAsync(string[] secrets, long telegramId)
    {
        if (App.Database is SqliteTestDatabase)
            AssertNoBytesOnDisk(App.Database.Settings["SQLITE_PATH"], secrets);
        else
            await AssertNoRowMentionsAsync(secrets, telegramId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await InDatabaseAsync(async db =>
        {
            Assert.False(await db.IdempotencyRecords.AnyAsync(r => r.TelegramId == telegramId, Cancel));
            Assert.False(await db.Patients.AnyAsync(p => p.TelegramId == telegramId, Cancel));
            return true;
        });
    }

    /// <summary>The database file and its write-ahead log, read as raw bytes: each secret in UTF-8 and UTF-16.</summary>
    private static void AssertNoBytesOnDisk(string databasePath, string[] secrets)
    {
        foreach (var path in new[] { databasePath, databasePath + "-wal" })
        {
            if (!File.Exists(path))
                continue;
            byte[] bytes;
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[file.Length];
                file.ReadExactly(bytes);
            }
            foreach (var secret in secrets)
            foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
                Assert.True(bytes.AsSpan().IndexOf(encoding.GetBytes(secret)) < 0, $"{Path.GetFileName(path)} still holds \"{secret}\" ({encoding.WebName})");
        }
    }

    /// <summary>
    /// Every table of the schema, each row as text: no row mentions any of the secrets, nor the Telegram id, except the
    /// hour-long IIN lookup counter that docs/privacy.md names (it must outlive a deletion, or deleting would reset the limit).
    /// </summary>
    private async Task AssertNoRowMentionsAsync(string[] secrets, string telegramId)
    {
        await using var connection = new NpgsqlConnection(App.Database.Settings["ConnectionStrings:Clinic"]);
        await connection.OpenAsync(Cancel);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync(Cancel))
            while (await reader.ReadAsync(Cancel))
                tables.Add(reader.GetString(0));
        Assert.Contains("support_ticket_messages", tables);
        foreach (var table in tables)
        foreach (var value in table == "iin_attempts" ? secrets : [.. secrets, telegramId])
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" t WHERE strpos(t::text, @value) > 0", connection);
            count.Parameters.AddWithValue("value", value);
            Assert.True((long)(await count.ExecuteScalarAsync(Cancel))! == 0, $"a row of {table} still mentions \"{value}\"");
        }
    }

    /// <summary>Each /api/bot/ route that names a Telegram user: not found (or refused as invalid), never the person's data.</summary>
    private async Task AssertEveryRouteRefusesAsync(long telegramId, Footprint f, string[] secrets)
    {
        var start = TestClinic.At(App.NextWorkday(), 15);
        var requests = new List<(string Route, Func<Task<HttpResponseMessage>> Send)>
        {
            ("patient", () => Api.GetAsync(Routes.PatientByTelegram(telegramId), Cancel)),
            ("notifications", () => Api.PostAsJsonAsync(ProfileRoutes.Notifications, new NotificationSettingsRequest(telegramId, NewsOptIn: true), ClinicJson.Options, Cancel)),
            ("delete", () => Api.PostAsJsonAsync(ProfileRoutes.DeleteAccount, new DeleteAccountRequest(telegramId, true), ClinicJson.Options, Cancel)),
            ("appointments", () => Api.GetAsync($"{Routes.MyAppointments}?telegram_id={telegramId}&scope=past", Cancel)),
            ("book", () => Api.PostAsJsonAsync(Routes.Appointments, new CreateAppointmentRequest(telegramId, Clinic.AlmatyId, Clinic.ConsultationId, null, start), ClinicJson.Options, Cancel)),
            ("confirm", () => Api.PostAsJsonAsync(Routes.AppointmentConfirm(f.FutureId), new ConfirmAppointmentRequest(telegramId), ClinicJson.Options, Cancel)),
            ("reschedule", () => Api.PatchAsJsonAsync(Routes.Appointment(f.FutureId), new RescheduleAppointmentRequest(telegramId, start), ClinicJson.Options, Cancel)),
            ("cancel", () => Api.PostAsJsonAsync(Routes.AppointmentCancel(f.FutureId), new CancelAppointmentRequest(telegramId), ClinicJson.Options, Cancel)),
            ("documents", () => Api.GetAsync($"{Routes.Documents}?telegram_id={telegramId}", Cancel)),
            ("document visits", () => Api.GetAsync($"{Routes.DocumentVisits}?telegram_id={telegramId}&kind=visit_certificate", Cancel)),
            ("generate", () => GenerateAsync(telegramId, DocumentKind.VisitCertificate, f.VisitId)),
            ("download", () => DownloadAsync(f.Certificate.Id, telegramId)),
            ("invoice", () => CreateInvoiceAsync(telegramId)),
            ("invoice status", () => StatusAsync(f.InvoiceId, telegramId)),
            ("balance", () => Api.GetAsync($"{PaymentRoutes.Balance}?telegram_id={telegramId}", Cancel)),
            ("feedback", () => Api.PostAsJsonAsync(FeedbackRoutes.Feedback, new FeedbackRequest(telegramId, f.VisitId, 10, [], null, null), ClinicJson.Options, Cancel)),
            ("feedback pending", () => Api.GetAsync(FeedbackRoutes.Pending(telegramId), Cancel)),
            ("feedback visit", () => Api.GetAsync(FeedbackRoutes.Visit(f.VisitId, telegramId), Cancel)),
            ("new ticket", () => Api.PostAsJsonAsync(SupportRoutes.CreateTicket, new CreateTicketRequest(telegramId, TicketTopic.Other, "Здравствуйте"), ClinicJson.Options, Cancel)),
            ("tickets", () => Api.GetAsync($"{SupportRoutes.Tickets}?telegram_id={telegramId}", Cancel)),
            ("ticket", () => Api.GetAsync($"{SupportRoutes.Ticket(f.TicketId)}?telegram_id={telegramId}", Cancel)),
            ("ticket answer", () => Api.PostAsJsonAsync(SupportRoutes.TicketMessages(f.TicketId), new AddTicketMessageRequest(telegramId, "Ещё вопрос"), ClinicJson.Options, Cancel)),
            ("attachment", () => Api.PutAsync($"{SupportRoutes.TicketAttachment(f.TicketId, f.TicketMessageId)}?telegram_id={telegramId}",
                new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1]), Cancel)),
        };
        foreach (var (route, send) in requests)
        {
            var response = await send();
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest,
                $"{route} with telegram_id {telegramId} answered {(int)response.StatusCode}: {body}");
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, body));
        }
    }
}

public sealed class AccountErasureOnSqliteTests(SqliteApp app) : AccountErasureTests(app), IClassFixture<SqliteApp>;

public sealed class AccountErasureOnPostgresTests(PostgresApp app) : AccountErasureTests(app), IClassFixture<PostgresApp>;
