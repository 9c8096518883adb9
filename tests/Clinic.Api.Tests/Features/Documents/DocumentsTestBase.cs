using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Data;
using Clinic.Api.Features.Catalog;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Features.Documents;

/// <summary>Patients with visits in each state a certificate cares about, made over HTTP as the bot and the reception would.</summary>
public abstract class DocumentsTestBase(ClinicApp app) : ApiTest(app)
{
    protected async Task<PatientDto> RegisterAsync(Language language = Language.Ru, string name = "Иванова Анна Сергеевна")
    {
        var response = await Api.PostAsJsonAsync(Routes.PatientUpsert, new PatientUpsertRequest(
            NewTelegramId(), TestIins.Next(), name, TestIins.NextPhone(), language, "v1"), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadAsync<PatientDto>(response);
    }

    /// <summary>A booked visit the reception marked <paramref name="status"/>; "fulfilled" moves the clock past its start.</summary>
    protected async Task<AppointmentDto> VisitAsync(PatientDto patient, string status, long? serviceId = null)
    {
        var doctor = serviceId is null ? Clinic.BetaId : Clinic.AlphaId;
        var visit = await BookOkAsync(patient.TelegramId, TestClinic.At(App.NextWorkday(), 10), doctor, serviceId: serviceId);
        if (status == "booked")
            return visit;
        if (status is "fulfilled" or "noshow")
            App.Clock.Advance(visit.Start - App.Clock.GetUtcNow() + TimeSpan.FromMinutes(40));
        var marked = await App.Staff.PostAsync($"/api/admin/appointments/{visit.Id}/status/", RawJson($$"""{"status":"{{status}}"}"""), Cancel);
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        return await ReadAsync<AppointmentDto>(marked);
    }

    /// <summary>A doctor's consultation (category "Консультации") that Alpha provides: what a sport certificate needs.</summary>
    protected async Task<long> ConsultationServiceAsync()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var service = new Service
        {
            OrganizationId = 1, NameRu = "Приём терапевта", NameKk = "Терапевт қабылдауы", CategoryRu = "Консультации", CategoryKk = "Кеңестер",
            DurationMinutes = 30, PriceTiyn = 900_000,
        };
        db.Services.Add(service);
        await db.SaveChangesAsync(Cancel);
        db.DoctorServices.Add(new DoctorService { DoctorId = Clinic.AlphaId, ServiceId = service.Id });
        await db.SaveChangesAsync(Cancel);
        return service.Id;
    }

    protected Task<HttpResponseMessage> GenerateAsync(long telegramId, DocumentKind kind, long appointmentId, string? organization = null, string? sport = null) =>
        Api.PostAsJsonAsync(Routes.DocumentsGenerate, new GenerateDocumentRequest(telegramId, kind, appointmentId, organization, sport), ClinicJson.Options, Cancel);

    protected async Task<DocumentDto> GenerateOkAsync(long telegramId, DocumentKind kind, long appointmentId, string? organization = null, string? sport = null)
    {
        var response = await GenerateAsync(telegramId, kind, appointmentId, organization, sport);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return System.Text.Json.JsonSerializer.Deserialize<DocumentDto>(body, ClinicJson.Options)!;
    }

    protected Task<HttpResponseMessage> DownloadAsync(long documentId, long telegramId) =>
        Api.GetAsync($"{Routes.DocumentDownload(documentId)}?telegram_id={telegramId}", Cancel);
}
