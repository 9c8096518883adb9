using Clinic.Contracts;

namespace Clinic.Bot.ClinicApi;

/// <summary>The bot's admin side (<c>/api/bot/admin/</c>): every call names the acting administrator, whom the API checks.</summary>
public sealed partial class ClinicApiClient
{
    public Task<ApiResult<AudiencePreviewDto>> PreviewAudience(long adminId, BroadcastSegment segment, CancellationToken ct = default) =>
        Send<AudiencePreviewDto>(HttpMethod.Post, BroadcastRoutes.BotAudience(adminId), new AudiencePreviewRequest(segment), idempotencyKey: null, ct);

    public Task<ApiResult<BroadcastDto>> CreateBroadcast(long adminId, BroadcastCreateRequest request, CancellationToken ct = default) =>
        Send<BroadcastDto>(HttpMethod.Post, BroadcastRoutes.BotBroadcasts(adminId), request, idempotencyKey: null, ct);

    public Task<ApiResult<BroadcastDto>> GetBroadcast(long adminId, long id, CancellationToken ct = default) =>
        Get<BroadcastDto>(BroadcastRoutes.BotBroadcast(id, adminId), ct);

    public Task<ApiResult<BroadcastListResponse>> ListBroadcasts(long adminId, CancellationToken ct = default) =>
        Get<BroadcastListResponse>(BroadcastRoutes.BotBroadcasts(adminId), ct);

    public Task<ApiResult<BroadcastDto>> StartBroadcast(long adminId, long id, DateTimeOffset? scheduledAt, CancellationToken ct = default) =>
        Send<BroadcastDto>(HttpMethod.Post, BroadcastRoutes.BotBroadcastAction(id, "start", adminId), new BroadcastStartRequest(scheduledAt), idempotencyKey: null, ct);

    /// <summary><paramref name="action"/> is pause, resume or cancel.</summary>
    public Task<ApiResult<BroadcastDto>> ChangeBroadcast(long adminId, long id, string action, CancellationToken ct = default) =>
        Send<BroadcastDto>(HttpMethod.Post, BroadcastRoutes.BotBroadcastAction(id, action, adminId), new { }, idempotencyKey: null, ct);

    public Task<ApiResult<ClinicOverviewDto>> GetOverview(long adminId, CancellationToken ct = default) =>
        Get<ClinicOverviewDto>(BroadcastRoutes.BotOverview(adminId), ct);
}
