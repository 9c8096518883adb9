using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Clinic.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Clinic.Api;

/// <summary>
/// Authenticates clinic staff on <c>/api/admin/</c> by <c>Authorization: Bearer {ADMIN_API_TOKEN}</c>, compared in
/// constant time. Separate from the bot's secret: the bot's secret never opens the staff API, and with no
/// <c>ADMIN_API_TOKEN</c> configured the staff API is closed to everyone.
/// </summary>
public sealed class AdminTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ClinicApiOptions clinic) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminToken";
    public const string PolicyName = "Staff";

    private readonly byte[]? _token = string.IsNullOrEmpty(clinic.AdminApiToken)
        ? null
        : SHA256.HashData(Encoding.UTF8.GetBytes(clinic.AdminApiToken));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (_token is null || !header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[prefix.Length..].Trim()));
        if (!CryptographicOperations.FixedTimeEquals(presented, _token))
            return Task.FromResult(AuthenticateResult.Fail("Wrong staff token."));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "staff")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return ErrorHandling.WriteAsync(Context, new ApiError(ErrorCodes.Unauthorized, "Missing or wrong staff token."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return ErrorHandling.WriteAsync(Context, new ApiError(ErrorCodes.Forbidden, "Not allowed."));
    }
}
