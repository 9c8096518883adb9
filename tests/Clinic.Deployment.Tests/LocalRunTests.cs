using System.Text.Json;
using Clinic.Deployment.Tests.Infrastructure;

namespace Clinic.Deployment.Tests;

/// <summary>
/// The README's commands for running the API and the bot as separate processes on a laptop are true: `dotnet run`
/// puts each on the port the README (and the compose file) gives it, in Development, and the README names them.
/// </summary>
public sealed class LocalRunTests
{
    public static TheoryData<string, string, int> Apps => new() { { "Clinic.Api", "backend", 8000 }, { "Clinic.Bot", "telegram_bot", 8080 } };

    [Theory]
    [MemberData(nameof(Apps))]
    public void Dotnet_run_starts_each_app_in_development_on_the_port_its_image_uses(string project, string image, int port)
    {
        var profile = JsonDocument.Parse(Repo.Read($"src/{project}/Properties/launchSettings.json"))
            .RootElement.GetProperty("profiles").GetProperty(project);

        Assert.Equal($"http://localhost:{port}", profile.GetProperty("applicationUrl").GetString());
        Assert.Equal(port, DockerfileTests.PortOf(image));
        Assert.Equal("Development", profile.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("README.ru.md")]
    public void The_readme_gives_the_commands_for_separate_processes_and_for_another_port(string readme)
    {
        var text = Repo.Read(readme);

        Assert.Contains("SEED_DEMO_DATA=true dotnet run --project src/Clinic.Api", text);
        Assert.Contains("DJANGO_API_URL=http://localhost:8000 dotnet run --project src/Clinic.Bot", text);
        Assert.Contains("@BotFather", text);
        Assert.Contains("dotnet run --project src/Clinic.Server --urls http://localhost:5090", text);
        Assert.Contains("ASPNETCORE_URLS=", text);
    }
}
