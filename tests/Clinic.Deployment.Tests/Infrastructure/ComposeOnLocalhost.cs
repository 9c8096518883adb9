using System.Net.Sockets;
using System.Net;
using Clinic.Telegram.Fake;
using Npgsql;

namespace Clinic.Deployment.Tests.Infrastructure;

/// <summary>
/// docker-compose.yml played without Docker: an operator's .env (from .env.example, with a bot token, a secret and the
/// database name filled in), the backend and the bot started as separate <c>dotnet App.dll</c> processes with the
/// environment Compose would give their containers, and the service names mapped to this machine:
/// <c>postgres:5432</c> → CLINIC_TEST_POSTGRES's server, <c>redis:6379</c> → CLINIC_TEST_REDIS,
/// <c>backend:8000</c> → the backend process's port. The Bot API is the fake Telegram (TELEGRAM_API_URL), so no internet is needed.
/// </summary>
public class ComposeOnLocalhost : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string _workingDirectory = Path.Combine(Path.GetTempPath(), "clinic-deployment-tests", Guid.NewGuid().ToString("N"));
    private readonly List<AppProcess> _processes = [];
    private bool _disposed;

    public LocalServices? Services { get; } = LocalServices.FromEnvironment();
    public ComposeFile Compose { get; } = ComposeFile.LoadFromRepo();
    public FakeTelegramServer Telegram { get; private set; } = null!;
    public Dictionary<string, string> DotEnv { get; private set; } = null!;
    public string DatabaseName { get; } = "clinic_deploy_" + Guid.NewGuid().ToString("N")[..12];
    public IReadOnlyDictionary<string, string> BackendSettings { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> BotSettings { get; private set; } = null!;
    public AppProcess Backend { get; private set; } = null!;
    public AppProcess Bot { get; private set; } = null!;
    public string BackendUrl => $"http://127.0.0.1:{BackendSettings["ASPNETCORE_HTTP_PORTS"]}";
    public string BotUrl => $"http://127.0.0.1:{BotSettings["ASPNETCORE_HTTP_PORTS"]}";

    public async ValueTask InitializeAsync()
    {
        if (Services is null)
            return;
        try
        {
            await StartAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: stop what did start.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>The fake Telegram's bot (its token); the fake's default unless a subclass needs its own.</summary>
    protected virtual FakeTelegramOptions? TelegramOptions => null;

    /// <summary>Settings both processes get on top of the compose environment, as an override file would add them.</summary>
    protected virtual IReadOnlyDictionary<string, string> ProcessSettings => new Dictionary<string, string>();

    private async Task StartAsync()
    {
        Directory.CreateDirectory(_workingDirectory);
        Telegram = await FakeTelegramServer.StartAsync(TelegramOptions);
        DotEnv = OperatorDotEnv(Telegram);
        BackendSettings = BackendEnvironment(FreePort());
        BotSettings = BotEnvironment(DotEnv, FreePort());

        Backend = Track(AppProcess.Start(Repo.AppDll("Clinic.Api"), BackendSettings, WorkingDirectory("backend")));
        await WaitHealthyAsync(Backend, BackendUrl);
        Bot = Track(AppProcess.Start(Repo.AppDll("Clinic.Bot"), BotSettings, WorkingDirectory("telegram_bot")));
        await WaitHealthyAsync(Bot, BotUrl);
    }

    /// <summary>A .env as an operator writes it from .env.example for this machine.</summary>
    private Dictionary<string, string> OperatorDotEnv(FakeTelegramServer telegram)
    {
        var dotEnv = EnvFile.Parse(Repo.Read(".env.example")).ToDictionary(StringComparer.Ordinal);
        dotEnv["TELEGRAM_BOT_TOKEN"] = telegram.Token;
        dotEnv["TELEGRAM_API_URL"] = telegram.BaseUrl;
        dotEnv["TELEGRAM_BOT_API_SECRET"] = "deploy-" + Guid.NewGuid().ToString("N");
        dotEnv["TELEGRAM_WEBHOOK_SECRET"] = "webhook-" + Guid.NewGuid().ToString("N");
        dotEnv["ADMIN_API_TOKEN"] = "staff-" + Guid.NewGuid().ToString("N");
        // The clinic's public address, required in Production; and the demo clinic, so there is something to book.
        dotEnv["PUBLIC_BASE_URL"] = "https://clinic.example";
        dotEnv["SEED_DEMO_DATA"] = "true";
        // No Kaspi here: the payment sandbox, so a patient can pay.
        dotEnv["PAYMENTS_SANDBOX"] = "true";
        dotEnv["POSTGRES_USER"] = Uri.EscapeDataString(Services!.Postgres.Username ?? "postgres");
        dotEnv["POSTGRES_PASSWORD"] = Uri.EscapeDataString(Services.Postgres.Password ?? "");
        dotEnv["POSTGRES_DB"] = DatabaseName;
        return dotEnv;
    }

    private IReadOnlyDictionary<string, string> BackendEnvironment(int port)
    {
        var settings = Compose.Environment("backend", DotEnv).ToDictionary(StringComparer.Ordinal);
        settings["DATABASE_URL"] = Replace(settings["DATABASE_URL"], "@postgres:5432/", $"@{Services!.Postgres.Host}:{Services.Postgres.Port}/");
        // The image's ENV ASPNETCORE_HTTP_PORTS, on a free port instead of 8000.
        settings["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in ProcessSettings)
            settings[key] = value;
        return settings;
    }

    /// <summary>The bot's environment for <paramref name="dotEnv"/>; also used to start a differently configured second bot.</summary>
    public IReadOnlyDictionary<string, string> BotEnvironment(IReadOnlyDictionary<string, string> dotEnv, int port)
    {
        var settings = Compose.Environment("telegram_bot", dotEnv).ToDictionary(StringComparer.Ordinal);
        settings["DJANGO_API_URL"] = Replace(settings["DJANGO_API_URL"], "://backend:8000", "://127.0.0.1:" + BackendSettings["ASPNETCORE_HTTP_PORTS"]);
        settings["REDIS_HOST"] = Replace(settings["REDIS_HOST"], "redis", Services!.RedisHost);
        settings["REDIS_PORT"] = Replace(settings["REDIS_PORT"], "6379", Services.RedisPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        settings["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in ProcessSettings)
            settings[key] = value;
        return settings;
    }

    public AppProcess Track(AppProcess process)
    {
        _processes.Add(process);
        return process;
    }

    public string WorkingDirectory(string service)
    {
        var directory = Path.Combine(_workingDirectory, service);
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Waits for /health to answer at all (any status), failing with the app's output if it exits or never listens.</summary>
    public static async Task<HttpResponseMessage> WaitHealthyAsync(AppProcess app, string url, bool requireOk = true)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartTimeout;
        string last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (app.HasExited)
                throw new InvalidOperationException($"The app at {url} exited while starting:\n{app.Output}");
            try
            {
                var response = await http.GetAsync(url + "/health");
                if (!requireOk || response.IsSuccessStatusCode)
                    return response;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                last = error.Message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{url}/health did not answer 200 within {StartTimeout.TotalSeconds} s (last: {last}):\n{app.Output}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        foreach (var process in _processes)
            await process.DisposeAsync();
        if (Services is null || Telegram is null)
            return;
        await Telegram.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(Services.Postgres.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try { Directory.Delete(_workingDirectory, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }

    /// <summary>Replaces a compose service name that must be there; if the compose file stops using it, the test says so.</summary>
    private static string Replace(string value, string composeName, string local) =>
        value.Contains(composeName, StringComparison.Ordinal)
            ? value.Replace(composeName, local, StringComparison.Ordinal)
            : throw new InvalidOperationException($"Expected \"{composeName}\" in \"{value}\" from docker-compose.yml.");
}
