using Clinic.Api;
using Clinic.Bot;
using Clinic.Contracts;
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
// A setting refused at start (ValidateOnStart): one line per problem, each naming its variable.
catch (Exception error) when (StartupRefusal.Failures(error) is { } failures)
{
    return StartupRefusal.Print(failures, Console.Error);
}

return 0;
