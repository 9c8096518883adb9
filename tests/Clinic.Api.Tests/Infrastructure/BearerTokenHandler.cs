using System.Net.Http.Headers;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>Adds the bot's bearer secret to every request, as the real bot client does.</summary>
public sealed class BearerTokenHandler(string token) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}
