using System.Text.Json.Nodes;
using Clinic.Telegram.Fake.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Clinic.Telegram.Fake;

/// <summary>Maps the Bot API routes ({prefix}/bot{token}/{method} and the file downloads) onto any app.</summary>
public static class FakeTelegramEndpoints
{
    private static readonly Dictionary<string, (string Name, ApiMethod Handler)> Methods = Table(
        ("getMe", UpdateMethods.GetMe),
        ("getUpdates", UpdateMethods.GetUpdates),
        ("setWebhook", UpdateMethods.SetWebhook),
        ("deleteWebhook", UpdateMethods.DeleteWebhook),
        ("getWebhookInfo", UpdateMethods.GetWebhookInfo),
        ("sendMessage", MessageMethods.SendMessage),
        ("editMessageText", MessageMethods.EditMessageText),
        ("editMessageCaption", MessageMethods.EditMessageCaption),
        ("editMessageReplyMarkup", MessageMethods.EditMessageReplyMarkup),
        ("deleteMessage", MessageMethods.DeleteMessage),
        ("sendChatAction", MessageMethods.SendChatAction),
        ("answerCallbackQuery", MessageMethods.AnswerCallbackQuery),
        ("sendPhoto", MediaMethods.SendPhoto),
        ("sendDocument", MediaMethods.SendDocument),
        ("getFile", MediaMethods.GetFile),
        ("setMyCommands", CommandMethods.SetMyCommands),
        ("getMyCommands", CommandMethods.GetMyCommands),
        ("deleteMyCommands", CommandMethods.DeleteMyCommands));

    /// <summary>
    /// Maps the Bot API under <paramref name="prefix"/>. Telegram.Bot drops any path from its base URL,
    /// so a host serving Telegram.Bot clients keeps the default empty prefix.
    /// </summary>
    public static IEndpointRouteBuilder MapFakeTelegram(this IEndpointRouteBuilder endpoints, FakeTelegramState state, string prefix = "")
    {
        var group = endpoints.MapGroup(prefix);
        group.MapMethods("/bot{token}/{method}", ["GET", "POST"], (HttpContext http, string token, string method) =>
            HandleAsync(http, state, token, method));
        group.MapGet("/file/bot{token}/{**path}", (string token, string path) =>
            token != state.Token ? Results.Json(Error(401, "Unauthorized"), statusCode: 401)
            : state.FileAtPath(path) is { } file ? Results.Bytes(file.Content, file.MimeType ?? "application/octet-stream", file.FileName)
            : Results.Json(Error(404, "Not Found"), statusCode: 404));
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, FakeTelegramState state, string token, string method)
    {
        if (token != state.Token)
        {
            await WriteAsync(http, 401, Error(401, "Unauthorized"));
            return;
        }
        if (!Methods.TryGetValue(method, out var entry))
        {
            await WriteAsync(http, 404, Error(404, "Not Found"));
            return;
        }
        state.Counters.RecordCall(entry.Name);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, state.ShutdownToken);
        try
        {
            var request = await BotApiRequest.ReadAsync(http.Request, cancel.Token);
            var result = await entry.Handler(state, request, cancel.Token);
            var body = new JsonObject { ["ok"] = true, ["result"] = result.Result };
            if (result.Description is not null) body["description"] = result.Description;
            await WriteAsync(http, 200, body);
        }
        catch (BotApiException error)
        {
            var body = Error(error.ErrorCode, error.Description);
            if (error.RetryAfter is { } retryAfter) body["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
            await WriteAsync(http, error.ErrorCode, body);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The bot gave up on a long poll or the server is stopping: nobody is left to answer.
        }
        catch (Exception bug) when (bug is not OperationCanceledException)
        {
            // A defect in the fake itself: say so loudly instead of answering an empty 500.
            await WriteAsync(http, 500, Error(500, $"Internal Server Error: fake Telegram failed on {entry.Name}: {bug}"));
        }
    }

    private static JsonObject Error(int code, string description) =>
        new() { ["ok"] = false, ["error_code"] = code, ["description"] = description };

    private static async Task WriteAsync(HttpContext http, int status, JsonObject body)
    {
        if (http.RequestAborted.IsCancellationRequested) return;
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body.ToJsonString(TelegramJson.WriteOptions), CancellationToken.None);
    }

    private static Dictionary<string, (string, ApiMethod)> Table(params (string Name, ApiMethod Handler)[] methods) =>
        // Telegram matches method names case-insensitively.
        methods.ToDictionary(method => method.Name, method => (method.Name, method.Handler), StringComparer.OrdinalIgnoreCase);
}
