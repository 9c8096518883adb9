using System.Text.Json.Nodes;

namespace Clinic.Telegram.Fake;

// The bot's command menus, kept per scope and language like Telegram does.
public sealed partial class FakeTelegramState
{
    private readonly Dictionary<(string Scope, string Language), IReadOnlyList<BotCommandInfo>> _commands = [];

    /// <summary>
    /// The commands set for exactly this scope and language (empty language = the fallback list),
    /// e.g. GetCommands("default", "kk").
    /// </summary>
    public IReadOnlyList<BotCommandInfo> GetCommands(string scope = "default", string? languageCode = null)
    {
        lock (_gate) return _commands.GetValueOrDefault((scope, languageCode ?? string.Empty)) ?? [];
    }

    internal void SetCommands(string scope, string? languageCode, IReadOnlyList<BotCommandInfo> commands)
    {
        lock (_gate)
        {
            if (commands.Count == 0) _commands.Remove((scope, languageCode ?? string.Empty));
            else _commands[(scope, languageCode ?? string.Empty)] = commands;
            ChangedLocked(null);
        }
    }

    /// <summary>Scope key: its type, plus chat and user ids for the narrower scopes ("chat:42").</summary>
    internal static string ScopeKey(JsonNode? scope)
    {
        if (scope is not JsonObject json) return "default";
        var type = json["type"]?.GetValue<string>() ?? "default";
        var chat = json["chat_id"]?.ToJsonString().Trim('"');
        var user = json["user_id"]?.ToJsonString();
        return string.Join(":", new[] { type, chat, user }.Where(part => part is not null));
    }
}
