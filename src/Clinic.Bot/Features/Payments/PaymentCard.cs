using Clinic.Bot.ClinicApi;
using Clinic.Bot.Localization;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Payments;

/// <summary>
/// One payment in the chat: a photo of the QR code with the amount, a "Pay in Kaspi" link button and a "Check status"
/// button; checking edits the photo's caption in place.
/// </summary>
public static class PaymentCard
{
    public static async Task OnPayInvoiceAsync(BotContext context)
    {
        var id = InvoiceId(context);
        await context.AnswerCallbackAsync();
        var result = await context.Api.GetInvoiceStatus(id, context.UserId, context.CancellationToken);
        if (await FailedAsync(context, result))
        {
            return;
        }

        await ShowAsync(context, result.Value!);
    }

    public static async Task OnPayVisitAsync(BotContext context)
    {
        if (!CallbackData.TryLong(context.CallbackParts, 2, out var appointmentId))
        {
            throw new StaleButtonException();
        }

        await context.AnswerCallbackAsync();
        await CreateAndShowAsync(context, new CreateInvoiceRequest(context.UserId, appointmentId));
    }

    public static async Task OnPayBalanceAsync(BotContext context)
    {
        await context.AnswerCallbackAsync();
        await CreateAndShowAsync(context, new CreateInvoiceRequest(context.UserId));
    }

    public static async Task OnCheckStatusAsync(BotContext context)
    {
        var id = InvoiceId(context);
        var result = await context.Api.GetInvoiceStatus(id, context.UserId, context.CancellationToken);
        if (!result.IsSuccess)
        {
            await context.AnswerCallbackAsync();
            await FailedAsync(context, result);
            return;
        }

        var invoice = result.Value!;
        var texts = context.Texts;
        await context.AnswerCallbackAsync(invoice.Status is InvoiceStatus.Created or InvoiceStatus.Waiting ? texts["payments.still_waiting"] : null);
        if (context.Callback?.Message is not { } pressed)
        {
            return;
        }

        try
        {
            await context.Bot.EditMessageCaption(context.ChatId, pressed.MessageId, Caption(texts, invoice),
                replyMarkup: IsOpen(invoice) ? pressed.ReplyMarkup : null, cancellationToken: context.CancellationToken);
        }
        catch (ApiRequestException error) when (error.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            // Still waiting, as the caption already says.
        }
    }

    private static async Task CreateAndShowAsync(BotContext context, CreateInvoiceRequest request)
    {
        var result = await context.Api.CreateInvoice(request, context.CancellationToken);
        if (await FailedAsync(context, result))
        {
            return;
        }

        await ShowAsync(context, result.Value!);
    }

    /// <summary>A paid or closed invoice is said so; an open one is sent as the QR photo.</summary>
    private static async Task ShowAsync(BotContext context, InvoiceDto invoice)
    {
        var texts = context.Texts;
        if (!IsOpen(invoice) || invoice.PayUrl is null)
        {
            await context.SendAsync(Caption(texts, invoice));
            return;
        }

        var caption = Caption(texts, invoice);
        var check = new[] { Keyboards.Button(texts["payments.check_status"], "py", "st", invoice.Id) };
        var withLink = Keyboards.Inline([[InlineKeyboardButton.WithUrl(texts["payments.pay_in_kaspi"], invoice.PayUrl)], check]);
        try
        {
            await SendQrAsync(context, invoice.PayUrl, caption, withLink);
        }
        catch (ApiRequestException error) when (error.ErrorCode == 400)
        {
            // Telegram refuses link buttons to some addresses (a sandbox on localhost): the QR code alone still works.
            await SendQrAsync(context, invoice.PayUrl, caption, Keyboards.Inline([check]));
        }
    }

    private static Task<Message> SendQrAsync(BotContext context, string payUrl, string caption, InlineKeyboardMarkup markup) =>
        context.Bot.SendPhoto(context.ChatId, InputFile.FromStream(new MemoryStream(QrImage.Png(payUrl)), "kaspi-qr.png"),
            caption: caption, replyMarkup: markup, cancellationToken: context.CancellationToken);

    /// <summary>The QR photo's caption: how to pay while the invoice is open, only what happened once it is closed.</summary>
    public static string Caption(Texts texts, InvoiceDto invoice) => texts.Format(IsOpen(invoice) ? "payments.qr_caption" : "payments.closed_caption",
        ("what", PaymentsMenu.What(texts, invoice)),
        ("amount", texts.Money(invoice.AmountTiyn)),
        ("status", texts[$"payments.status.{invoice.Status.ToString().ToLowerInvariant()}"]));

    private static bool IsOpen(InvoiceDto invoice) => invoice.Status is InvoiceStatus.Created or InvoiceStatus.Waiting;

    private static long InvoiceId(BotContext context) =>
        CallbackData.TryLong(context.CallbackParts, 2, out var id) ? id : throw new StaleButtonException();

    /// <summary>Explains a refusal as every feature does, except that a missing invoice is the payments' own "not found".</summary>
    private static async Task<bool> FailedAsync<T>(BotContext context, ApiResult<T> result)
    {
        if (result.IsSuccess)
        {
            return false;
        }

        if (result.ErrorCode == ErrorCodes.NotFound)
        {
            await context.SendAsync(context.Texts["payments.not_found"]);
            return true;
        }

        return await context.FailedAsync(result);
    }
}
