using System.Buffers.Binary;

namespace Clinic.Telegram.Fake;

/// <summary>Recognises the image formats Telegram accepts as photos and reads their size where it is cheap.</summary>
internal static class ImageSize
{
    public static bool IsImage(ReadOnlySpan<byte> content) =>
        IsPng(content) || IsJpeg(content) || IsGif(content) || IsWebp(content);

    public static (int Width, int Height) Of(ReadOnlySpan<byte> content)
    {
        if (IsPng(content) && content.Length >= 24)
            return ((int)BinaryPrimitives.ReadUInt32BigEndian(content[16..]), (int)BinaryPrimitives.ReadUInt32BigEndian(content[20..]));
        if (IsGif(content) && content.Length >= 10)
            return (BinaryPrimitives.ReadUInt16LittleEndian(content[6..]), BinaryPrimitives.ReadUInt16LittleEndian(content[8..]));
        return (0, 0);
    }

    private static bool IsPng(ReadOnlySpan<byte> content) => content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']);
    private static bool IsJpeg(ReadOnlySpan<byte> content) => content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);
    private static bool IsGif(ReadOnlySpan<byte> content) => content.StartsWith("GIF8"u8);
    private static bool IsWebp(ReadOnlySpan<byte> content) => content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8);
}
