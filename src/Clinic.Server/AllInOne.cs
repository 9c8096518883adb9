using Clinic.Api;
using Clinic.Bot.Configuration;
using Clinic.Telegram.Fake;
using Clinic.Telegram.Fake.Sandbox;

namespace Clinic.Server;

internal static class AllInOne
{
    private const string DefaultUrl = "http://localhost:5080";

    /// <summary>Where the web sandbox (the chat page) is mapped on this server.</summary>
    public const string SandboxPath = "/sandbox";

    /// <summary>
    /// Points the bot at this same process and, when no bot token is configured, starts a local fake Telegram
    /// so the system runs with no set-up at all. A real token never starts the sandbox, and then the production rules
    /// apply as to the API and the bot run alone (real secrets, PUBLIC_BASE_URL set).
    /// </summary>
    public static async Task<FakeTelegramServer?> AddAllInOneDefaultsAsync(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var url = FirstUrl(config["ASPNETCORE_URLS"] ?? config["urls"]) ?? DefaultUrl;
        if (config["ASPNETCORE_URLS"] is null && config["urls"] is null)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // The bot calls the API in this process unless it is told to use another one.
        if (string.IsNullOrWhiteSpace(config["DJANGO_API_URL"]))
        {
            config["DJANGO_API_URL"] = Browsable(url);
        }

        if (!string.IsNullOrWhiteSpace(config["TELEGRAM_BOT_TOKEN"]))
        {
            return null;
        }

        // The sandbox is for trying the system on this machine: payment and verify links point at this server, the demo
        // clinic is there to book at, and the bot's secret is a fresh random one (both sides are in this process), so
        // nothing needs configuring and no placeholder secret is ever accepted. What the operator set is kept.
        SetUnlessConfigured(config, "PUBLIC_BASE_URL", Browsable(url));
        SetUnlessConfigured(config, "SEED_DEMO_DATA", "true");
        SetUnlessConfigured(config, "TELEGRAM_BOT_API_SECRET", RandomSecret());

        var sandbox = await FakeTelegramServer.StartAsync();
        SandboxUsers.CreateDefaults(sandbox.State);
        config["TELEGRAM_BOT_TOKEN"] = sandbox.Token;
        config["TELEGRAM_API_URL"] = sandbox.BaseUrl;
        config["USE_WEBHOOK"] = "false";
        // A sandbox to try everything in: the payment sandbox and the API reference, unless the operator said otherwise.
        foreach (var key in new[] { "PAYMENTS_SANDBOX", "OPENAPI_PUBLIC" })
        {
            if (string.IsNullOrWhiteSpace(config[key]))
            {
                config[key] = "true";
            }
        }
        // The sandbox's administrator is the bot's administrator, unless the operator named others.
        if (string.IsNullOrWhiteSpace(config["ADMIN_TELEGRAM_IDS"]))
        {
            config["ADMIN_TELEGRAM_IDS"] = SandboxUsers.AdminId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return sandbox;
    }

    /// <summary>Serves the web chat page over the fake Telegram, and sends the bare server address there.</summary>
    public static void MapAllInOneSandbox(this WebApplication app, FakeTelegramServer? sandbox)
    {
        if (sandbox is null)
        {
            return;
        }

        // The bot's own administrators (ADMIN_TELEGRAM_IDS, validated with the bot's settings) are the page's.
        var admins = app.Services.GetRequiredService<BotOptions>().AdminTelegramIds.ToList();
        app.MapTelegramSandbox(sandbox.State, admins, SandboxPath);
        app.MapGet("/", () => Results.Redirect(SandboxPath + "/")).ExcludeFromDescription();
    }

    public static void PrintWelcome(this WebApplication app, FakeTelegramServer? sandbox)
    {
        var url = Browsable(app.Urls.FirstOrDefault() ?? DefaultUrl);
        Console.WriteLine();
        Console.WriteLine(app.IsOpenApiPublic()
            ? $"Clinic API:        {url}  (OpenAPI UI {url}/scalar, health {url}/health)"
            : $"Clinic API:        {url}  (health {url}/health)");
        if (sandbox is null)
        {
            Console.WriteLine("Telegram bot:      connected to Telegram with TELEGRAM_BOT_TOKEN");
        }
        else
        {
            Console.WriteLine($"Telegram sandbox:  open {url}{SandboxPath}/ in a browser to chat with the bot (no TELEGRAM_BOT_TOKEN set)");
            Console.WriteLine($"                   fake Bot API at {sandbox.BaseUrl}, administrator's Telegram id {SandboxUsers.AdminId}");
        }

        Console.WriteLine("Press Ctrl+C to stop.");
    }

    private static void SetUnlessConfigured(IConfiguration config, string key, string value)
    {
        if (string.IsNullOrWhiteSpace(config[key]))
        {
            config[key] = value;
        }
    }

    private static string RandomSecret() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>A listening address as a person types it into a browser (0.0.0.0, + and * mean this machine).</summary>
    private static string Browsable(string url) =>
        url.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");

    private static string? FirstUrl(string? urls) =>
        urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
