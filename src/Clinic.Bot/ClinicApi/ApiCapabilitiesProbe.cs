namespace Clinic.Bot.ClinicApi;

/// <summary>Asks the API at start which kind it is (<see cref="ApiCapabilities"/>), again every half minute until it answers.</summary>
public sealed class ApiCapabilitiesProbe(IServiceProvider services, ApiCapabilities capabilities, TimeProvider clock, ILogger<ApiCapabilitiesProbe> logger)
    : BackgroundService
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!capabilities.Known)
            {
                await ProbeOnceAsync(stoppingToken);
                if (!capabilities.Known)
                    await Task.Delay(RetryDelay, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the API answered.
        }
    }

    private async Task ProbeOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await services.GetRequiredService<ClinicApiClient>().ProbeCapabilities(capabilities, stoppingToken);
        }
        catch (Exception error) when (error is HttpRequestException or TimeoutException || (error is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            // The API is not up yet: the bot's health check reports that; this only asks again later.
            logger.LogDebug("The clinic API did not answer the capability probe: {Reason}", error.Message);
        }
    }
}

public static class ApiCapabilitiesSetup
{
    /// <summary>One <see cref="ApiCapabilities"/> for the process, probed at start.</summary>
    public static IServiceCollection AddApiCapabilities(this IServiceCollection services)
    {
        services.AddSingleton<ApiCapabilities>();
        services.AddHostedService<ApiCapabilitiesProbe>();
        return services;
    }
}
