using System.Security.Cryptography;
using System.Text;
using Scalar.AspNetCore;

namespace Clinic.Api;

/// <summary>
/// Headers on every answer of the API: no MIME sniffing, never inside a frame, no referrer sent on. An answer that
/// sets no Content-Security-Policy of its own (JSON, errors, redirects) gets one that loads nothing; the HTML pages
/// set a policy naming exactly what they use (<see cref="ForPage"/>), and /scalar one for its script.
/// </summary>
public static class SecurityHeaders
{
    public const string DefaultPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static WebApplication UseClinicSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                    headers.ContentSecurityPolicy = context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce ? ScalarPolicy(nonce) : DefaultPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// One of our own pages: no script at all, its one inline stylesheet allowed by hash, forms posting back to this
    /// server only.
    /// </summary>
    public static void ForPage(HttpResponse response, string inlineStyle) =>
        response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src '{Sha256(inlineStyle)}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>
    /// The API reference: its bundled script from this server and its inline start-up script by nonce; the styles it
    /// injects at run time, and the OpenAPI document it fetches from here.
    /// </summary>
    private static string ScalarPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static string Sha256(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
