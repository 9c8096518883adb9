using System.Buffers.Binary;
using System.IO.Compression;
using ZXing;

namespace Clinic.Bot.Tests.Features.Payments;

/// <summary>Reads the QR code in a PNG the bot sent, as a phone camera would: PNG decoded to pixels, pixels to text by ZXing.</summary>
public static class QrReading
{
    public static string? Decode(byte[] png)
    {
        var (width, height, gray) = Grayscale(png);
        var source = new RGBLuminanceSource(gray, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var reader = new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        return reader.Decode(source)?.Text;
    }

    /// <summary>A small PNG decoder (no interlacing): grayscale, RGB(A) or palette, 1 or 8 bits, every row filter.</summary>
    private static (int Width, int Height, byte[] Gray) Grayscale(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        int width = 0, height = 0, depth = 0, colorType = 0;
        byte[] palette = [];
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    depth = data[8];
                    colorType = data[9];
                    Assert.Equal(0, data[12]); // not interlaced
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }
            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new NotSupportedException($"PNG color type {colorType}") };
        var bitsPerPixel = channels * depth;
        var stride = (width * bitsPerPixel + 7) / 8;
        var bpp = Math.Max(1, bitsPerPixel / 8);
        var previous = new byte[stride];
        var gray = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bpp ? row[i - bpp] : 0, up = previous[i], upLeft = i >= bpp ? previous[i - bpp] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                });
            }
            for (var x = 0; x < width; x++)
                gray[y * width + x] = Pixel(row, x, depth, colorType, palette);
            previous = row;
        }
        return (width, height, gray);
    }

    private static byte Pixel(byte[] row, int x, int depth, int colorType, byte[] palette)
    {
        int Sample(int index) => depth == 8 ? row[index] : (row[index * depth / 8] >> (8 - depth - index * depth % 8)) & ((1 << depth) - 1);
        return colorType switch
        {
            0 => (byte)(depth == 8 ? Sample(x) : Sample(x) * 255 / ((1 << depth) - 1)),
            3 => (byte)((palette[Sample(x) * 3] + palette[Sample(x) * 3 + 1] + palette[Sample(x) * 3 + 2]) / 3),
            2 => (byte)((row[x * 3] + row[x * 3 + 1] + row[x * 3 + 2]) / 3),
            6 => (byte)((row[x * 4] + row[x * 4 + 1] + row[x * 4 + 2]) / 3),
            _ => (byte)row[x * 2],
        };
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
