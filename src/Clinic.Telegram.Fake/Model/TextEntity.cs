namespace Clinic.Telegram.Fake;

/// <summary>Telegram's MessageEntity: offsets and lengths are in UTF-16 code units.</summary>
public sealed record TextEntity(string Type, int Offset, int Length, string? Url = null, string? Language = null);
