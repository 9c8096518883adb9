namespace Clinic.Api;

/// <summary>Instants are stored as UTC <see cref="DateTime"/> (SQLite cannot compare DateTimeOffset) and exposed as offsets.</summary>
public static class Utc
{
    public static DateTimeOffset ToOffset(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeSpan.Zero);

    public static DateTime FromOffset(DateTimeOffset value) => value.UtcDateTime;
}
