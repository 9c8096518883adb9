namespace Clinic.Telegram.Fake;

public sealed class FakeTelegramServer;
