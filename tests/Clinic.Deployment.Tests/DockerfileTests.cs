using System.Xml.Linq;
using Clinic.Deployment.Tests.Infrastructure;

namespace Clinic.Deployment.Tests;

/// <summary>What can be checked of the images without a Docker engine: stages, user, health check, ports, restore inputs.</summary>
public sealed class DockerfileTests
{
    private static readonly Dockerfile File = Dockerfile.LoadFromRepo();

    public static TheoryData<string, string> Images => new() { { "backend", "Clinic.Api" }, { "telegram_bot", "Clinic.Bot" } };

    [Theory]
    [MemberData(nameof(Images))]
    public void Each_image_is_built_by_the_sdk_and_runs_on_the_aspnet_runtime_with_icu(string target, string project)
    {
        var lineage = File.Lineage(target).ToList();
        var runtimeBase = lineage[^1].Base;

        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", runtimeBase);
        Assert.DoesNotContain("alpine", runtimeBase);
        Assert.DoesNotContain("chiseled", runtimeBase);
        Assert.Contains(File.Stages, s => s.Base.StartsWith("mcr.microsoft.com/dotnet/sdk:"));
        Assert.Contains(lineage[0].All("COPY"), copy => copy.StartsWith("--from=build "));
        Assert.Equal($"[\"dotnet\", \"{project}.dll\"]", File.Effective(target, "ENTRYPOINT"));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Each_image_starts_in_its_published_folder_with_an_appsettings_that_keeps_http_logs_at_warning(string target, string project)
    {
        var settings = System.Text.Json.JsonDocument.Parse(Repo.Read($"src/{project}/appsettings.json")).RootElement.GetProperty("Logging").GetProperty("LogLevel");
        var built = Path.Combine(Path.GetDirectoryName(Repo.AppDll(project))!, "appsettings.json");

        Assert.Equal("Information", settings.GetProperty("Default").GetString());
        Assert.Equal("Warning", settings.GetProperty("Microsoft.AspNetCore").GetString());
        Assert.True(settings.TryGetProperty("System.Net.Http", out var http) && http.GetString() == "Warning", $"src/{project}/appsettings.json: System.Net.Http is not at Warning");
        Assert.True(System.IO.File.Exists(built), $"{built} is not in the build output");
        // The content root is the working directory: the folder the published app was copied into.
        Assert.Equal("/app", File.Effective(target, "WORKDIR"));
        Assert.Contains(File.Lineage(target).First().All("COPY"), copy => copy == $"--from=build /out/{target} ./");
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Each_image_runs_as_the_non_root_app_user(string target, string project)
    {
        _ = project;
        var user = File.Effective(target, "USER");

        Assert.NotNull(user);
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Each_image_checks_its_health_with_the_apps_own_probe(string target, string project)
    {
        var healthcheck = File.Effective(target, "HEALTHCHECK");

        Assert.NotNull(healthcheck);
        Assert.Contains($"CMD [\"dotnet\", \"{project}.dll\", \"--healthcheck\"]", healthcheck);
    }

    [Fact]
    public void The_runtime_image_is_checked_to_have_the_kazakhstan_time_zones()
    {
        var runs = string.Join("\n", File.Lineage("backend").SelectMany(s => s.All("RUN")));

        Assert.Contains("test -e /usr/share/zoneinfo/Asia/Almaty", runs);
        Assert.Contains("tzdata", runs);
    }

    [Fact]
    public void The_restore_step_copies_every_project_the_api_and_the_bot_depend_on()
    {
        var copied = File["build"].All("COPY").Select(c => c.Split(' ')[0]).ToHashSet();

        foreach (var project in ProjectClosure("src/Clinic.Api/Clinic.Api.csproj").Concat(ProjectClosure("src/Clinic.Bot/Clinic.Bot.csproj")))
            Assert.Contains(project, copied);
    }

    /// <summary>The port an image listens on, as its ENV ASPNETCORE_HTTP_PORTS sets it.</summary>
    public static int PortOf(string target)
    {
        var env = File.Lineage(target).SelectMany(s => s.All("ENV")).First(e => e.StartsWith("ASPNETCORE_HTTP_PORTS="));
        return int.Parse(env["ASPNETCORE_HTTP_PORTS=".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Each_image_exposes_the_port_it_listens_on()
    {
        Assert.Contains(PortOf("backend").ToString(System.Globalization.CultureInfo.InvariantCulture), File["backend"].All("EXPOSE"));
        Assert.Contains(PortOf("telegram_bot").ToString(System.Globalization.CultureInfo.InvariantCulture), File["telegram_bot"].All("EXPOSE"));
    }

    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>([project]);
        while (queue.TryDequeue(out var current))
        {
            if (!seen.Add(current))
                continue;
            var directory = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Load(Repo.PathOf(current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(Repo.PathOf(directory), reference.Attribute("Include")!.Value.Replace('\\', '/')));
                queue.Enqueue(Path.GetRelativePath(Repo.Root, full).Replace('\\', '/'));
            }
        }

        return seen;
    }
}
