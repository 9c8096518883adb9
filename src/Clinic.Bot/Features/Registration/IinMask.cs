namespace Clinic.Bot.Features.Registration;

/// <summary>Shows enough of an IIN to recognise it, never the whole number.</summary>
public static class IinMask
{
    public static string Mask(string? iin) =>
        iin is { Length: 12 } ? $"{iin[..2]}••••••••{iin[^2..]}" : "";
}
