using System.Text.RegularExpressions;
using Clinic.Contracts;

namespace Clinic.Bot.ClinicApi;

/// <summary>What a feature needs from the clinic API beyond the seed's 20 routes (<see cref="SeedRoutes"/>).</summary>
public enum ApiExtension
{
    /// <summary><c>outbox/claim</c> and its results: reminders, surveys, receipts, ticket replies, broadcasts.</summary>
    Outbox,
    /// <summary><c>feedback/pending/</c> and <c>feedback/visits/{id}/</c>: which visit to ask about.</summary>
    FeedbackVisits,
    /// <summary><c>support/faq/search/</c>: answers from the FAQ before a ticket is written.</summary>
    FaqSearch,
    /// <summary><c>support/tickets/</c>: the patient's tickets, their threads and attachment copies.</summary>
    TicketThreads,
    /// <summary><c>patient/notifications/</c> and <c>patient/delete/</c>.</summary>
    ProfileSettings,
    /// <summary><c>documents/visits/</c>: the visits a certificate can be printed for.</summary>
    CertificateVisits,
    /// <summary><c>/api/bot/admin/</c>: broadcasts and the clinic overview.</summary>
    Admin,
}

/// <summary>
/// Whether the API behind the bot is this project's clinic API or one that has only the original Django API's 20 routes.
/// A probe at start asks an extension route (<see cref="ProbePath"/>): our API answers in its error shape (<c>code</c>),
/// the original answers 404 without one. A route-missing answer (404/405 without a <c>code</c>) to any request outside
/// the 20 teaches the same. Until the answer is known every feature is shown (the user hears the truth on first use),
/// but <c>Idempotency-Key</c> is sent only to an API known to honour it: the original does not promise to.
/// </summary>
public sealed class ApiCapabilities(ILogger<ApiCapabilities> logger)
{
    /// <summary>An extension route that answers without touching data: <c>telegram_id=0</c> is a validation error on our API.</summary>
    public static readonly string ProbePath = FeedbackRoutes.Pending(0);

    /// <summary>The original Django API's routes (<c>telegram_bot/README.md</c>, "Endpoints"): method and path pattern.</summary>
    public static readonly IReadOnlyList<(HttpMethod Method, Regex Path)> SeedRoutes =
    [
        (HttpMethod.Post, Seed("patient/upsert/")),
        (HttpMethod.Post, Seed("patient/verify-iin/")),
        (HttpMethod.Get, Seed(@"patient/by-telegram/-?\d+/")),
        (HttpMethod.Get, Seed("branches/")),
        (HttpMethod.Get, Seed("services/")),
        (HttpMethod.Get, Seed("doctors/")),
        (HttpMethod.Get, Seed("slots/")),
        (HttpMethod.Post, Seed("appointments/")),
        (HttpMethod.Get, Seed("appointments/my/")),
        (HttpMethod.Patch, Seed(@"appointments/\d+/")),
        (HttpMethod.Post, Seed(@"appointments/\d+/cancel/")),
        (HttpMethod.Get, Seed("documents/")),
        (HttpMethod.Post, Seed("documents/generate/")),
        (HttpMethod.Get, Seed(@"documents/\d+/download/")),
        (HttpMethod.Post, Seed("payments/invoice/")),
        (HttpMethod.Get, Seed(@"payments/\d+/status/")),
        (HttpMethod.Get, Seed("payments/balance/")),
        (HttpMethod.Post, Seed("feedback/")),
        (HttpMethod.Post, Seed("support/ticket/")),
        (HttpMethod.Get, Seed("support/faq/")),
    ];

    private enum Kind { Unknown, Clinic, Seed }

    private volatile int _kind = (int)Kind.Unknown;

    /// <summary>True once the probe found this project's API, which honours <c>Idempotency-Key</c> on booking.</summary>
    public bool HonoursIdempotencyKeys => (Kind)_kind == Kind.Clinic;

    /// <summary>True once the API is known to have only the seed's routes.</summary>
    public bool IsSeedOnly => (Kind)_kind == Kind.Seed;

    /// <summary>
    /// Whether a feature needing <paramref name="extension"/> should show itself: not against a seed-only API. Today the
    /// answer is the same for every extension (this project's API has all of them, the original none); features still
    /// name theirs, so the routes each needs are written down in one place.
    /// </summary>
    public bool Offers(ApiExtension extension) => !IsSeedOnly;

    public bool Known => (Kind)_kind != Kind.Unknown;

    /// <summary>The probe's answer: any answer in our error shape (or a success) is our API; a bare 404/405 is the original.</summary>
    public void LearnFromProbe(int status, bool clinicErrorShape)
    {
        if (status is 404 or 405 && !clinicErrorShape)
            BecomeSeed($"{ProbePath} answered {status}");
        else if (clinicErrorShape || status is >= 200 and < 300)
            Become(Kind.Clinic, "The clinic API has this project's extension routes; Idempotency-Key is used for booking");
    }

    /// <summary>Any error answer: true (and the API is the original from now on) when it says a route outside the seed's is missing.</summary>
    public bool LearnFromAnswer(HttpMethod method, string path, int status, bool clinicErrorShape)
    {
        if (status is not (404 or 405) || clinicErrorShape || IsSeedRoute(method, path))
            return false;
        BecomeSeed($"{method} {PathOnly(path)} answered {status}");
        return true;
    }

    public static bool IsSeedRoute(HttpMethod method, string path)
    {
        var only = PathOnly(path);
        return SeedRoutes.Any(route => route.Method == method && route.Path.IsMatch(only));
    }

    private void BecomeSeed(string why) =>
        Become(Kind.Seed, $"The clinic API has only the original Django API's routes ({why}): reminders, broadcasts, ticket threads, "
            + "FAQ search, profile settings and the certificate wizard are off, and booking is sent without Idempotency-Key");

    /// <summary>Finding the seed API is news for the operator (features are off); finding ours is the expected case.</summary>
    private void Become(Kind kind, string message)
    {
        if (Interlocked.Exchange(ref _kind, (int)kind) != (int)kind)
            logger.Log(kind == Kind.Seed ? LogLevel.Information : LogLevel.Debug, "{Message}", message);
    }

    private static string PathOnly(string path) =>
        "/" + (Uri.TryCreate(path, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : path.Split('?')[0]).TrimStart('/');

    // Anchored at the end only: a base URL may put a prefix before /api/bot ("https://host/clinic/").
    private static Regex Seed(string pattern) => new($"{Routes.BotPrefix}/{pattern}$", RegexOptions.CultureInvariant);
}
