using QRCoder;

namespace Clinic.Bot.Features.Payments;

/// <summary>A payment link as a PNG QR code a phone camera (or the Kaspi app) can scan from the chat.</summary>
public static class QrImage
{
    public static byte[] Png(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(10);
    }
}
