using Clinic.Api;
using Clinic.Bot;
using Clinic.Bot.Configuration;
using Clinic.Contracts.Telemetry;
using Clinic.Server;

// The all-in-one host: the clinic API, the bot, and (without a bot token) a local fake Telegram.
DotNetEnv.Env.NoClobber().TraversePath().Load();

try
{
    var builder = WebApplication.CreateBuilder(args);
    var sandbox = await builder.AddAllInOneDefaultsAsync();

    // One OpenTelemetry setup and one /metrics for both: the API and the bot each add only their own sources to it.
    builder.AddClinicTelemetry("clinic-server");
    builder.AddClinicApi();
    builder.AddClinicBot();

    var app = builder.Build();
    app.UseClinicApi();
    app.UseClinicBot();
    app.MapAllInOneSandbox(sandbox);

    app.Lifetime.ApplicationStarted.Register(() => app.PrintWelcome(sandbox));
    await app.RunAsync();
    if (sandbox is not null)
    {
        await sandbox.DisposeAsync();
    }
}
catch (Exception error) when (error is ApiConfigurationException or BotConfigurationException)
{
    // One line naming the variable, as the API and the bot print it when run alone.
    Console.Error.WriteLine(error.Message);
    return 1;
}

return 0;
