using Clinic.Contracts;

namespace Clinic.Bot.ClinicApi;

/// <summary>Profile calls: notification settings and deleting the account (name, phone, language go through UpsertPatient).</summary>
public sealed partial class ClinicApiClient
{
    public Task<ApiResult<PatientDto>> SetNotifications(NotificationSettingsRequest request, CancellationToken ct = default) =>
        Send<PatientDto>(HttpMethod.Post, ProfileRoutes.Notifications, request, idempotencyKey: null, ct);

    public Task<ApiResult<DeleteAccountResponse>> DeleteAccount(long telegramId, CancellationToken ct = default) =>
        Send<DeleteAccountResponse>(HttpMethod.Post, ProfileRoutes.DeleteAccount, new DeleteAccountRequest(telegramId, Confirm: true), idempotencyKey: null, ct);
}
