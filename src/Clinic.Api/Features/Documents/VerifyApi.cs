using System.Text.Encodings.Web;
using System.Text.Unicode;
using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Clinic.Api.Features.Documents;

/// <summary>
/// <c>GET /verify/{number}</c>, public and without auth: the page a document's QR code opens. It says whether the
/// clinic issued the number, its kind and issue date, and the patient's initials — nothing more, since anyone
/// holding the paper (an employer, a school, a pool) may open it. JSON when asked for, HTML otherwise.
/// </summary>
public static class VerifyApi
{
    public static IEndpointRouteBuilder MapVerifyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/verify/{number}", Verify).WithName("VerifyDocument").WithTags("Documents")
            .Produces<DocumentVerificationDto>(StatusCodes.Status200OK)
            .Produces<DocumentVerificationDto>(StatusCodes.Status404NotFound)
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
        return app;
    }

    /// <summary>Check that the clinic issued a document</summary>
    /// <remarks>
    /// Public, for anyone holding the paper (an employer, a school, a pool): the page a document's QR code opens. It says
    /// whether the clinic issued the number, its kind and issue date, and the patient's initials, nothing more. JSON when
    /// the <c>Accept</c> header prefers it, an HTML page otherwise.
    /// </remarks>
    /// <response code="200">The clinic issued the document.</response>
    /// <response code="404">No document has this number: <c>genuine</c> is false.</response>
    public static async Task<IResult> Verify(string number, HttpRequest request, ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        var normalized = DocumentNumbers.Normalize(number);
        var found = normalized is null
            ? null
            : await db.Documents.AsNoTracking()
                .Where(d => d.Number == normalized && d.OrganizationId == options.DefaultOrganizationId)
                .Select(d => new { d.Kind, d.IssueDate, d.Patient!.FullName })
                .SingleOrDefaultAsync(cancellationToken);
        var answer = found is null
            ? new DocumentVerificationDto(false, normalized ?? number)
            : new DocumentVerificationDto(true, normalized!, found.Kind, found.IssueDate, DocumentNames.Initials(found.FullName));
        var status = answer.Genuine ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
        if (WantsJson(request))
            return TypedResults.Json(answer, statusCode: status);
        SecurityHeaders.ForPage(request.HttpContext.Response, Style);
        return TypedResults.Content(Html(answer), "text/html; charset=utf-8", statusCode: status);
    }

    private const string Style = "body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}.ok{color:#1b7a33}.no{color:#b3261e}dt{font-weight:bold;margin-top:.6rem}";

    // The default encoder escapes every non-Latin letter; Cyrillic initials should stay readable in the source too.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static bool WantsJson(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        var json = accepted.Where(a => a.MediaType.Value is "application/json").Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var html = accepted.Where(a => a.MediaType.Value is "text/html").Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        return json > 0 && json >= html;
    }

    private static string Html(DocumentVerificationDto answer)
    {
        var e = Encoder;
        var verdict = answer.Genuine
            ? "<h1 class=\"ok\">✔ Документ подлинный · Құжат түпнұсқа · Genuine document</h1>"
            : "<h1 class=\"no\">✘ Документ не найден · Құжат табылмады · No such document</h1>";
        var details = answer.Genuine
            ? $"""
               <dl>
                 <dt>Номер · Нөмірі · Number</dt><dd>{e.Encode(answer.Number)}</dd>
                 <dt>Вид · Түрі · Kind</dt><dd>{e.Encode(KindName(answer.Kind!.Value))}</dd>
                 <dt>Дата выдачи · Берілген күні · Issued</dt><dd>{answer.IssueDate:dd.MM.yyyy}</dd>
                 <dt>Пациент · Науқас · Patient</dt><dd>{e.Encode(answer.PatientInitials ?? "")}</dd>
               </dl>
               """
            : $"<p>{e.Encode(answer.Number)}</p><p>Клиника не выдавала документ с таким номером. · Емхана мұндай нөмірмен құжат бермеген. · The clinic issued no document with this number.</p>";
        return $$"""
                <!doctype html>
                <html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex"><title>Проверка документа</title>
                <style>{{Style}}</style>
                </head><body>{{verdict}}{{details}}</body></html>
                """;
    }

    private static string KindName(DocumentKind kind) => kind switch
    {
        DocumentKind.VisitCertificate => "Справка о посещении · Келгені туралы анықтама · Visit certificate",
        DocumentKind.SportCertificate => "Справка о допуске к спорту · Спортқа рұқсат анықтамасы · Sport certificate",
        DocumentKind.LabResult => "Результаты анализов · Талдау нәтижелері · Lab results",
        DocumentKind.VisitSummary => "Заключение приёма · Қабылдау қорытындысы · Visit summary",
        _ => "Квитанция · Түбіртек · Receipt",
    };
}
