namespace Clinic.Contracts;

/// <summary>Relative routes of the clinic API, as the seed's Django API names them (trailing slashes included).</summary>
public static class Routes
{
    public const string BotPrefix = "/api/bot";
    public const string AdminPrefix = "/api/admin";
    /// <summary>Readiness, kept at its old address: the same answer as <see cref="HealthReady"/>.</summary>
    public const string Health = "/health";
    /// <summary>Liveness: the process answers; no dependency is asked.</summary>
    public const string HealthLive = "/health/live";
    /// <summary>Readiness: the dependencies (database, Redis, the clinic API, the bot's loops) answer.</summary>
    public const string HealthReady = "/health/ready";

    public const string PatientUpsert = "/api/bot/patient/upsert/";
    public const string PatientVerifyIin = "/api/bot/patient/verify-iin/";
    public static string PatientByTelegram(long telegramId) => $"/api/bot/patient/by-telegram/{telegramId}/";

    public const string Branches = "/api/bot/branches/";
    public const string Services = "/api/bot/services/";
    public const string Doctors = "/api/bot/doctors/";
    public const string Slots = "/api/bot/slots/";

    public const string Appointments = "/api/bot/appointments/";
    public const string MyAppointments = "/api/bot/appointments/my/";
    public static string Appointment(long id) => $"/api/bot/appointments/{id}/";
    public static string AppointmentConfirm(long id) => $"/api/bot/appointments/{id}/confirm/";
    public static string AppointmentCancel(long id) => $"/api/bot/appointments/{id}/cancel/";

    public const string Webhook = "/api/bot/webhook/";

    // Documents
    public const string Documents = "/api/bot/documents/";
    public const string DocumentsGenerate = "/api/bot/documents/generate/";
    public const string DocumentVisits = "/api/bot/documents/visits/";
    public static string DocumentDownload(long id) => $"/api/bot/documents/{id}/download/";
    public static string StaffPatientDocuments(long patientId) => $"/api/admin/patients/{patientId}/documents";
    public static string VerifyDocument(string number) => $"/verify/{Uri.EscapeDataString(number)}";
}
