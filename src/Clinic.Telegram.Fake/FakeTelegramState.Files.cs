using Clinic.Telegram.Fake.Api;

namespace Clinic.Telegram.Fake;

// Files uploaded by the bot or sent by users, addressable by file_id and downloadable by file_path.
public sealed partial class FakeTelegramState
{
    private readonly Dictionary<string, FakeFile> _files = [];
    private readonly Dictionary<string, string> _filePaths = [];
    private long _nextFileNumber = 1;

    internal FakeFile StoreFile(string kind, byte[] content, string? fileName, string? mimeType, string? sourceUrl = null)
    {
        lock (_gate)
        {
            var number = _nextFileNumber++;
            var (width, height) = kind == "photo" ? ImageSize.Of(content) : (0, 0);
            var file = new FakeFile($"{kind}-{number:D6}-{Guid.NewGuid():N}", $"u{number:D6}", fileName, mimeType, content, sourceUrl, width, height);
            _files[file.FileId] = file;
            return file;
        }
    }

    internal FakeFile FindFile(string fileId)
    {
        lock (_gate)
            return _files.GetValueOrDefault(fileId) ?? throw BotApiException.BadRequest("wrong file identifier/HTTP URL specified");
    }

    /// <summary>getFile: gives the file a download path under /file/bot{token}/.</summary>
    internal string FilePathOf(FakeFile file)
    {
        lock (_gate)
        {
            var existing = _filePaths.FirstOrDefault(pair => pair.Value == file.FileId).Key;
            if (existing is not null) return existing;
            var folder = file.FileId.StartsWith("photo", StringComparison.Ordinal) ? "photos" : "documents";
            var extension = Path.GetExtension(file.FileName ?? string.Empty);
            var path = $"{folder}/file_{_filePaths.Count + 1}{extension}";
            _filePaths[path] = file.FileId;
            return path;
        }
    }

    internal FakeFile? FileAtPath(string path)
    {
        lock (_gate) return _filePaths.TryGetValue(path, out var fileId) ? _files[fileId] : null;
    }
}
