using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Clinic.Api.Data.Configurations;

/// <summary>Enums stored as the same lower-case words the API speaks (<c>booked</c>, <c>cancelled</c>), readable in SQL.</summary>
public static class EnumText
{
    public static ValueConverter<T, string> Converter<T>() where T : struct, Enum =>
        new(v => Clinic.Api.Data.ClinicDbContext.SnakeCase(v.ToString()), v => Enum.Parse<T>(v.Replace("_", ""), true));
}
