using Clinic.Bot;
using Clinic.Bot.Configuration;
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
catch (BotConfigurationException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}

return 0;
