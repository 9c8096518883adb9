namespace Clinic.Api.Features.Catalog;

/// <summary>A clinic chain. Every row of the API belongs to one; the bot serves DEFAULT_ORGANIZATION_ID.</summary>
public sealed class Organization
{
    public long Id { get; set; }
    public required string Name { get; set; }
}
