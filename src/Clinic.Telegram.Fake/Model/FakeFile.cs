namespace Clinic.Telegram.Fake;

/// <summary>A file known to the fake server, sent by the bot or by a user.</summary>
public sealed record FakeFile(
    string FileId,
    string FileUniqueId,
    string? FileName,
    string? MimeType,
    byte[] Content,
    string? SourceUrl = null,
    int Width = 0,
    int Height = 0)
{
    public long Size => Content.LongLength;
}
