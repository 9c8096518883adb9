using Clinic.Bot;
using Clinic.Bot.Telegram;
using Clinic.Contracts;

// `--healthcheck`: the Docker HEALTHCHECK asks the running bot's /health/live (the image has no curl).
if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args, Console.Out);
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddClinicBot();
    var app = builder.Build();
    app.UseClinicBot();
    app.MapBotHealth();
    await app.RunAsync();
}
// A setting refused at start (ValidateOnStart): one line per problem, each naming its variable.
catch (Exception error) when (StartupRefusal.Failures(error) is { } failures)
{
    return StartupRefusal.Print(failures, Console.Error);
}

return 0;
