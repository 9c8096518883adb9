using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Clinic.Server.Tests.Infrastructure.SandboxFixture))]

namespace Clinic.Server.Tests.Infrastructure;

/// <summary>
/// One all-in-one server and one headless Chromium for the whole test run, started on first use;
/// each test gets its own browser context (its own tab, cookies and dialogs). A second server, with a staff token,
/// serves the clinic's flows (paying, certificates), so their patients' chats and records are their own.
/// </summary>
public sealed class SandboxFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ServerProcess? _server;
    private ServerProcess? _clinicServer;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<ServerProcess> ServerAsync()
    {
        await StartAsync();
        return _server!;
    }

    /// <summary>The server for the clinic's flows, started with ADMIN_API_TOKEN=<see cref="ServerProcess.StaffToken"/>.</summary>
    public async Task<ServerProcess> ClinicServerAsync()
    {
        Chromium.RequireInstalled();
        await StartAsync();
        await _gate.WaitAsync();
        try
        {
            return _clinicServer ??= await ServerProcess.StartAsync(new Dictionary<string, string> { ["ADMIN_API_TOKEN"] = ServerProcess.StaffToken });
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Opens the sandbox page of <paramref name="server"/> (by default the shared one) in a fresh 1280×860 tab.</summary>
    public async Task<SandboxPage> OpenAsync(string? query = null, ServerProcess? server = null)
    {
        Chromium.RequireInstalled();
        await StartAsync();
        server ??= _server!;
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
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

    private async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _server ??= await ServerProcess.StartAsync();
            if (_browser is null && File.Exists(Chromium.ExecutablePath))
            {
                // Playwright's node driver ships inside its NuGet package, so this works offline.
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = Chromium.ExecutablePath,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
                });
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null)
            await _server.DisposeAsync();
        if (_clinicServer is not null)
            await _clinicServer.DisposeAsync();
        _gate.Dispose();
    }
}
