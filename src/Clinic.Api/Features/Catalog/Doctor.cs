using Clinic.Contracts;

namespace Clinic.Api.Features.Catalog;

public sealed class Doctor
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public required string FullName { get; set; }
    public required string SpecialtyRu { get; set; }
    public required string SpecialtyKk { get; set; }
    /// <summary>The English specialty, for patients who read English; without it they see the Russian one.</summary>
    public string? SpecialtyEn { get; set; }
    public string? PhotoUrl { get; set; }
    public bool IsActive { get; set; } = true;
    public List<DoctorBranch> Branches { get; set; } = [];
    public List<DoctorService> Services { get; set; } = [];

    public DoctorDto AsDto() => new(
        Id, FullName, SpecialtyRu, SpecialtyKk, PhotoUrl,
        Branches.Select(b => b.BranchId).Order().ToList(),
        Services.Select(s => s.ServiceId).Order().ToList(),
        SpecialtyEn);

    public DoctorSummaryDto AsSummary() => new(Id, FullName, SpecialtyRu, SpecialtyKk, SpecialtyEn);
}

public sealed class DoctorBranch
{
    public long DoctorId { get; set; }
    public long BranchId { get; set; }
}

public sealed class DoctorService
{
    public long DoctorId { get; set; }
    public long ServiceId { get; set; }
}
