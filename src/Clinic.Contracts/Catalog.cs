namespace Clinic.Contracts;

public sealed record BranchDto(
    long Id,
    string NameRu,
    string NameKk,
    string Address,
    string Phone,
    string TimeZone);

public sealed record ServiceDto(
    long Id,
    string NameRu,
    string NameKk,
    string CategoryRu,
    string CategoryKk,
    int DurationMinutes,
    long PriceTiyn);

public sealed record DoctorDto(
    long Id,
    string FullName,
    string SpecialtyRu,
    string SpecialtyKk,
    string? PhotoUrl,
    IReadOnlyList<long> BranchIds,
    IReadOnlyList<long> ServiceIds);
