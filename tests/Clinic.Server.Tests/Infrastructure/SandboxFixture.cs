using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Clinic.Server.Tests.Infrastructure.SandboxFixture))]

namespace Clinic.Server.Tests.Infrastructure;

/// <summary>
/// One all-in-one server and one headless Chromium for the whole test run, each started on first use and
/// independently of the other; each test gets its own browser context (its own tab, cookies and dialogs).
/// A second server, with a staff token, serves the clinic's flows (paying, certificates), so their patients' chats
/// and records are their own.
/// </summary>
public sealed class SandboxFixture : IAsyncDisposable
{
    private readonly Lazy<Task<ServerProcess>> _server = new(() => ServerProcess.StartAsync());
    private readonly Lazy<Task<ServerProcess>> _clinicServer = new(() =>
        ServerProcess.StartAsync(new Dictionary<string, string> { ["ADMIN_API_TOKEN"] = ServerProcess.StaffToken }));
    private readonly Lazy<Task<(IPlaywright, IBrowser)>> _browser = new(LaunchAsync);

    public Task<ServerProcess> ServerAsync() => _server.Value;

    /// <summary>The server for the clinic's flows, started with ADMIN_API_TOKEN=<see cref="ServerProcess.StaffToken"/>.</summary>
    public Task<ServerProcess> ClinicServerAsync()
    {
        Chromium.RequireInstalled();
        _ = _browser.Value; // Chromium starts meanwhile.
        return _clinicServer.Value;
    }

    /// <summary>Opens the sandbox page of <paramref name="server"/> (by default the shared one) in a fresh 1280×860 tab.</summary>
    public async Task<SandboxPage> OpenAsync(string? query = null, ServerProcess? server = null)
    {
        Chromium.RequireInstalled();
        var browser = _browser.Value;
        server ??= await _server.Value;
        var (_, chromium) = await browser;
        var context = await chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            Locale = "ru-RU",
            TimezoneId = "Asia/Almaty",
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var sandbox = new SandboxPage(context, page, server);
        await page.GotoAsync(server.SandboxUrl + query);
        return sandbox;
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        // Playwright's node driver ships inside its NuGet package, so this works offline.
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
        return (playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        if (await StartedAsync(_browser) is ((var playwright, var browser), true))
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }

        if (await StartedAsync(_server) is ({ } server, true))
            await server.DisposeAsync();
        if (await StartedAsync(_clinicServer) is ({ } clinicServer, true))
            await clinicServer.DisposeAsync();
    }

    /// <summary>What was started successfully (waiting for a start still under way), and whether anything was.</summary>
    private static async Task<(T? Value, bool Started)> StartedAsync<T>(Lazy<Task<T>> lazy)
    {
        if (!lazy.IsValueCreated)
            return (default, false);
        try
        {
            return (await lazy.Value, true);
        }
        catch (Exception failed) when (failed is InvalidOperationException or TimeoutException or PlaywrightException or IOException)
        {
            return (default, false); // The test that started it has reported the failure.
        }
    }
}
