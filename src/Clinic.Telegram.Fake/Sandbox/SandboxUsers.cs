namespace Clinic.Telegram.Fake.Sandbox;

/// <summary>The test users the web sandbox starts with: patients in each language, and a clinic administrator.</summary>
public static class SandboxUsers
{
    /// <summary>The administrator's Telegram id: the all-in-one server puts it in ADMIN_TELEGRAM_IDS.</summary>
    public const long AdminId = 500_000_900;

    public static IReadOnlyList<FakeUser> CreateDefaults(FakeTelegramState state)
    {
        FakeUser[] users =
        [
            Create(state, 500_000_101, "Айгерим", "Сапарова", "ru", "aigerim_s"),
            Create(state, 500_000_102, "Данияр", "Ахметов", "kk", "daniyar_a"),
            Create(state, 500_000_103, "Emily", "Clark", "en", "emily_c"),
            Create(state, AdminId, "Гульнара", "Касымова", "ru", "clinic_admin"),
        ];
        return users;
    }

    private static FakeUser Create(FakeTelegramState state, long id, string firstName, string lastName, string language, string username) =>
        state.FindUser(id) ?? state.CreateUser(id, firstName, language, lastName, username);
}
