using Clinic.Api;
using Clinic.Contracts;

// `--healthcheck`: the Docker HEALTHCHECK asks the running API's /health/live (the image has no curl).
if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args, Console.Out);
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddClinicApi();
    var app = builder.Build();
    app.UseClinicApi();
    app.Run();
}
catch (ApiConfigurationException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}

return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
