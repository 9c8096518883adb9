using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Clinic.Api.Tests.Features.Payments;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>
/// Every HTML page the API serves forbids framing, MIME sniffing and referrers, and its Content-Security-Policy allows
/// exactly what the page uses: our own pages no script and their one inline stylesheet by hash.
/// </summary>
public abstract partial class SecurityHeadersTests(ClinicApp app) : PaymentsTestBase(app)
{
    [Fact]
    public async Task The_verify_page_carries_the_security_headers_and_a_policy_allowing_only_its_own_style()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/verify/MC-2026-999999");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await App.Anonymous.SendAsync(request, Cancel);

        await AssertOwnPageAsync(response);
    }

    [Fact]
    public async Task The_sandbox_payment_page_carries_the_security_headers_and_a_policy_allowing_only_its_own_style()
    {
        var patient = await RegisterAsync();
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, (await VisitAsync(patient, "booked")).Id);

        var response = await App.Anonymous.GetAsync(new Uri(invoice.PayUrl!).AbsolutePath, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertOwnPageAsync(response);
        Assert.Contains("form-action 'self'", Policy(response));
    }

    [Fact]
    public async Task The_api_reference_carries_the_security_headers_and_runs_only_its_own_nonced_script()
    {
        var response = await App.Anonymous.GetAsync("/scalar/", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        var nonce = NonceAttribute().Match(html).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"script-src 'self' 'nonce-{nonce}'", Policy(response));
    }

    [Fact]
    public async Task Json_answers_are_not_sniffed_either()
    {
        var response = await App.Anonymous.GetAsync("/health", Cancel);

        AssertCommonHeaders(response);
        Assert.Contains("default-src 'none'", Policy(response));
    }

    private static async Task AssertOwnPageAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        AssertCommonHeaders(response);
        var policy = Policy(response);
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("script-src", policy);
        var style = StyleElement().Match(await response.Content.ReadAsStringAsync(Cancel)).Groups[1].Value;
        Assert.NotEmpty(style);
        Assert.Contains($"style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'", policy);
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Policy(response));
    }

    private static string Policy(HttpResponseMessage response) => Header(response, "Content-Security-Policy");

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    [GeneratedRegex("<script[^>]*nonce=\"([^\"]+)\"")]
    private static partial Regex NonceAttribute();
}

public sealed class SecurityHeadersSqliteTests(SqliteApp app) : SecurityHeadersTests(app), IClassFixture<SqliteApp>;

public sealed class SecurityHeadersPostgresTests(PostgresApp app) : SecurityHeadersTests(app), IClassFixture<PostgresApp>;
