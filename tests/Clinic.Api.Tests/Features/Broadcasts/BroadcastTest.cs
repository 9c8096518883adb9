using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Data;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Features.Broadcasts;

/// <summary>Helpers of the broadcast tests: the staff API calls, and a stand-in for the bot's sender that marks rows sent.</summary>
public abstract class BroadcastTest(ClinicApp app) : ApiTest(app)
{
    protected const string Prefix = "/api/admin/broadcasts/";

    protected async Task<int> PreviewAsync(BroadcastSegment segment)
    {
        var response = await App.Staff.PostAsJsonAsync(Prefix + "audience/", new AudiencePreviewRequest(segment), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadAsync<AudiencePreviewDto>(response)).Count;
    }

    protected async Task<BroadcastDto> CreateAsync(BroadcastSegment? segment = null, string text = "<b>Скидка</b> 20%",
        string? buttonText = null, string? buttonUrl = null)
    {
        var response = await App.Staff.PostAsJsonAsync(Prefix, new BroadcastCreateRequest(text, segment, ButtonText: buttonText, ButtonUrl: buttonUrl),
            ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadAsync<BroadcastDto>(response);
    }

    protected Task<HttpResponseMessage> ActAsync(long id, string action, object? body = null) =>
        App.Staff.PostAsJsonAsync($"{Prefix}{id}/{action}/", body ?? new { }, ClinicJson.Options, Cancel);

    protected async Task<BroadcastDto> ActOkAsync(long id, string action, object? body = null)
    {
        var response = await ActAsync(id, action, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return await ReadAsync<BroadcastDto>(response);
    }

    protected async Task<BroadcastDto> GetAsync(long id) =>
        (await App.Staff.GetFromJsonAsync<BroadcastDto>($"{Prefix}{id}/", ClinicJson.Options, Cancel))!;

    protected async Task<List<(long PatientId, OutboxStatus Status, string? Error, string Kind, string Payload, DateTime Due)>> RowsAsync(long broadcastId)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var rows = await db.OutboxMessages.Where(m => m.BroadcastId == broadcastId).ToListAsync(Cancel);
        return [.. rows.Select(m => (m.PatientId, m.Status, m.Error, m.Kind, m.Payload, m.DueAtUtc))];
    }

    /// <summary>Does what the bot's sender does through the outbox endpoints: the first <paramref name="count"/> pending rows get an outcome.</summary>
    protected async Task DeliverAsync(long broadcastId, int count, OutboxStatus outcome = OutboxStatus.Sent, DateTimeOffset? at = null)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var rows = await db.OutboxMessages.Where(m => m.BroadcastId == broadcastId && m.Status == OutboxStatus.Pending)
            .OrderBy(m => m.Id).Take(count).ToListAsync(Cancel);
        var when = (at ?? App.Clock.GetUtcNow()).UtcDateTime;
        foreach (var row in rows)
        {
            row.Status = outcome;
            row.Attempts++;
            row.UpdatedAtUtc = when;
            row.SentAtUtc = outcome == OutboxStatus.Sent ? when : null;
        }
        await db.SaveChangesAsync(Cancel);
    }
}
