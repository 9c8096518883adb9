using System.Net;
using System.Net.Sockets;
using Clinic.Server.Tests.Infrastructure;

namespace Clinic.Server.Tests;

/// <summary>What the README's run command prints and serves, with and without a bot token.</summary>
public sealed class AllInOneServerTests(SandboxFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_token_the_server_prints_where_to_open_the_sandbox_and_sends_its_root_there()
    {
        var server = await fixture.ServerAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var root = await http.GetAsync(server.ApiUrl + "/", Ct);
        var page = await http.GetAsync(server.SandboxUrl, Ct);

        Assert.Equal(server.ApiUrl + "/sandbox/", server.SandboxUrl);
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/sandbox/", root.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Local Telegram sandbox", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_fresh_clone_the_sandbox_makes_its_own_bot_secret_so_the_documented_placeholder_opens_nothing()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["TELEGRAM_BOT_API_SECRET"] = "" });
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Clinic.Api.ClinicApiOptions.DefaultSecret);

        var branches = await http.GetAsync(server.ApiUrl + Clinic.Contracts.Routes.Branches, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, branches.StatusCode);
        Assert.Contains("Telegram sandbox", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_bot_token_the_sandbox_is_never_started()
    {
        // A Bot API address where nothing listens: the bot's calls fail here instead of leaving the machine.
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var nowhere = $"http://127.0.0.1:{((IPEndPoint)closed.LocalEndpoint).Port}";
        closed.Stop();
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["TELEGRAM_BOT_TOKEN"] = "123456789:AAH-real-looking-token",
            ["TELEGRAM_API_URL"] = nowhere,
            // With a real token the production rules apply: a public address for links (the bot's secret is ServerProcess's).
            ["PUBLIC_BASE_URL"] = "https://clinic.example",
        });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var page = await http.GetAsync(server.ApiUrl + "/sandbox/", Ct);
        var health = await http.GetAsync(server.ApiUrl + "/health", Ct);

        Assert.True(server.UsesRealTelegram, server.Output);
        Assert.DoesNotContain("Telegram sandbox", server.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // A real bot in Production: no API reference unless OPENAPI_PUBLIC=true.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(server.ApiUrl + "/openapi/v1.json", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_sandbox_server_counts_each_public_request_once_and_limits_webhook_guesses()
    {
        // Its own server: spending the address's allowance must not slow the browser tests' shared one.
        await using var server = await ServerProcess.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        // API and bot composed in one host: were the limiter in the pipeline twice, the burst would end at half.
        for (var i = 0; i < Clinic.Api.PublicRateLimit.Burst; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(server.ApiUrl + "/verify/MC-2026-000001", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await UntilRefusedAsync(() => http.GetAsync(server.ApiUrl + "/verify/MC-2026-000001", Ct))).StatusCode);

        var guess = await UntilRefusedAsync(() => http.PostAsync(server.ApiUrl + "/api/bot/webhook/", new StringContent("{}"), Ct));
        Assert.Equal(HttpStatusCode.TooManyRequests, guess.StatusCode);
        // The sandbox shows everything: its API reference too, though the process runs in Production.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(server.ApiUrl + "/openapi/v1.json", Ct)).StatusCode);
    }

    private static async Task<HttpResponseMessage> UntilRefusedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var response = await send();
        for (var extra = 1; response.StatusCode != HttpStatusCode.TooManyRequests && extra < Clinic.Api.PublicRateLimit.Burst; extra++)
            response = await send();
        return response;
    }
}
