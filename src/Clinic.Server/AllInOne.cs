using Clinic.Telegram.Fake;

namespace Clinic.Server;

internal static class AllInOne
{
    private const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// Points the bot at this same process and, when no bot token is configured, starts a local fake Telegram
    /// so the system runs with no set-up at all. A real token never starts the sandbox.
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
            config["DJANGO_API_URL"] = url.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost");
        }

        if (!string.IsNullOrWhiteSpace(config["TELEGRAM_BOT_TOKEN"]))
        {
            return null;
        }

        var sandbox = await FakeTelegramServer.StartAsync();
        config["TELEGRAM_BOT_TOKEN"] = sandbox.Token;
        config["TELEGRAM_API_URL"] = sandbox.BaseUrl;
        config["USE_WEBHOOK"] = "false";
        return sandbox;
    }

    public static void PrintWelcome(this WebApplication app, FakeTelegramServer? sandbox)
    {
        var url = app.Urls.FirstOrDefault() ?? DefaultUrl;
        Console.WriteLine();
        Console.WriteLine($"Clinic API:      {url}  (OpenAPI UI {url}/scalar, health {url}/health)");
        Console.WriteLine(sandbox is null
            ? "Telegram bot:    connected to Telegram with TELEGRAM_BOT_TOKEN"
            : $"Telegram bot:    local sandbox (no TELEGRAM_BOT_TOKEN set), fake Bot API at {sandbox.BaseUrl}");
        Console.WriteLine("Press Ctrl+C to stop.");
    }

    private static string? FirstUrl(string? urls) =>
        urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
