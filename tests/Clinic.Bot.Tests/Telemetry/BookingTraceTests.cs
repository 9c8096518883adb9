using System.Diagnostics;
using System.Globalization;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Telemetry;

/// <summary>
/// One trace from a Telegram update to the SQL: the bot's span for the update, its HTTP call to the clinic API (which
/// carries W3C traceparent), the API's server span and its database spans share one trace id, parent to child.
/// </summary>
public sealed class BookingTraceTests(TracedEnvironment env) : IClassFixture<TracedEnvironment>
{
    [Fact]
    public async Task ABookingIsOneTraceFromTheBotsUpdateThroughItsApiCallToTheApiAndItsSql()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await Scenarios.OpenCalendarAsync(chat);
        await Scenarios.PickFirstTimeAsync(chat);
        await chat.Press("bk:ok");
        await chat.Expect("booking.booked");

        // The update's span ends when its handler returns, a moment after the answer reached the chat.
        Activity? client = null;
        await Eventually.TrueAsync(() => (client = BookingCall()) is not null && Spans(client.TraceId).Any(IsUpdate),
            "the bot's span of the update that booked, and its call to POST /api/bot/appointments/");
        var trace = Spans(client!.TraceId);

        var update = Assert.Single(trace, IsUpdate);
        Assert.Equal("telegram update booking", update.DisplayName);
        Assert.Equal(ActivityTraceId.CreateFromString(client.TraceId.ToHexString()), update.TraceId);
        Assert.True(IsWithin(client, update), "the API call is not inside the update's span");
        var server = Assert.Single(trace, s => s.Source.Name == "Microsoft.AspNetCore" && s.ParentSpanId == client.SpanId);
        Assert.Equal("POST /api/bot/appointments/", server.DisplayName);
        Assert.Contains(trace, s => s.Source.Name == "OpenTelemetry.Instrumentation.EntityFrameworkCore" && IsWithin(s, server));
        Assert.DoesNotContain(trace, s => s.TagObjects.Any(tag => tag.Value is string text && text.Contains(env.Telegram.Token)));

        PrintTrace(trace, update);
    }

    private Activity? BookingCall() => env.Spans.Snapshot().FirstOrDefault(s =>
        s.Kind == ActivityKind.Client && s.GetTagItem("url.full") is string url
        && url.StartsWith(env.Api.Url + Routes.Appointments, StringComparison.Ordinal) && s.GetTagItem("http.request.method") as string == "POST");

    private List<Activity> Spans(ActivityTraceId trace) =>
        env.Spans.Snapshot().Where(s => s.TraceId == trace).DistinctBy(s => s.SpanId).ToList();

    private static bool IsUpdate(Activity span) => span.Source.Name == "Clinic.Bot";

    /// <summary>Whether <paramref name="span"/> descends from <paramref name="ancestor"/> (spans are linked by parent ids).</summary>
    private bool IsWithin(Activity span, Activity ancestor)
    {
        var byId = Spans(span.TraceId).ToDictionary(s => s.SpanId);
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
                return true;
        }
        return false;
    }

    /// <summary>The trace as a tree of names and durations, for the test's output (and the release notes).</summary>
    private static void PrintTrace(IReadOnlyList<Activity> trace, Activity root)
    {
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine($"trace {root.TraceId}");
        Print(root, 0);

        void Print(Activity span, int depth)
        {
            var detail = span.GetTagItem("url.full") ?? span.GetTagItem("db.query.text") ?? span.GetTagItem("db.statement");
            var line = $"{new string(' ', depth * 2)}{span.DisplayName}  {span.Duration.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms";
            output.WriteLine(detail is string text ? $"{line}  [{Shorten(text)}]" : line);
            foreach (var child in trace.Where(s => s.ParentSpanId == span.SpanId).OrderBy(s => s.StartTimeUtc))
                Print(child, depth + 1);
        }

        static string Shorten(string text)
        {
            var line = text.ReplaceLineEndings(" ");
            return line.Length <= 90 ? line : line[..90] + "…";
        }
    }
}
