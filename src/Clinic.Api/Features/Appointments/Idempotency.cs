using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Appointments;

/// <summary>The <c>Idempotency-Key</c> header of <c>POST /api/bot/appointments/</c>: a retry gets the first answer back.</summary>
public static class Idempotency
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    public static string Hash(CreateAppointmentRequest request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, ClinicJson.Options))));

    public static Task<IdempotencyRecord?> FindAsync(ClinicDbContext db, long organizationId, long telegramId, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.OrganizationId == organizationId && r.TelegramId == telegramId && r.Key == key, cancellationToken);

    public static IdempotencyRecord Record(long organizationId, CreateAppointmentRequest request, string key, string hash, int status, AppointmentDto body, DateTime nowUtc) => new()
    {
        OrganizationId = organizationId,
        TelegramId = request.TelegramId,
        Key = key,
        RequestHash = hash,
        StatusCode = status,
        ResponseBody = JsonSerializer.Serialize(body, ClinicJson.Options),
        CreatedAtUtc = nowUtc,
    };

    public static AppointmentDto Replay(IdempotencyRecord record) =>
        JsonSerializer.Deserialize<AppointmentDto>(record.ResponseBody, ClinicJson.Options)!;
}
