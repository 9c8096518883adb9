using System.Net;
using System.Net.Http.Headers;
using Clinic.Bot.Tests.Infrastructure;

namespace Clinic.Bot.Tests.Telegram;

/// <summary>
/// 10,000 hostile bodies at the webhook with the right secret: none may get a 5xx (Telegram would send it again
/// forever, and an error there is a crash waiting), and the bot must still answer a patient afterwards.
/// </summary>
public sealed class WebhookFuzzTests(WebhookBotEnvironment env) : IClassFixture<WebhookBotEnvironment>
{
    private const int Updates = 10_000;
    private const int Seed = 20261201;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Ten_thousand_hostile_updates_get_no_server_error_and_the_bot_still_answers_start()
    {
        var hostile = new HostileUpdates(Seed);
        var bodies = Enumerable.Range(0, Updates).Select(_ => hostile.Next()).ToList();
        var statuses = new HttpStatusCode[Updates];

        await Parallel.ForEachAsync(Enumerable.Range(0, Updates), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken },
            async (i, ct) => statuses[i] = await PostAsync(bodies[i], ct));

        var errors = Enumerable.Range(0, Updates).Where(i => (int)statuses[i] >= 500).ToList();
        Assert.True(errors.Count == 0,
            $"{errors.Count} of {Updates} updates got a 5xx (seed {Seed}), e.g. #{errors.FirstOrDefault()}: {Show(bodies[errors.FirstOrDefault()])}");
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.BadRequest, statuses);

        var chat = env.NewUser();
        await chat.Say("/start");
        await chat.Expect("start.choose_language", TimeSpan.FromSeconds(60));
    }

    private async Task<HttpStatusCode> PostAsync(byte[] body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, env.Bot.Url + "/api/bot/webhook/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", BotEnvironment.WebhookSecret);
        using var response = await Http.SendAsync(request, ct);
        return response.StatusCode;
    }

    private static string Show(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
