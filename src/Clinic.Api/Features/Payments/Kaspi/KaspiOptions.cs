namespace Clinic.Api.Features.Payments.Kaspi;

/// <summary>
/// Kaspi QR partner API settings (<c>KASPI_*</c>). Kaspi is used when <see cref="ApiKey"/> is set; otherwise the sandbox.
/// The scheme picks the path prefix: basic <c>r1/v01/</c>, standard <c>r2/v01/</c>, enhanced <c>r3/v01/</c>.
/// </summary>
public sealed record KaspiOptions
{
    public string? ApiKey { get; init; }
    public Uri BaseUrl { get; init; } = new("https://qrapi-cert-up.kaspi.kz/");
    public KaspiScheme Scheme { get; init; } = KaspiScheme.Enhanced;
    public string? DeviceToken { get; init; }
    /// <summary>PKCS#12 client certificate, when Kaspi issued one (basic and standard schemes).</summary>
    public string? CertificatePath { get; init; }
    public string? CertificatePassword { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    public bool IsConfigured => ApiKey is not null;

    /// <summary>The base URL with the scheme's path prefix, ending in a slash so relative paths append.</summary>
    public Uri SchemeUrl => new(BaseUrl, Scheme switch
    {
        KaspiScheme.Basic => "r1/v01/",
        KaspiScheme.Standard => "r2/v01/",
        _ => "r3/v01/",
    });
}

public enum KaspiScheme { Basic, Standard, Enhanced }
