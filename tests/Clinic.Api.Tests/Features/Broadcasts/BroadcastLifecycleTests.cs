using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Features.Broadcasts;

/// <summary>
/// Starting, scheduling, pausing, resuming and cancelling a broadcast, and what its analytics show. Broadcasts go to
/// every subscriber of the class's database, so each test reasons from its own broadcast's audience.
/// </summary>
public abstract class BroadcastLifecycleTests(ClinicApp app) : BroadcastTest(app)
{
    [Fact]
    public async Task StartingPlansOnePendingBroadcastRowPerRecipientWithTheContentInItsPayload()
    {
        var ids = await Population.SubscribersAsync(App, 25);
        var draft = await CreateAsync(new BroadcastSegment(), text: "<b>Акция</b> &amp; <i>скидки</i>", buttonText: "Открыть", buttonUrl: "https://example.kz/promo");
        var preview = await PreviewAsync(new BroadcastSegment());

        var started = await ActOkAsync(draft.Id, "start");

        Assert.Equal(BroadcastStatus.Sending, started.Status);
        var rows = await RowsAsync(draft.Id);
        Assert.Equal(preview, rows.Count);
        Assert.Equal(preview, started.Stats.Audience);
        Assert.Equal(preview, started.Stats.Pending);
        Assert.Subset(rows.Select(r => r.PatientId).ToHashSet(), ids.ToHashSet());
        Assert.All(rows, r => Assert.Equal((OutboxKinds.Broadcast, OutboxStatus.Pending), (r.Kind, r.Status)));
        var payload = JsonSerializer.Deserialize<BroadcastMessagePayload>(rows[0].Payload, ClinicJson.Options)!;
        Assert.Equal(draft.Id, payload.BroadcastId);
        Assert.Equal("<b>Акция</b> &amp; <i>скидки</i>", payload.Text);
        Assert.Equal("Открыть", payload.ButtonText);
        Assert.StartsWith("https://clinic.example/b/", payload.ButtonUrl);

        await AssertErrorAsync(await ActAsync(draft.Id, "start"), HttpStatusCode.Conflict, ErrorCodes.BroadcastNotChangeable);
        Assert.Equal(rows.Count, (await RowsAsync(draft.Id)).Count);
    }

    [Fact]
    public async Task AScheduledBroadcastPlansRowsDueAtItsTimeAndIsSendingOnceTheTimeComes()
    {
        await Population.SubscribersAsync(App, 3);
        var draft = await CreateAsync();
        var at = App.Clock.GetUtcNow().AddHours(5);

        var scheduled = await ActOkAsync(draft.Id, "start", new BroadcastStartRequest(at));

        Assert.Equal(BroadcastStatus.Scheduled, scheduled.Status);
        Assert.Equal(at, scheduled.ScheduledAt);
        Assert.All(await RowsAsync(draft.Id), r => Assert.Equal(at.UtcDateTime, r.Due));
        App.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(BroadcastStatus.Sending, (await GetAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task PauseHoldsThePendingRowsResumeReleasesThemAndTheBroadcastCompletesWhenAllAreDone()
    {
        await Population.SubscribersAsync(App, 10);
        var draft = await CreateAsync();
        var started = await ActOkAsync(draft.Id, "start");
        var audience = started.Stats.Audience;
        await DeliverAsync(draft.Id, 4);

        var paused = await ActOkAsync(draft.Id, "pause");

        Assert.Equal(BroadcastStatus.Paused, paused.Status);
        Assert.Equal((4, 0, audience - 4), (paused.Stats.Sent, paused.Stats.Pending, paused.Stats.Held));
        Assert.DoesNotContain(await RowsAsync(draft.Id), r => r.Status == OutboxStatus.Pending);
        await AssertErrorAsync(await ActAsync(draft.Id, "pause"), HttpStatusCode.Conflict, ErrorCodes.BroadcastNotChangeable);

        var resumed = await ActOkAsync(draft.Id, "resume");
        Assert.Equal(BroadcastStatus.Sending, resumed.Status);
        Assert.Equal((audience - 4, 0), (resumed.Stats.Pending, resumed.Stats.Held));

        await DeliverAsync(draft.Id, 2, OutboxStatus.Blocked);
        await DeliverAsync(draft.Id, 1, OutboxStatus.Failed);
        App.Clock.Advance(TimeSpan.FromMinutes(3));
        await DeliverAsync(draft.Id, audience);
        var done = await GetAsync(draft.Id);
        Assert.Equal(BroadcastStatus.Completed, done.Status);
        Assert.Equal((audience - 3, 1, 2, 0), (done.Stats.Sent, done.Stats.Failed, done.Stats.Blocked, done.Stats.Pending));
        Assert.Equal(App.Clock.GetUtcNow(), done.CompletedAt);
    }

    [Fact]
    public async Task CancelStopsEverythingNotYetSentForGoodAndCannotBeUndone()
    {
        await Population.SubscribersAsync(App, 6);
        var draft = await CreateAsync();
        var audience = (await ActOkAsync(draft.Id, "start")).Stats.Audience;
        await DeliverAsync(draft.Id, 2);
        await ActOkAsync(draft.Id, "pause");

        var cancelled = await ActOkAsync(draft.Id, "cancel");

        Assert.Equal(BroadcastStatus.Cancelled, cancelled.Status);
        Assert.Equal((2, 0, 0, audience - 2), (cancelled.Stats.Sent, cancelled.Stats.Pending, cancelled.Stats.Held, cancelled.Stats.Cancelled));
        await AssertErrorAsync(await ActAsync(draft.Id, "resume"), HttpStatusCode.Conflict, ErrorCodes.BroadcastNotChangeable);
        await AssertErrorAsync(await ActAsync(draft.Id, "start"), HttpStatusCode.Conflict, ErrorCodes.BroadcastNotChangeable);
        Assert.Equal(BroadcastStatus.Cancelled, (await GetAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task AnalyticsShowSendsPerMinuteAndTheSendingTime()
    {
        await Population.SubscribersAsync(App, 5);
        var draft = await CreateAsync();
        var audience = (await ActOkAsync(draft.Id, "start")).Stats.Audience;
        var t0 = App.Clock.GetUtcNow();
        await DeliverAsync(draft.Id, 2, at: t0.AddSeconds(10));
        await DeliverAsync(draft.Id, 1, at: t0.AddSeconds(50));
        await DeliverAsync(draft.Id, audience, at: t0.AddSeconds(130));

        var analytics = (await App.Staff.GetFromJsonAsync<BroadcastAnalyticsDto>($"{Prefix}{draft.Id}/analytics/", ClinicJson.Options, Cancel))!;

        Assert.Equal([3, audience - 3], analytics.Progress.Select(p => p.Sent));
        Assert.Equal([t0, t0.AddMinutes(2)], analytics.Progress.Select(p => p.Minute));
        Assert.Equal(120, analytics.SendingSeconds);
        Assert.Equal(BroadcastStatus.Completed, analytics.Broadcast.Status);

        var summary = (await App.Staff.GetFromJsonAsync<BroadcastSummaryDto>(Prefix + "summary/", ClinicJson.Options, Cancel))!;
        Assert.True(summary.Sent >= audience && summary.Completed >= 1);
    }

    [Fact]
    public async Task EachRecipientGetsTheirOwnLinkAndOpeningItFiveTimesCountsOneClick()
    {
        await Population.SubscribersAsync(App, 2);
        var draft = await CreateAsync(buttonText: "Сайт", buttonUrl: "https://example.kz/spring?utm=bot");
        await ActOkAsync(draft.Id, "start");
        var links = (await RowsAsync(draft.Id))
            .Select(r => new Uri(JsonSerializer.Deserialize<BroadcastMessagePayload>(r.Payload, ClinicJson.Options)!.ButtonUrl!).AbsolutePath).ToList();
        Assert.Equal(links.Count, links.Distinct().Count());
        var browser = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 5; i++)
            await AssertRedirectsAsync(browser, links[0], "https://example.kz/spring?utm=bot");
        Assert.Equal(1, (await GetAsync(draft.Id)).Stats.Clicks);

        await AssertRedirectsAsync(browser, links[1], "https://example.kz/spring?utm=bot");
        await AssertRedirectsAsync(browser, links[1], "https://example.kz/spring?utm=bot");
        Assert.Equal(2, (await GetAsync(draft.Id)).Stats.Clicks);
        await AssertErrorAsync(await browser.GetAsync("/b/not-a-token", Cancel), HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    private static async Task AssertRedirectsAsync(HttpClient browser, string path, string target)
    {
        var response = await browser.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(target, response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("<b>bold</i>", "tags must nest")]
    [InlineData("<b>never closed", "is not closed")]
    [InlineData("<div>block</div>", "not allowed")]
    [InlineData("<script>alert(1)</script>", "not allowed")]
    [InlineData("5 < 6", "Unclosed '<'")]
    [InlineData("Tom & Jerry", "Bad entity")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a> needs")]
    [InlineData("<span>plain span</span>", "tg-spoiler")]
    [InlineData("<b onclick=\"x()\">x</b>", "no such attributes")]
    [InlineData("   ", "empty")]
    public async Task HtmlTelegramWouldRejectIsRefusedBeforeSaving(string text, string reason)
    {
        var response = await App.Staff.PostAsJsonAsync(Prefix, new BroadcastCreateRequest(text), ClinicJson.Options, Cancel);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.InvalidHtml);
        Assert.Contains(reason, error.Message);
        Assert.Contains("text", error.Errors!.Keys);
    }

    [Theory]
    [InlineData("<b>жирный</b>, <strong>s</strong>, <i>i</i> <em>e</em> <u>u</u> <ins>i</ins> <s>s</s> <strike>s</strike> <del>d</del>")]
    [InlineData("<a href=\"https://example.kz/?a=1&amp;b=2\">ссылка</a> <tg-spoiler>секрет</tg-spoiler> <span class=\"tg-spoiler\">и</span>")]
    [InlineData("<pre><code class=\"language-csharp\">var x = 1 &lt; 2;</code></pre> <blockquote expandable>цитата</blockquote> &#128512; &quot;q&quot;")]
    [InlineData("<b>вложенный <i>курсив <u>и подчёркнутый</u></i></b>")]
    public async Task EveryFormTelegramAllowsIsAccepted(string text)
    {
        var response = await App.Staff.PostAsJsonAsync(Prefix, new BroadcastCreateRequest(text), ClinicJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(text, (await ReadAsync<BroadcastDto>(response)).Text);
    }

    [Fact]
    public async Task ACaptionUnderAPhotoMayNotExceedTelegramsLimitAndAButtonNeedsBothParts()
    {
        var longText = new string('a', 1025);
        var caption = await App.Staff.PostAsJsonAsync(Prefix, new BroadcastCreateRequest(longText, PhotoUrl: "https://example.kz/p.jpg"), ClinicJson.Options, Cancel);
        await AssertErrorAsync(caption, HttpStatusCode.BadRequest, ErrorCodes.InvalidHtml);
        var plain = await App.Staff.PostAsJsonAsync(Prefix, new BroadcastCreateRequest(longText), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);

        var button = await App.Staff.PostAsJsonAsync(Prefix, new BroadcastCreateRequest("hi", ButtonText: "Go"), ClinicJson.Options, Cancel);
        var error = await AssertErrorAsync(button, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Contains("button_url", error.Errors!.Keys);
        var badUrl = await App.Staff.PostAsJsonAsync(Prefix, new BroadcastCreateRequest("hi", ButtonText: "Go", ButtonUrl: "ftp://x"), ClinicJson.Options, Cancel);
        await AssertErrorAsync(badUrl, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }
}

public sealed class BroadcastLifecycleOnSqliteTests(AdminSqliteApp app) : BroadcastLifecycleTests(app), IClassFixture<AdminSqliteApp>;

public sealed class BroadcastLifecycleOnPostgresTests(AdminPostgresApp app) : BroadcastLifecycleTests(app), IClassFixture<AdminPostgresApp>;
