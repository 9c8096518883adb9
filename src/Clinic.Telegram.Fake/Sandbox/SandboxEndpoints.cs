using System.Reflection;
using System.Text.Json;
using Clinic.Telegram.Fake.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Clinic.Telegram.Fake.Sandbox;

/// <summary>
/// The local Telegram sandbox: a web chat page (embedded static files) and the JSON "user side" API it calls,
/// mapped onto any app over a <see cref="FakeTelegramState"/>. The page renders bot text from Telegram's entities,
/// never as HTML, and follows changes through a Server-Sent Events stream.
/// </summary>
public static class SandboxEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private static readonly Dictionary<string, (string Resource, string ContentType)> StaticFiles = new(StringComparer.Ordinal)
    {
        [""] = ("index.html", "text/html; charset=utf-8"),
        ["sandbox.css"] = ("sandbox.css", "text/css; charset=utf-8"),
        ["sandbox.js"] = ("sandbox.js", "text/javascript; charset=utf-8"),
        ["favicon.svg"] = ("favicon.svg", "image/svg+xml"),
    };

    /// <summary>Maps the page at <paramref name="prefix"/>/ and its API under <paramref name="prefix"/>/api/.</summary>
    public static IEndpointRouteBuilder MapTelegramSandbox(
        this IEndpointRouteBuilder endpoints, FakeTelegramState state, IReadOnlyCollection<long>? adminIds = null, string prefix = "/sandbox")
    {
        var admins = (adminIds ?? []).ToHashSet();
        var group = endpoints.MapGroup(prefix).ExcludeFromDescription();

        // Routing matches "/sandbox" and "/sandbox/" alike; the page's relative links need the slash.
        group.MapGet("/{file?}", (HttpContext http, string? file) => file is null && http.Request.Path.Value?.EndsWith('/') != true
            ? Results.Redirect(http.Request.PathBase + http.Request.Path + "/" + http.Request.QueryString)
            : ServeStatic(http, file ?? string.Empty));

        var api = group.MapGroup("/api");
        api.MapGet("/info", () => Ok(new SandboxInfo(state.Options.BotFirstName, state.Options.BotUsername, [.. admins])));
        api.MapGet("/users", () => Ok(state.Users.Select(user => View(state, user, admins)).ToList()));
        api.MapGet("/users/{id:long}/chat", (long id) => WithUser(state, id, user => Ok(Chat(state, user, admins))));
        api.MapPost("/users/{id:long}/messages", async (HttpContext http, long id) =>
        {
            var request = await ReadAsync<SandboxTextRequest>(http);
            return WithUser(state, id, user => string.IsNullOrWhiteSpace(request?.Text)
                ? Error(400, "Type a message first.")
                : Act(() => user.SendText(request.Text.Length > 4096 ? request.Text[..4096] : request.Text)));
        });
        api.MapPost("/users/{id:long}/callback", async (HttpContext http, long id) =>
        {
            var request = await ReadAsync<SandboxPressRequest>(http);
            return WithUser(state, id, user => string.IsNullOrEmpty(request?.Data)
                ? Error(400, "The button carries no callback data.")
                : Act(() => user.PressButton(new BotMessage { MessageId = request.MessageId, ChatId = id, Date = default }, request.Data)));
        });
        api.MapPost("/users/{id:long}/reply-button", async (HttpContext http, long id) =>
        {
            var request = await ReadAsync<SandboxTextRequest>(http);
            return WithUser(state, id, user => Act(() => user.TapReplyButton(request?.Text ?? string.Empty)));
        });
        api.MapPost("/users/{id:long}/contact", (long id) => WithUser(state, id, user => Act(user.ShareOwnContact)));
        api.MapGet("/files/{fileId}", (string fileId, bool? download) => ServeFile(state, fileId, download == true));
        api.MapGet("/events", (HttpContext http) => StreamChangesAsync(http, state));
        return endpoints;
    }

    private static IResult ServeStatic(HttpContext http, string file)
    {
        if (!StaticFiles.TryGetValue(file, out var entry)) return Results.NotFound();
        using var stream = typeof(SandboxEndpoints).Assembly.GetManifestResourceStream("Sandbox." + entry.Resource)
            ?? throw new InvalidOperationException($"The sandbox page file {entry.Resource} is not embedded.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        // Defence in depth: the page builds its DOM from text nodes, and the browser runs no script but ours.
        // The stream (SSE) and the user-side API are this origin's too, hence connect-src by default-src 'self'.
        http.Response.Headers.ContentSecurityPolicy =
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.XFrameOptions = "DENY";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(memory.ToArray(), entry.ContentType);
    }

    private static IResult ServeFile(FakeTelegramState state, string fileId, bool download)
    {
        FakeFile file;
        try
        {
            file = state.FindFile(fileId);
        }
        catch (BotApiException)
        {
            return Error(404, "There is no such file.");
        }
        if (file.SourceUrl is not null) return Results.Redirect(file.SourceUrl);
        // Inline for the browser's own viewers (images, PDFs); as an attachment when the page asks to download.
        return Results.File(file.Content, file.MimeType ?? "application/octet-stream", download ? file.FileName ?? file.FileUniqueId : null);
    }

    /// <summary>Sends the state's version each time something changes, and a comment line as a keep-alive.</summary>
    private static async Task StreamChangesAsync(HttpContext http, FakeTelegramState state)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var ct = http.RequestAborted;
        long sent = -1;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var version = await state.WaitForChangeAsync(sent, sent < 0 ? TimeSpan.Zero : KeepAlive, ct);
                await http.Response.WriteAsync(version != sent ? $"data: {{\"version\":{version}}}\n\n" : ": keep-alive\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
                sent = version;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page was closed or reloaded.
        }
    }

    private static SandboxChatView Chat(FakeTelegramState state, FakeUser user, HashSet<long> admins)
    {
        // The version is read first: whatever changes while the rest is read makes the page ask again.
        var view = View(state, user, admins);
        var bot = user.Messages.Where(message => !message.Deleted).Select(message => new SandboxMessageView(
            message.MessageId, "bot", message.Date, message.ContentEditDate, message.Text, message.Entities, message.Caption,
            message.CaptionEntities, File(message.Photo), File(message.Document), null, message.InlineKeyboard));
        var sent = user.SentMessages.Select(message => new SandboxMessageView(
            message.MessageId, "user", message.Date, null, message.Text, message.Entities, message.Caption, [],
            File(message.Photo), File(message.Document), message.ContactPhone, []));
        var keyboard = user.ReplyKeyboard is { } reply ? new SandboxReplyKeyboardView(reply.Rows, reply.InputFieldPlaceholder, reply.OneTime) : null;
        var answers = user.CallbackAnswers.Where(answer => answer.Text is not null || answer.Url is not null)
            .Select(answer => new SandboxAnswerView(answer.CallbackQueryId, answer.Text, answer.ShowAlert, answer.Url)).ToList();
        return new SandboxChatView(view, [.. bot.Concat(sent).OrderBy(message => message.Id)], keyboard, answers, CommandsFor(state, user));
    }

    /// <summary>The command menu this user sees: Telegram picks the narrowest scope, then the user's language, then the fallback list.</summary>
    private static IReadOnlyList<BotCommandInfo> CommandsFor(FakeTelegramState state, FakeUser user)
    {
        string[] scopes = [$"chat:{user.Id}", "all_private_chats", "default"];
        foreach (var scope in scopes)
        {
            var commands = state.GetCommands(scope, user.LanguageCode);
            if (commands.Count == 0) commands = state.GetCommands(scope);
            if (commands.Count > 0) return commands;
        }
        return [];
    }

    private static SandboxUserView View(FakeTelegramState state, FakeUser user, HashSet<long> admins)
    {
        var last = user.Messages.LastOrDefault(message => !message.Deleted);
        var preview = last is null ? null : last.Photo is not null ? "🖼 " + last.VisibleText : last.Document is not null ? "📄 " + (last.Document.FileName ?? last.VisibleText) : last.VisibleText;
        return new SandboxUserView(user.Id, user.FirstName, user.LastName, user.Username, user.LanguageCode, user.PhoneNumber,
            admins.Contains(user.Id), state.ChatVersion(user), preview?.Length > 80 ? preview[..80] + "…" : preview);
    }

    private static SandboxFileView? File(FakeFile? file) => file is null ? null : new SandboxFileView(
        $"api/files/{Uri.EscapeDataString(file.FileId)}", file.FileName, file.MimeType, file.Size, file.Width, file.Height);

    private static IResult WithUser(FakeTelegramState state, long id, Func<FakeUser, IResult> act) =>
        state.FindUser(id) is { } user ? act(user) : Error(404, $"There is no sandbox user {id}.");

    /// <summary>What a Telegram client would not let the user do (a button that is gone) is a 409 with the reason.</summary>
    private static IResult Act(Func<Task<UserAction>> action)
    {
        try
        {
            // FakeUser's actions only enqueue an update: their tasks are already complete, nothing blocks here.
            var done = action().GetAwaiter().GetResult();
            return Ok(done);
        }
        catch (InvalidOperationException refused)
        {
            return Error(409, refused.Message.Split('\n')[0]);
        }
    }

    /// <summary>The page's camelCase JSON, whatever JSON options the host app set for its own API.</summary>
    private static async Task<T?> ReadAsync<T>(HttpContext http)
        where T : class
    {
        try
        {
            return await http.Request.ReadFromJsonAsync<T>(Json, http.RequestAborted);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static IResult Ok<T>(T value) => Results.Json(value, Json);

    private static IResult Error(int status, string message) => Results.Json(new SandboxError(message), Json, statusCode: status);
}
