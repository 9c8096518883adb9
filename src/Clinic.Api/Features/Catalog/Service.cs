using Clinic.Contracts;

namespace Clinic.Api.Features.Catalog;

/// <summary>A bookable medical service. Price in tiyn (1/100 tenge), buffers keep the room free around a visit.</summary>
public sealed class Service
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public required string NameRu { get; set; }
    public required string NameKk { get; set; }
    public required string CategoryRu { get; set; }
    public required string CategoryKk { get; set; }
    /// <summary>English names, for patients who read English; without them they see the Russian ones.</summary>
    public string? NameEn { get; set; }
    public string? CategoryEn { get; set; }
    public int DurationMinutes { get; set; }
    public long PriceTiyn { get; set; }
    public int BufferBeforeMinutes { get; set; }
    public int BufferAfterMinutes { get; set; }
    public bool IsActive { get; set; } = true;

    public ServiceDto AsDto() => new(Id, NameRu, NameKk, CategoryRu, CategoryKk, DurationMinutes, PriceTiyn, NameEn, CategoryEn);
}
