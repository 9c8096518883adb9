using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Clinic.Server.Tests.Infrastructure;

/// <summary>
/// The all-in-one server started as the README's run command starts it, on a free loopback port, with its SQLite
/// database, bot state and documents in a temp folder, and with no bot token: so it brings up the Telegram sandbox.
/// Variables the apps read are removed from the inherited environment first, so the test machine's own settings
/// (a TELEGRAM_BOT_TOKEN, a REDIS_HOST) cannot leak in.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _directory;

    private ServerProcess(Process process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    /// <summary>The API's address as the server printed it, e.g. http://127.0.0.1:41234.</summary>
    public string ApiUrl { get; private set; } = "";

    /// <summary>The server said it talks to Telegram with a token (and so started no sandbox).</summary>
    public bool UsesRealTelegram { get; private set; }

    /// <summary>The sandbox page's address as the server printed it, e.g. http://127.0.0.1:41234/sandbox/.</summary>
    public string SandboxUrl { get; private set; } = "";

    /// <summary>The fake Bot API the bot talks to, as the server printed it.</summary>
    public string FakeBotApiUrl { get; private set; } = "";

    public long PrintedAdminId { get; private set; }

    /// <summary>The staff token a test starts a server with (ADMIN_API_TOKEN) to act as the clinic's reception.</summary>
    public const string StaffToken = "browser-tests-staff-token-0123456789";

    /// <summary>
    /// The bot's API secret a test server gets (TELEGRAM_BOT_API_SECRET), so the test can call /api/bot/ as the bot does.
    /// Set it to "" to let the sandbox generate its own, as on a fresh clone.
    /// </summary>
    public const string BotApiSecret = "browser-tests-bot-api-secret-0123456789";

    /// <summary>The server's SQLite database (SQLITE_PATH), in this server's own temp folder.</summary>
    public string DatabasePath => Path.Combine(_directory, "clinic.db");

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Starts the server and waits until it printed where to open it; <paramref name="settings"/> are added to its environment.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "clinic-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            // No .env above a temp folder: the server runs on its embedded defaults, as on a fresh clone.
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Repo.ServerDll());
        foreach (var name in info.Environment.Keys.Where(IsAppSetting).ToList())
            info.Environment.Remove(name);
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["SQLITE_PATH"] = Path.Combine(directory, "clinic.db");
        info.Environment["BOT_STATE_PATH"] = Path.Combine(directory, "bot-state.db");
        info.Environment["DOCUMENTS_PATH"] = Path.Combine(directory, "documents");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        info.Environment["TELEGRAM_BOT_API_SECRET"] = BotApiSecret;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new ServerProcess(process, directory);
        process.OutputDataReceived += (_, e) => server.Read(e.Data);
        process.ErrorDataReceived += (_, e) => server.Read(e.Data);
        process.Exited += (_, _) => server._ready.TrySetException(new InvalidOperationException("Clinic.Server exited:\n" + server.Output));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server._ready.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            await server.DisposeAsync();
            throw new TimeoutException($"Clinic.Server did not print the sandbox URL within {StartTimeout.TotalSeconds} s:\n{server.Output}");
        }

        if (!server.UsesRealTelegram)
            await server.WarmUpAsync(info.Environment["TELEGRAM_BOT_API_SECRET"]);
        return server;
    }

    /// <summary>
    /// Asks the API what the bot asks first, without the bot's short timeouts: on a busy machine (two cores, a browser,
    /// another server) a just-started server's first answers are slow, and a test should not fail on that.
    /// </summary>
    private async Task WarmUpAsync(string? botApiSecret)
    {
        using var http = new HttpClient { BaseAddress = new Uri(ApiUrl), Timeout = StartTimeout };
        (await http.GetAsync(Contracts.Routes.Health)).EnsureSuccessStatusCode();
        if (string.IsNullOrEmpty(botApiSecret))
            return;
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", botApiSecret);
        (await http.GetAsync(Contracts.Routes.Branches)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a leftover temp file is harmless */ }
    }

    private void Read(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
        if (ApiLine().Match(line) is { Success: true } api)
            ApiUrl = api.Groups["url"].Value;
        if (line.Contains("connected to Telegram with TELEGRAM_BOT_TOKEN", StringComparison.Ordinal))
        {
            UsesRealTelegram = true;
            _ready.TrySetResult();
        }
        if (SandboxLine().Match(line) is { Success: true } sandbox)
            SandboxUrl = sandbox.Groups["url"].Value;
        if (FakeApiLine().Match(line) is { Success: true } fake)
        {
            FakeBotApiUrl = fake.Groups["url"].Value;
            PrintedAdminId = long.Parse(fake.Groups["admin"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (SandboxUrl.Length > 0 && FakeBotApiUrl.Length > 0)
            _ready.TrySetResult();
    }

    /// <summary>Keys of .env.example and the host's own settings: never inherited from the machine running the tests.</summary>
    private static bool IsAppSetting(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || EnvExampleKeys.Value.Contains(name);

    private static readonly Lazy<HashSet<string>> EnvExampleKeys = new(() =>
        File.ReadAllLines(Path.Combine(Repo.Root, ".env.example"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#') && line.Contains('='))
            .Select(line => line[..line.IndexOf('=')])
            .ToHashSet(StringComparer.OrdinalIgnoreCase));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^Clinic API:\s+(?<url>http://\S+)")]
    private static partial Regex ApiLine();

    [GeneratedRegex(@"Telegram sandbox:\s+open (?<url>http://\S+) in a browser")]
    private static partial Regex SandboxLine();

    [GeneratedRegex(@"fake Bot API at (?<url>http://\S+), administrator's Telegram id (?<admin>\d+)")]
    private static partial Regex FakeApiLine();
}
