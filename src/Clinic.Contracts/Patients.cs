namespace Clinic.Contracts;

public sealed record PatientDto(
    long Id,
    long TelegramId,
    string? Iin,
    string? FullName,
    string? Phone,
    DateOnly? BirthDate,
    Sex? Sex,
    Language Language,
    string? ConsentVersion,
    DateTimeOffset? ConsentAt,
    bool IsRegistered,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool RemindersEnabled = true,
    bool NewsOptIn = false,
    bool BotBlocked = false);

/// <summary>
/// Creates the patient for <see cref="TelegramId"/> or updates the fields that are given (null = unchanged).
/// The phone may be in any form libphonenumber understands; it is stored in E.164.
/// </summary>
public sealed record PatientUpsertRequest(
    long TelegramId,
    string? Iin = null,
    string? FullName = null,
    string? Phone = null,
    Language? Language = null,
    string? ConsentVersion = null,
    DateTimeOffset? ConsentAt = null);

/// <summary>An IIN check on behalf of the Telegram user registering; each user has a few per hour (<c>too_many_iin_attempts</c>).</summary>
public sealed record VerifyIinRequest(string Iin, long TelegramId);

public sealed record VerifyIinResponse(
    string Iin,
    bool Valid,
    DateOnly? BirthDate,
    Sex? Sex,
    bool PatientExists,
    string? Reason = null);
