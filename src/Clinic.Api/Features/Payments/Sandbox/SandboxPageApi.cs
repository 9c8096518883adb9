using System.Globalization;
using System.Net;
using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Payments.Sandbox;

/// <summary>
/// The sandbox's stand-in for the Kaspi app: the page a sandbox QR code opens, with "Pay" and "Fail" buttons that post back.
/// It decides the sandbox payment only; the invoice follows when the API next asks the provider (the polling job or
/// the patient's "Check status"), as it would with Kaspi. Anyone with the link may pay, as with a real payment link.
/// </summary>
public static class SandboxPageApi
{
    public static IEndpointRouteBuilder MapSandboxPaymentPage(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("/pay/sandbox/{token}").ExcludeFromDescription().AddEndpointFilter((context, next) =>
        {
            SecurityHeaders.ForPage(context.HttpContext.Response, Style);
            return next(context);
        });
        page.MapGet("", Show).WithName("SandboxPaymentPage").WithTags("Payments");
        page.MapPost("/pay", (string token, IServiceProvider sp, ClinicDbContext db, CancellationToken ct) =>
            DecideAsync(token, ProviderStatus.Paid, sp, db, ct));
        page.MapPost("/fail", (string token, IServiceProvider sp, ClinicDbContext db, CancellationToken ct) =>
            DecideAsync(token, ProviderStatus.Failed, sp, db, ct));
        return app;
    }

    private static async Task<IResult> Show(string token, IServiceProvider services, ClinicDbContext db, CancellationToken cancellationToken)
    {
        var (sandbox, invoice, clinic) = await FindAsync(token, services, db, cancellationToken);
        if (sandbox is null || invoice is null)
            return Page(Language.Ru, "—", null, StatusCodes.Status404NotFound, w => w.NotFound);
        var status = await sandbox.GetStatusAsync(token, cancellationToken);
        return Page(invoice.Patient!.Language, clinic, invoice, StatusCodes.Status200OK, w => status switch
        {
            ProviderStatus.Paid => w.Paid,
            ProviderStatus.Failed => w.Failed,
            _ when !invoice.IsOpen => w.Closed,
            _ => null,
        });
    }

    private static async Task<IResult> DecideAsync(string token, ProviderStatus outcome, IServiceProvider services, ClinicDbContext db, CancellationToken cancellationToken)
    {
        var (sandbox, invoice, clinic) = await FindAsync(token, services, db, cancellationToken);
        if (sandbox is null || invoice is null)
            return Page(Language.Ru, "—", null, StatusCodes.Status404NotFound, w => w.NotFound);
        var language = invoice.Patient!.Language;
        var current = await sandbox.GetStatusAsync(token, cancellationToken);
        if (current == ProviderStatus.Paid || invoice.Status == InvoiceStatus.Paid)
            return Page(language, clinic, invoice, StatusCodes.Status409Conflict, w => w.AlreadyPaid);
        if (!invoice.IsOpen || !sandbox.Decide(token, outcome))
            return Page(language, clinic, invoice, StatusCodes.Status409Conflict, w => w.Closed);
        return Page(language, clinic, invoice, StatusCodes.Status200OK, w => outcome == ProviderStatus.Paid ? w.Paid : w.Failed);
    }

    private static async Task<(SandboxPaymentProvider?, Invoice?, string)> FindAsync(string token, IServiceProvider services, ClinicDbContext db, CancellationToken cancellationToken)
    {
        var sandbox = services.GetService<SandboxPaymentProvider>();
        if (sandbox is null || !sandbox.Knows(token))
            return (null, null, "");
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Patient)
            .SingleOrDefaultAsync(i => i.Provider == SandboxPaymentProvider.ProviderName && i.ProviderPaymentId == token, cancellationToken);
        var clinic = invoice is null ? "" : await db.Organizations.Where(o => o.Id == invoice.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return (sandbox, invoice, clinic);
    }

    private static IResult Page(Language language, string clinic, Invoice? invoice, int status, Func<Words, string?> outcome)
    {
        var w = Words.For(language);
        var note = outcome(w);
        var token = invoice?.ProviderPaymentId ?? "";
        var amount = invoice is null ? "" : Tenge(invoice.AmountTiyn);
        var actions = note is null
            ? $"""
               <form method="post" action="/pay/sandbox/{WebUtility.UrlEncode(token)}/pay"><button class="pay" type="submit">{w.Pay}</button></form>
               <form method="post" action="/pay/sandbox/{WebUtility.UrlEncode(token)}/fail"><button class="fail" type="submit">{w.Fail}</button></form>
               """
            : $"""<p class="note">{WebUtility.HtmlEncode(note)}</p>""";
        var html = $$"""
            <!doctype html>
            <html lang="{{w.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{w.Title}}</title>
            <style>{{Style}}</style>
            </head><body>
            <p><small>{{w.Sandbox}}</small></p>
            <h1>{{WebUtility.HtmlEncode(clinic)}}</h1>
            <p id="amount">{{w.Amount}}: <b>{{amount}}</b></p>
            {{actions}}
            </body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private const string Style = "body{font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}button{font-size:1.2rem;padding:.6rem 1.4rem;margin:.3rem 0;width:100%}.pay{background:#f14635;color:#fff;border:0}.note{font-size:1.2rem}";

    private static string Tenge(long tiyn) =>
        (tiyn % 100 == 0 ? (tiyn / 100).ToString("N0", Ru) : (tiyn / 100m).ToString("N2", Ru)) + " ₸";

    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>The page's words in the patient's language.</summary>
    private sealed record Words(string Lang, string Title, string Sandbox, string Amount, string Pay, string Fail,
        string Paid, string Failed, string AlreadyPaid, string Closed, string NotFound)
    {
        public static Words For(Language language) => language switch
        {
            Language.Kk => new("kk", "Kaspi QR төлемі", "Сынақ режимі: нақты ақша алынбайды.", "Сомасы", "Төлеу", "Төлемді қабылдамау",
                "Төлем қабылданды. Telegram-ға оралып, «Төлемді тексеру» түймесін басыңыз.", "Төлем өтпеді.",
                "Бұл шот бұрын төленген.", "Бұл шот енді жабық.", "Мұндай төлем табылмады."),
            Language.En => new("en", "Kaspi QR payment", "Sandbox: no real money is taken.", "Amount", "Pay", "Fail the payment",
                "Payment accepted. Go back to Telegram and press “Check status”.", "The payment failed.",
                "This invoice is already paid.", "This invoice is closed.", "No such payment."),
            _ => new("ru", "Оплата Kaspi QR", "Песочница: настоящие деньги не списываются.", "Сумма", "Оплатить", "Отклонить оплату",
                "Оплата принята. Вернитесь в Telegram и нажмите «Проверить оплату».", "Оплата не прошла.",
                "Этот счёт уже оплачен.", "Этот счёт закрыт.", "Такой платёж не найден."),
        };
    }
}
