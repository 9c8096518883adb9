using System.Globalization;
using Clinic.Contracts;
using Polly;

namespace Clinic.Bot.ClinicApi;

/// <summary>Support: the patient's tickets and the FAQ.</summary>
public sealed partial class ClinicApiClient
{
    public Task<ApiResult<TicketDto>> CreateTicket(CreateTicketRequest request, CancellationToken ct = default) =>
        Send<TicketDto>(HttpMethod.Post, SupportRoutes.CreateTicket, request, idempotencyKey: null, ct);

    public Task<ApiResult<TicketListResponse>> GetMyTickets(long telegramId, CancellationToken ct = default) =>
        Get<TicketListResponse>(Query(SupportRoutes.Tickets, ("telegram_id", Id(telegramId))), ct);

    public Task<ApiResult<TicketDto>> GetMyTicket(long ticketId, long telegramId, CancellationToken ct = default) =>
        Get<TicketDto>(Query(SupportRoutes.Ticket(ticketId), ("telegram_id", Id(telegramId))), ct);

    public Task<ApiResult<TicketMessageDto>> AddTicketMessage(long ticketId, AddTicketMessageRequest request, CancellationToken ct = default) =>
        Send<TicketMessageDto>(HttpMethod.Post, SupportRoutes.TicketMessages(ticketId), request, idempotencyKey: null, ct);

    public Task<ApiResult<FaqResponse>> GetFaq(Language language, CancellationToken ct = default) =>
        Get<FaqResponse>(Query(SupportRoutes.Faq, ("lang", LanguageCode(language))), ct);

    public Task<ApiResult<FaqSearchResponse>> SearchFaq(string question, Language language, CancellationToken ct = default) =>
        Get<FaqSearchResponse>(Query(SupportRoutes.FaqSearch, ("q", question), ("lang", LanguageCode(language))), ct);

    /// <summary>Uploads the bytes of a message's photo or file, so staff can open it without Telegram.</summary>
    public async Task<ApiResult<TicketMessageDto>> UploadTicketAttachment(long ticketId, long messageId, long telegramId, byte[] content, CancellationToken ct = default)
    {
        var path = Query(SupportRoutes.TicketAttachment(ticketId, messageId), ("telegram_id", Id(telegramId)));
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(path.TrimStart('/'), UriKind.Relative)) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? ReadValue<TicketMessageDto>(body, status) : ReadError<TicketMessageDto>(request, body, status, response.ReasonPhrase);
        }
        catch (Exception error) when (error is HttpRequestException or ExecutionRejectedException || (error is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return ApiResult<TicketMessageDto>.Unavailable("The clinic API could not take the attachment.");
        }
    }

    private static string LanguageCode(Language language) => language.ToString().ToLower(CultureInfo.InvariantCulture);
}
