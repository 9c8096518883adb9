using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Clinic.Telegram.Fake.Api;

/// <summary>setMyCommands, getMyCommands and deleteMyCommands, per scope and language.</summary>
internal static partial class CommandMethods
{
    public static Task<ApiResult> SetMyCommands(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        if (request.Json("commands") is not JsonArray list)
            throw BotApiException.BadRequest("field \"commands\" must be an Array");
        if (list.Count > 100) throw BotApiException.BadRequest("too many commands");
        var commands = list.Select(ParseCommand).ToList();
        state.SetCommands(FakeTelegramState.ScopeKey(request.Json("scope")), Language(request), commands);
        return Task.FromResult(ApiResult.True);
    }

    public static Task<ApiResult> GetMyCommands(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        var commands = state.GetCommands(FakeTelegramState.ScopeKey(request.Json("scope")), Language(request));
        var result = new JsonArray(commands
            .Select(command => (JsonNode)new JsonObject { ["command"] = command.Command, ["description"] = command.Description })
            .ToArray());
        return Task.FromResult<ApiResult>(result);
    }

    public static Task<ApiResult> DeleteMyCommands(FakeTelegramState state, BotApiRequest request, CancellationToken ct)
    {
        state.SetCommands(FakeTelegramState.ScopeKey(request.Json("scope")), Language(request), []);
        return Task.FromResult(ApiResult.True);
    }

    private static BotCommandInfo ParseCommand(JsonNode? node)
    {
        var command = node?["command"]?.GetValue<string>();
        var description = node?["description"]?.GetValue<string>();
        if (command is null || !CommandPattern().IsMatch(command)) throw BotApiException.BadRequest("BOT_COMMAND_INVALID");
        if (string.IsNullOrWhiteSpace(description) || description.Length > 256)
            throw BotApiException.BadRequest("BOT_COMMAND_DESCRIPTION_INVALID");
        return new BotCommandInfo(command, description);
    }

    private static string? Language(BotApiRequest request)
    {
        var language = request.String("language_code");
        if (string.IsNullOrEmpty(language)) return null;
        return LanguagePattern().IsMatch(language) ? language : throw BotApiException.BadRequest("LANG_CODE_INVALID");
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandPattern();

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguagePattern();
}
