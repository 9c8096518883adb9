using Clinic.Contracts;

namespace Clinic.Api.Features.Patients;

public sealed class Patient
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long TelegramId { get; set; }
    public string? Iin { get; set; }
    public string? FullName { get; set; }
    /// <summary>E.164, e.g. +77011234567.</summary>
    public string? Phone { get; set; }
    public DateOnly? BirthDate { get; set; }
    public Sex? Sex { get; set; }
    public Language Language { get; set; } = Language.Ru;
    public string? ConsentVersion { get; set; }
    public DateTime? ConsentAtUtc { get; set; }
    /// <summary>Visit reminders (24 h / 2 h before); on unless the patient turns them off.</summary>
    public bool RemindersEnabled { get; set; } = true;
    /// <summary>Clinic news (broadcasts) only for patients who opted in.</summary>
    public bool NewsOptIn { get; set; }
    /// <summary>Set when Telegram answered 403 (the user blocked the bot); cleared when they write again. Excluded from sends meanwhile.</summary>
    public DateTime? BotBlockedAtUtc { get; set; }
    /// <summary>Set when the patient withdrew consent and deleted the account: the row stays only for the visit history, without personal data.</summary>
    public DateTime? DeletedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The bot may book only for a patient who consented and gave phone, IIN and name.</summary>
    public bool IsRegistered =>
        ConsentVersion is not null && ConsentAtUtc is not null && Phone is not null && Iin is not null && !string.IsNullOrWhiteSpace(FullName);

    public PatientDto AsDto() => new(
        Id, TelegramId, Iin, FullName, Phone, BirthDate, Sex, Language, ConsentVersion,
        ConsentAtUtc.HasValue ? Utc.ToOffset(ConsentAtUtc.Value) : null,
        IsRegistered, Utc.ToOffset(CreatedAtUtc), Utc.ToOffset(UpdatedAtUtc), RemindersEnabled, NewsOptIn,
        BotBlockedAtUtc is not null);
}
