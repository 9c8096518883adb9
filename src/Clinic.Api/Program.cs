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
// A setting refused at start (ValidateOnStart): one line per problem, each naming its variable.
catch (Exception error) when (StartupRefusal.Failures(error) is { } failures)
{
    return StartupRefusal.Print(failures, Console.Error);
}

return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
