namespace Clinic.Api.Features.Patients;

/// <summary>
/// How every <c>/api/bot/</c> route finds the patient a Telegram user is. A deleted account keeps its row (for the
/// visit history) under a negative placeholder id; real Telegram user ids are positive, so the placeholder, and any
/// deleted account, is nobody: its routes answer "not found".
/// </summary>
public static class TelegramPatients
{
    public static IQueryable<Patient> OfTelegramUser(this IQueryable<Patient> patients, long organizationId, long telegramId) =>
        patients.Where(p => p.OrganizationId == organizationId && p.TelegramId == telegramId && p.TelegramId > 0 && p.DeletedAtUtc == null);
}
