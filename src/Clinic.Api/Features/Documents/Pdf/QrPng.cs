using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using QRCoder;

namespace Clinic.Api.Features.Documents.Pdf;

/// <summary>
/// A QR code as an 8-bit RGB PNG. QRCoder computes the modules; the PNG is written here because PdfPig's PNG reader
/// misreads QRCoder's own 1-bit palette PNGs, and an RGB image survives any reader.
/// </summary>
public static class QrPng
{
    public static byte[] Create(string text, int pixelsPerModule = 4)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix; // includes the 4-module quiet zone
        var size = modules.Count * pixelsPerModule;
        var stride = size * 3 + 1;
        var raw = new byte[size * stride];
        for (var y = 0; y < size; y++)
        {
            var row = modules[y / pixelsPerModule];
            // raw[y * stride] stays 0: filter type "none" for every scanline.
            for (var x = 0; x < size; x++)
            {
                var value = row[x / pixelsPerModule] ? (byte)0 : (byte)255;
                raw.AsSpan(y * stride + 1 + x * 3, 3).Fill(value);
            }
        }

        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bits per channel
        header[9] = 2; // RGB
        WriteChunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
                zlib.Write(raw);
            WriteChunk(png, "IDAT", compressed.ToArray());
        }
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var typed = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
