namespace Clinic.Api.Features.Documents;

/// <summary>What a file really is, told by its first bytes (never by its name or the client's content type).</summary>
public static class FileSignatures
{
    public sealed record FileType(string ContentType, string Extension);

    public static readonly FileType Pdf = new("application/pdf", ".pdf");
    public static readonly FileType Png = new("image/png", ".png");
    public static readonly FileType Jpeg = new("image/jpeg", ".jpg");

    public static FileType? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
            return Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return Png;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return Jpeg;
        return null;
    }

    public static string ExtensionOf(string contentType) =>
        new[] { Pdf, Png, Jpeg }.FirstOrDefault(t => t.ContentType == contentType)?.Extension ?? ".bin";
}
