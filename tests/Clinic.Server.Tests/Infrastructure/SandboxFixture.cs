using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Clinic.Server.Tests.Infrastructure.SandboxFixture))]

namespace Clinic.Server.Tests.Infrastructure;

/// <summary>
/// One all-in-one server and one headless Chromium for the whole test run, started on first use;
/// each test gets its own browser context (its own tab, cookies and dialogs).
/// </summary>
public sealed class SandboxFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ServerProcess? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<ServerProcess> ServerAsync()
    {
        await StartAsync();
        return _server!;
    }

    /// <summary>Opens the sandbox page in a fresh 1280×860 tab.</summary>
    public async Task<SandboxPage> OpenAsync(string? query = null)
    {
        Chromium.RequireInstalled();
        await StartAsync();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            Locale = "ru-RU",
            TimezoneId = "Asia/Almaty",
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var sandbox = new SandboxPage(context, page, _server!);
        await page.GotoAsync(_server!.SandboxUrl + query);
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
        _gate.Dispose();
    }
}
