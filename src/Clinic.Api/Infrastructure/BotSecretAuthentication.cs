using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Clinic.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Clinic.Api;

/// <summary>
/// Authenticates the bot by <c>Authorization: Bearer {TELEGRAM_BOT_API_SECRET}</c>, compared in constant time.
/// An authentication scheme (rather than an endpoint filter) runs before body binding, so a request
/// without the secret gets 401 even when its body is malformed.
/// </summary>
public sealed class BotSecretAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ClinicApiOptions clinic) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "BotSecret";
    // Hashing first makes both sides the same length, so even the length of the secret does not leak.
    private readonly byte[] _secret = SHA256.HashData(Encoding.UTF8.GetBytes(clinic.BotApiSecret));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[prefix.Length..].Trim()));
        if (!CryptographicOperations.FixedTimeEquals(presented, _secret))
            return Task.FromResult(AuthenticateResult.Fail("Wrong bot secret."));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "bot")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return ErrorHandling.WriteAsync(Context, new ApiError(ErrorCodes.Unauthorized, "Missing or wrong bearer token."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return ErrorHandling.WriteAsync(Context, new ApiError(ErrorCodes.Forbidden, "Not allowed."));
    }
}
