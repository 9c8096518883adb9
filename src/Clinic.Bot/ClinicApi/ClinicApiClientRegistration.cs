using System.Net.Http.Headers;

namespace Clinic.Bot.ClinicApi;

public static class ClinicApiClientRegistration
{
    /// <summary>Whole-call limit, retries included; each attempt has its own shorter limit in <see cref="RetryHandler"/>.</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Registers <see cref="ClinicApiClient"/> as a typed HttpClient pointed at the API, with the bot's Bearer secret, timeouts and retries.</summary>
    public static IServiceCollection AddClinicApiClient(this IServiceCollection services, string baseUrl, string apiSecret)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
            throw new ArgumentException($"The clinic API URL \"{baseUrl}\" is not an absolute http(s) URL.", nameof(baseUrl));
        ArgumentException.ThrowIfNullOrWhiteSpace(apiSecret);

        services.AddTransient<RetryHandler>();
        services.AddHttpClient<ClinicApiClient>(http => Configure(http, baseAddress, apiSecret))
            .AddHttpMessageHandler<RetryHandler>();
        return services;
    }

    /// <summary>The same settings for an HttpClient built by hand (tests, tools).</summary>
    public static void Configure(HttpClient http, Uri baseAddress, string apiSecret)
    {
        // A trailing slash keeps a path prefix ("https://host/clinic/") when routes are resolved against it.
        http.BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        http.Timeout = TotalTimeout;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiSecret);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }
}
