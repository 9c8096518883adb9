using UglyToad.PdfPig;
using ZXing;

namespace Clinic.Api.Tests.Features.Documents;

/// <summary>Reads a generated PDF the way a person's viewer would: its text, and the QR code image decoded.</summary>
public static class PdfReading
{
    /// <summary>The text of every page, with words joined by single spaces, so assertions read like the printed lines.</summary>
    public static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(page =>
            string.Join(" ", page.GetWords().Select(word => word.Text))));
    }

    /// <summary>Every QR code drawn as an image on the first page, decoded.</summary>
    public static List<string> QrCodes(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var found = new List<string>();
        foreach (var image in document.GetPage(1).GetImages())
        {
            Assert.True(image.TryGetBytesAsMemory(out var pixels), "The QR image's pixels could not be read.");
            var rgb = pixels.ToArray();
            Assert.Equal(image.WidthInSamples * image.HeightInSamples * 3, rgb.Length);
            var source = new RGBLuminanceSource(rgb, image.WidthInSamples, image.HeightInSamples, RGBLuminanceSource.BitmapFormat.RGB24);
            var reader = new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
            if (reader.Decode(source) is { } result)
                found.Add(result.Text);
        }
        return found;
    }
}
