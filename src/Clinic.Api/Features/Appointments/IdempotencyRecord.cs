namespace Clinic.Api.Features.Appointments;

/// <summary>The first answer to a create request with an Idempotency-Key, replayed on retries.</summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public required string Key { get; set; }
    public long TelegramId { get; set; }
    /// <summary>SHA-256 of the request body, to tell a retry from a different request reusing the key.</summary>
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public required string ResponseBody { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
