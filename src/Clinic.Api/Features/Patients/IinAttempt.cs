namespace Clinic.Api.Features.Patients;

/// <summary>How many IIN lookups one Telegram user made in the current window (see <see cref="IinAttempts"/>).</summary>
public sealed class IinAttempt
{
    public long TelegramId { get; set; }
    public DateTime WindowStartedAtUtc { get; set; }
    public int Count { get; set; }
}
