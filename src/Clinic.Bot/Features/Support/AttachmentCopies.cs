using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Clinic.Bot.Features.Support;

/// <summary>
/// Gives the clinic its own copy of a photo or file the patient attached, so staff can open it without the bot's
/// Telegram token. Best effort: the ticket already keeps Telegram's file id, so a failed copy loses nothing.
/// </summary>
public static class AttachmentCopies
{
    // Telegram lets bots download files up to 20 MB; the API keeps no more either.
    private const long MaxBytes = 20L * 1024 * 1024;

    public static async Task KeepAsync(BotContext context, long ticketId, TicketMessageDto message)
    {
        // The original API keeps only Telegram's file_id: staff fetch the file from Telegram.
        if (message.Attachment is not { } attachment || !context.Offers(ClinicApi.ApiExtension.TicketThreads))
            return;
        var logger = context.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AttachmentCopies));
        try
        {
            var file = await context.Bot.GetFile(attachment.TelegramFileId, context.CancellationToken);
            if (file.FilePath is null || file.FileSize > MaxBytes)
                return;
            using var content = new MemoryStream();
            await context.Bot.DownloadFile(file.FilePath, content, context.CancellationToken);
            var result = await context.Api.UploadTicketAttachment(ticketId, message.Id, context.UserId, content.ToArray(), context.CancellationToken);
            if (!result.IsSuccess)
                logger.LogInformation("Attachment of ticket message {MessageId} not copied: {Code}", message.Id, result.ErrorCode);
        }
        catch (Exception error) when (error is ApiRequestException or HttpRequestException or IOException)
        {
            logger.LogWarning(error, "Attachment of ticket message {MessageId} could not be downloaded from Telegram", message.Id);
        }
    }
}
