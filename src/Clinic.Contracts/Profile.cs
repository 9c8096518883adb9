namespace Clinic.Contracts;

/// <summary>Notification settings of the patient; null leaves a setting as it is.</summary>
public sealed record NotificationSettingsRequest(long TelegramId, bool? RemindersEnabled = null, bool? NewsOptIn = null);

/// <summary>Withdraws consent and deletes the account: <see cref="Confirm"/> must be true.</summary>
public sealed record DeleteAccountRequest(long TelegramId, bool Confirm);

/// <summary>What the deletion did: personal data erased, future visits and pending messages cancelled.</summary>
public sealed record DeleteAccountResponse(bool Deleted, int CancelledAppointments, int CancelledMessages);

public static class ProfileRoutes
{
    public const string Notifications = "/api/bot/patient/notifications/";
    public const string DeleteAccount = "/api/bot/patient/delete/";
}
