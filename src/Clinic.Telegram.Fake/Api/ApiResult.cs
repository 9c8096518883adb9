using System.Text.Json.Nodes;

namespace Clinic.Telegram.Fake.Api;

/// <summary>The "result" of a successful call, plus the optional "description" some methods add.</summary>
internal readonly record struct ApiResult(JsonNode? Result, string? Description = null)
{
    // A fresh node each time: a JsonNode can belong to only one response document.
    public static ApiResult True => new(JsonValue.Create(true));

    public static implicit operator ApiResult(JsonNode node) => new(node);
}

internal delegate Task<ApiResult> ApiMethod(FakeTelegramState state, BotApiRequest request, CancellationToken ct);
