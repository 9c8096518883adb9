using Clinic.Contracts;

namespace Clinic.Bot.ClinicApi;

public sealed partial class ClinicApiClient
{
    // Outbox

    /// <summary>Leases due outbox rows. Not retried: a lost answer only leaves rows leased until their lease runs out.</summary>
    public Task<ApiResult<OutboxClaimResponse>> ClaimOutbox(OutboxClaimRequest request, CancellationToken ct = default) =>
        Send<OutboxClaimResponse>(HttpMethod.Post, OutboxRoutes.Claim, request, idempotencyKey: null, ct);

    /// <summary>Reports what happened to a leased row; the API answers a repeated report the same way, so callers may retry.</summary>
    public Task<ApiResult<OutboxRowStateDto>> ReportOutboxResult(long id, OutboxResultRequest request, CancellationToken ct = default) =>
        Send<OutboxRowStateDto>(HttpMethod.Post, OutboxRoutes.Result(id), request, idempotencyKey: null, ct);

    /// <summary>Reports the results of many leased rows in one request; each row is answered on its own, so callers may retry.</summary>
    public Task<ApiResult<OutboxResultsResponse>> ReportOutboxResults(OutboxResultsRequest request, CancellationToken ct = default) =>
        Send<OutboxResultsResponse>(HttpMethod.Post, OutboxRoutes.Results, request, idempotencyKey: null, ct);

    /// <summary>Keeps the rows a lease still holds leased for longer; repeating it only moves the end again.</summary>
    public Task<ApiResult<OutboxLeaseDto>> ExtendOutboxLease(Guid leaseId, OutboxLeaseExtendRequest request, CancellationToken ct = default) =>
        Send<OutboxLeaseDto>(HttpMethod.Post, OutboxRoutes.ExtendLease(leaseId), request, idempotencyKey: null, ct);
}
