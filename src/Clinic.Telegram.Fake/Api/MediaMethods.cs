using System.Text.Json.Nodes;
using Clinic.Telegram.Fake.Parsing;
using Microsoft.AspNetCore.StaticFiles;

namespace Clinic.Telegram.Fake.Api;

/// <summary>sendPhoto, sendDocument and getFile: uploads as multipart parts, or a known file_id, or a URL.</summary>
internal static class MediaMethods
{
    private const long MaxPhotoBytes = 10L * 1024 * 1024;
    private const long MaxDocumentBytes = 50L * 1024 * 1024;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static Task<ApiResult> SendPhoto(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        var chat = state.ChatFor(request);
        var photo = ReadFile(state, request, "photo", MaxPhotoBytes);
        if (photo.SourceUrl is null && !ImageSize.IsImage(photo.Content)) throw BotApiException.BadRequest("IMAGE_PROCESS_FAILED");
        return SendMedia(state, request, chat, new BotMessage { MessageId = 0, ChatId = chat.Id, Date = default, Photo = photo });
    }

    public static Task<ApiResult> SendDocument(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        var chat = state.ChatFor(request);
        var document = ReadFile(state, request, "document", MaxDocumentBytes);
        return SendMedia(state, request, chat, new BotMessage { MessageId = 0, ChatId = chat.Id, Date = default, Document = document });
    }

    public static Task<ApiResult> GetFile(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        var file = state.FindFile(request.RequiredString("file_id"));
        var result = new JsonObject
        {
            ["file_id"] = file.FileId,
            ["file_unique_id"] = file.FileUniqueId,
            ["file_size"] = file.Size,
            ["file_path"] = state.FilePathOf(file),
        };
        return Task.FromResult<ApiResult>(result);
    }

    private static Task<ApiResult> SendMedia(FakeTelegramState state, BotApiRequest request, FakeChat chat, BotMessage draft)
    {
        var caption = MessageMethods.ParseCaption(request);
        var markup = ReplyMarkup.Parse(request.Json("reply_markup"));
        draft = draft with { Caption = caption?.Text, CaptionEntities = caption?.Entities ?? [], ParseMode = request.String("parse_mode"),
            PaidBroadcast = request.Bool("allow_paid_broadcast"),
        };
        return MessageMethods.Sent(state, chat, draft.WithMarkup(markup));
    }

    private static FakeFile ReadFile(FakeTelegramState state, BotApiRequest request, string kind, long maxBytes)
    {
        if (request.File(kind) is { } upload)
        {
            if (upload.Content.LongLength > maxBytes) throw BotApiException.BadRequest("file is too big");
            if (upload.Content.Length == 0) throw BotApiException.BadRequest("file must be non-empty");
            return state.StoreFile(kind, upload.Content, upload.FileName, MimeType(upload));
        }
        var reference = request.String(kind);
        if (string.IsNullOrEmpty(reference)) throw BotApiException.BadRequest($"there is no {kind} in the request");
        if (Uri.TryCreate(reference, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            return state.StoreFile(kind, [], Path.GetFileName(url.AbsolutePath), null, sourceUrl: reference);
        return state.FindFile(reference);
    }

    /// <summary>Telegram decides the MIME type itself from the name, not from the client's header.</summary>
    private static string MimeType(UploadedFile upload) =>
        ContentTypes.TryGetContentType(upload.FileName, out var type) ? type : upload.ContentType ?? "application/octet-stream";
}
