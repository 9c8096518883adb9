namespace Clinic.Contracts;

// Names come in Russian and Kazakh (the original API's contract) and optionally in English; a reader of English
// without an English name gets the Russian one.

public sealed record BranchDto(
    long Id,
    string NameRu,
    string NameKk,
    string Address,
    string Phone,
    string TimeZone,
    string? NameEn = null);

public sealed record ServiceDto(
    long Id,
    string NameRu,
    string NameKk,
    string CategoryRu,
    string CategoryKk,
    int DurationMinutes,
    long PriceTiyn,
    string? NameEn = null,
    string? CategoryEn = null);

public sealed record DoctorDto(
    long Id,
    string FullName,
    string SpecialtyRu,
    string SpecialtyKk,
    string? PhotoUrl,
    IReadOnlyList<long> BranchIds,
    IReadOnlyList<long> ServiceIds,
    string? SpecialtyEn = null);
