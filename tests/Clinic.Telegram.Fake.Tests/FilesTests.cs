using System.Text;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Clinic.Telegram.Fake.Tests;

public sealed class FilesTests : FakeTelegramTestBase
{
    // The smallest valid PNG: 1x1 pixel.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task AMultipartDocumentKeepsItsBytesNameAndCaption()
    {
        var user = Server.CreateUser(42, "Aidos");
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7 анализы");
        await using var stream = new MemoryStream(pdf);

        var sent = await Bot.SendDocument(42, InputFile.FromStream(stream, "Анализ крови.pdf"), caption: "<b>Результаты</b>", parseMode: ParseMode.Html, cancellationToken: Ct);

        var message = Assert.Single(user.Messages);
        Assert.Equal(pdf, message.Document!.Content);
        Assert.Equal("Анализ крови.pdf", message.Document.FileName);
        Assert.Equal("application/pdf", message.Document.MimeType);
        Assert.Equal("Результаты", message.Caption);
        Assert.Equal("Анализ крови.pdf", sent.Document!.FileName);
        Assert.Equal(pdf.Length, sent.Document.FileSize);
    }

    [Fact]
    public async Task ADocumentCanBeResentByFileIdAndDownloadedThroughGetFile()
    {
        var user = Server.CreateUser(42, "Aidos");
        await using var stream = new MemoryStream([1, 2, 3, 4]);
        var first = await Bot.SendDocument(42, InputFile.FromStream(stream, "receipt.bin"), cancellationToken: Ct);

        await Bot.SendDocument(42, InputFile.FromFileId(first.Document!.FileId), cancellationToken: Ct);
        var file = await Bot.GetFile(first.Document.FileId, Ct);
        using var download = new MemoryStream();
        await Bot.DownloadFile(file, download, Ct);

        Assert.Equal(2, user.Messages.Count);
        Assert.Equal(user.Messages[0].Document!.FileId, user.Messages[1].Document!.FileId);
        Assert.Equal([1, 2, 3, 4], download.ToArray());
    }

    [Fact]
    public async Task APhotoReportsItsSizeAndNonImagesAreRefused()
    {
        var user = Server.CreateUser(42, "Aidos");
        await using var png = new MemoryStream(Png);
        await using var text = new MemoryStream(Encoding.ASCII.GetBytes("not an image"));

        var sent = await Bot.SendPhoto(42, InputFile.FromStream(png, "qr.png"), cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendPhoto(42, InputFile.FromStream(text, "qr.png"), cancellationToken: Ct));

        var size = Assert.Single(sent.Photo!);
        Assert.Equal((1, 1), (size.Width, size.Height));
        Assert.Equal(Png, Assert.Single(user.Messages).Photo!.Content);
        Assert.Equal("Bad Request: IMAGE_PROCESS_FAILED", error.Message);
    }

    [Fact]
    public async Task AnUnknownFileIdIsRefused()
    {
        Server.CreateUser(42, "Aidos");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendDocument(42, InputFile.FromFileId("nope"), cancellationToken: Ct));

        Assert.Equal("Bad Request: wrong file identifier/HTTP URL specified", error.Message);
    }

    [Fact]
    public async Task AUsersDocumentArrivesWithAFileIdTheBotCanDownload()
    {
        var user = Server.CreateUser(42, "Aidos");
        await user.SendDocument([9, 8, 7], "направление.pdf", "application/pdf", "Вот направление");

        var document = Assert.Single(await Bot.GetUpdates(cancellationToken: Ct)).Message!.Document!;
        using var download = new MemoryStream();
        await Bot.GetInfoAndDownloadFile(document.FileId, download, Ct);

        Assert.Equal("направление.pdf", document.FileName);
        Assert.Equal([9, 8, 7], download.ToArray());
    }
}
