using System.Globalization;
using Clinic.Contracts;

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

    private static string LanguageCode(Language language) => language.ToString().ToLower(CultureInfo.InvariantCulture);
}
