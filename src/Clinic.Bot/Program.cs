using Clinic.Bot;
using Clinic.Bot.Configuration;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddClinicBot();
    var app = builder.Build();
    app.UseClinicBot();
    await app.RunAsync();
}
catch (BotConfigurationException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}

return 0;
