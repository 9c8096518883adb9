using Clinic.Contracts;

namespace Clinic.Api.Features.Catalog;

public sealed class Branch
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public required string NameRu { get; set; }
    public required string NameKk { get; set; }
    /// <summary>The English name, for patients who read English; without it they see the Russian one.</summary>
    public string? NameEn { get; set; }
    public required string Address { get; set; }
    public required string Phone { get; set; }
    /// <summary>IANA zone id; slots are laid out in it.</summary>
    public string TimeZone { get; set; } = "Asia/Almaty";
    public bool IsActive { get; set; } = true;

    public BranchDto AsDto() => new(Id, NameRu, NameKk, Address, Phone, TimeZone, NameEn);

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
