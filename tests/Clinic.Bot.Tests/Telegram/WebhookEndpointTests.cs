using System.Net;
using System.Text;
using Clinic.Bot.Telegram;
using Clinic.Bot.Tests.Infrastructure;

namespace Clinic.Bot.Tests.Telegram;

/// <summary>The webhook endpoint as Telegram (or an attacker) sees it.</summary>
public sealed class WebhookEndpointTests(WebhookBotEnvironment env) : IClassFixture<WebhookBotEnvironment>
{
    private const string Path = "/api/bot/webhook/";
    private static readonly HttpClient Http = new();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    [InlineData("test-webhook-secre")]
    public async Task A_request_without_the_right_secret_is_refused_with_401(string? secret)
    {
        var response = await PostAsync(UpdateJson(1, env.NewUser().Id, "/help"), secret);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_burst_of_updates_with_the_right_secret_is_never_refused()
    {
        // Telegram re-sending one update 200 times at once: each delivery is accepted, the bot answers once.
        var chat = env.NewUser();
        var update = UpdateJson(920_000_000 + Random.Shared.Next(1_000_000), chat.Id, "/help");

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => PostAsync(update, BotEnvironment.WebhookSecret)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await chat.Expect("help.text");
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("")]
    [InlineData("{\"update_id\": \"abc\"}")]
    [InlineData("{}")]
    [InlineData("{\"message\": {\"text\": \"/start\"}}")]
    public async Task A_malformed_body_is_refused_with_400_and_the_bot_keeps_working(string body)
    {
        var response = await PostAsync(body, BotEnvironment.WebhookSecret);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var chat = env.NewUser();
        await chat.Say("/help");
        await chat.Expect("help.text");
    }

    [Theory]
    [InlineData("""{"update_id": 11, "message": {"message_id": 1, "date": 1764000000, "from": {"id": 5, "is_bot": false, "first_name": "A"}, "text": "/start"}}""")]
    [InlineData("""{"update_id": 12, "message": {"message_id": 1, "date": 1764000000, "chat": {"id": 5, "type": "private"}, "text": "/start"}}""")]
    [InlineData("""{"update_id": 13, "message": {"message_id": 1, "date": 1764000000, "chat": null, "from": null, "text": "/profile"}}""")]
    [InlineData("""{"update_id": 14, "callback_query": {"id": "1", "chat_instance": "1", "data": "ap:list:up"}}""")]
    [InlineData("""{"update_id": 15, "callback_query": {"id": "2", "from": {"id": 5, "is_bot": false, "first_name": "A"}, "inline_message_id": "x", "chat_instance": "1", "data": "pf:dy"}}""")]
    [InlineData("""{"update_id": 16, "channel_post": {"message_id": 1, "date": 1764000000, "chat": {"id": -1001, "type": "channel", "title": "News"}, "text": "/start"}}""")]
    [InlineData("""{"update_id": 17, "poll": {"id": "1", "question": "?", "options": [], "total_voter_count": 0, "is_closed": false, "is_anonymous": true, "type": "regular", "allows_multiple_answers": false}}""")]
    [InlineData("""{"update_id": 18, "a_kind_telegram_adds_next_year": {"id": 1}}""")]
    [InlineData("""{"update_id": 19, "message": {"message_id": 1, "date": 1764000000, "chat": {"id": 5, "type": "a_type_telegram_adds_later"}, "from": {"id": 5, "is_bot": false, "first_name": "A"}, "text": "/start"}}""")]
    [InlineData("""{"update_id": 20, "message": {"message_id": "one", "chat": [], "from": 7}}""")]
    public async Task An_update_without_chat_or_sender_or_of_a_kind_the_bot_ignores_is_acknowledged_with_200(string body)
    {
        var response = await PostAsync(body, BotEnvironment.WebhookSecret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var chat = env.NewUser();
        await chat.Say("/help");
        await chat.Expect("help.text");
    }

    [Fact]
    public async Task The_same_update_delivered_twice_is_handled_once()
    {
        var chat = env.NewUser();
        var updateId = 900_000_000 + Random.Shared.Next(1_000_000);
        var help = UpdateJson(updateId, chat.Id, "/help");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(help, BotEnvironment.WebhookSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(help, BotEnvironment.WebhookSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(UpdateJson(updateId + 1, chat.Id, "/cancel"), BotEnvironment.WebhookSecret)).StatusCode);

        await chat.Expect("common.cancelled");
        Assert.Single(chat.User.Messages, m => m.VisibleText == chat.Texts["help.text"]);
    }

    private Task<HttpResponseMessage> PostAsync(string body, string? secret) => PostAsync(env, body, secret);

    internal static async Task<HttpResponseMessage> PostAsync(WebhookBotEnvironment env, string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, env.Bot.Url + Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    internal static string UpdateJson(long updateId, long userId, string text) => $$$"""
        {"update_id": {{{updateId}}}, "message": {"message_id": {{{updateId % 100_000}}}, "date": 1764000000,
          "chat": {"id": {{{userId}}}, "type": "private", "first_name": "Test"},
          "from": {"id": {{{userId}}}, "is_bot": false, "first_name": "Test", "language_code": "ru"},
          "text": "{{{text}}}", "entities": [{"type": "bot_command", "offset": 0, "length": {{{text.Length}}}}]}}
        """;
}
