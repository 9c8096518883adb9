using Clinic.Deployment.Tests.Infrastructure;

namespace Clinic.Deployment.Tests;

/// <summary>docker-compose.yml parses and has the seed's shape: four services that restart, wait for each other and report health.</summary>
public sealed class ComposeFileTests
{
    private static readonly ComposeFile Compose = ComposeFile.LoadFromRepo();

    public static TheoryData<string> Services => new() { "backend", "telegram_bot", "postgres", "redis" };

    [Fact]
    public void The_file_defines_the_seeds_four_services_and_the_rest_only_under_the_observability_profile()
    {
        var always = Compose.Services.Where(s => !((Dictionary<string, object?>)s.Value!).ContainsKey("profiles")).Select(s => s.Key);
        var optional = Compose.Services.Where(s => ((Dictionary<string, object?>)s.Value!).ContainsKey("profiles")).ToList();

        Assert.Equal(["backend", "telegram_bot", "postgres", "redis"], always.ToArray());
        Assert.Equal(["otel-collector", "prometheus", "grafana"], optional.Select(s => s.Key).ToArray());
        foreach (var (name, service) in optional.Select(s => (s.Key, (Dictionary<string, object?>)s.Value!)))
        {
            Assert.Equal(["observability"], ((List<object?>)service["profiles"]!).Cast<string>().ToArray());
            Assert.Matches("^(otel/opentelemetry-collector-contrib|prom/prometheus|grafana/grafana):", (string)service["image"]!);
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_service_restarts_always_and_has_a_health_check(string service)
    {
        var definition = Compose.Service(service);

        Assert.Equal("always", definition["restart"]);
        var test = Assert.IsType<List<object?>>(ComposeFile.Map(definition, "healthcheck")["test"]);
        Assert.Contains(test[0], new[] { "CMD", "CMD-SHELL" });
    }

    [Fact]
    public void The_bot_is_limited_to_half_a_cpu_and_512_megabytes_like_the_seed()
    {
        var limits = ComposeFile.Map(ComposeFile.Map(ComposeFile.Map(Compose.Service("telegram_bot"), "deploy"), "resources"), "limits");

        Assert.Equal("0.5", limits["cpus"]);
        Assert.Equal("512M", limits["memory"]);
    }

    [Theory]
    [InlineData("backend", "Clinic.Api")]
    [InlineData("telegram_bot", "Clinic.Bot")]
    public void Each_app_is_built_from_its_dockerfile_target_and_checked_with_its_own_probe(string service, string project)
    {
        var definition = Compose.Service(service);

        Assert.Equal(service, ComposeFile.Map(definition, "build")["target"]);
        Assert.NotNull(Dockerfile.LoadFromRepo()[service]);
        var test = (List<object?>)ComposeFile.Map(definition, "healthcheck")["test"]!;
        Assert.Equal(["CMD", "dotnet", $"{project}.dll", "--healthcheck"], test.Cast<string>().ToArray());
    }

    [Theory]
    [InlineData("backend", "postgres")]
    [InlineData("telegram_bot", "backend")]
    [InlineData("telegram_bot", "redis")]
    public void An_app_starts_only_once_what_it_needs_is_healthy(string service, string dependency)
    {
        var dependsOn = ComposeFile.Map(Compose.Service(service), "depends_on");

        Assert.Equal("service_healthy", ComposeFile.Map(dependsOn, dependency)["condition"]);
    }

    [Theory]
    [InlineData("backend", "/app/data")]
    [InlineData("postgres", "/var/lib/postgresql/data")]
    [InlineData("redis", "/data")]
    public void Data_that_must_survive_a_restart_lives_on_a_named_volume(string service, string path)
    {
        var mounts = ((List<object?>)Compose.Service(service)["volumes"]!).Cast<string>().Select(m => m.Split(':')).ToList();

        var mount = Assert.Single(mounts, m => m[1] == path);
        Assert.True(ComposeFile.Map(Compose.Root, "volumes").ContainsKey(mount[0]), $"volume {mount[0]} is not declared at the top level");
    }

    [Fact]
    public void The_bot_calls_the_backend_by_its_service_name_on_the_port_the_backend_image_listens_on()
    {
        var url = new Uri(Compose.RawEnvironment("telegram_bot")["DJANGO_API_URL"]);

        Assert.Equal("backend", url.Host);
        Assert.Equal(DockerfileTests.PortOf("backend"), url.Port);
    }

    [Fact]
    public void The_backend_reaches_the_postgres_service_with_the_containers_credentials()
    {
        var dotEnv = new Dictionary<string, string> { ["POSTGRES_USER"] = "u", ["POSTGRES_PASSWORD"] = "p", ["POSTGRES_DB"] = "d", ["TELEGRAM_BOT_API_SECRET"] = "s", ["PUBLIC_BASE_URL"] = "https://clinic.example" };

        var databaseUrl = new Uri(Compose.Environment("backend", dotEnv)["DATABASE_URL"]);
        var postgres = Compose.Environment("postgres", dotEnv);

        Assert.Equal("postgres", databaseUrl.Host);
        Assert.Equal($"{postgres["POSTGRES_USER"]}:{postgres["POSTGRES_PASSWORD"]}", databaseUrl.UserInfo);
        Assert.Equal("/" + postgres["POSTGRES_DB"], databaseUrl.AbsolutePath);
    }

    [Fact]
    public void The_bot_keeps_conversation_state_in_the_redis_service()
    {
        var environment = Compose.RawEnvironment("telegram_bot");

        Assert.Equal("redis", environment["REDIS_HOST"]);
        Assert.Equal("6379", environment["REDIS_PORT"]);
    }

    [Fact]
    public void Compose_refuses_to_start_without_a_bot_token_secret_or_database_password()
    {
        var empty = new Dictionary<string, string>();

        Assert.Throws<InvalidOperationException>(() => Compose.Environment("telegram_bot", empty));
        Assert.Throws<InvalidOperationException>(() => Compose.Environment("backend", empty));
        Assert.Throws<InvalidOperationException>(() => Compose.Environment("postgres", empty));
    }

    [Fact]
    public void The_backend_refuses_to_start_without_the_public_address_its_links_and_qr_codes_use()
    {
        var dotEnv = new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "p", ["TELEGRAM_BOT_API_SECRET"] = "s" };

        var refusal = Assert.Throws<InvalidOperationException>(() => Compose.Environment("backend", dotEnv));

        Assert.Contains("PUBLIC_BASE_URL", refusal.Message);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_service_gets_longer_to_stop_than_the_apps_shutdown_timeout_and_rotates_its_logs(string service)
    {
        var definition = Compose.Service(service);
        var grace = (string)definition["stop_grace_period"]!;
        var logging = ComposeFile.Map(definition, "logging");
        var options = ComposeFile.Map(logging, "options");

        Assert.EndsWith("s", grace);
        Assert.True(TimeSpan.FromSeconds(int.Parse(grace[..^1], System.Globalization.CultureInfo.InvariantCulture)) > Clinic.Contracts.HostShutdown.Timeout,
            $"{service}: stop_grace_period {grace} is not longer than the apps' {Clinic.Contracts.HostShutdown.Timeout.TotalSeconds} s shutdown");
        Assert.Equal("json-file", logging["driver"]);
        Assert.Matches("^[0-9]+m$", (string)options["max-size"]!);
        Assert.Matches("^[0-9]+$", (string)options["max-file"]!);
    }

    [Fact]
    public void The_deployment_files_speak_of_the_docker_compose_plugin_not_the_old_docker_compose_command()
    {
        foreach (var file in new[] { "docker-compose.yml", ".env.example", "Dockerfile", "README.md", "README.ru.md", "docs/deployment.md" })
            Assert.DoesNotMatch(@"docker-compose(?!\.yml)", Repo.Read(file));
    }

    [Fact]
    public void Only_loopback_ports_are_published_so_the_internet_reaches_the_bot_through_the_https_proxy()
    {
        foreach (var (name, service) in Compose.Services.Select(s => (s.Key, (Dictionary<string, object?>)s.Value!)))
        {
            foreach (var port in (service.GetValueOrDefault("ports") as List<object?> ?? []).Cast<string>())
                Assert.True(port.StartsWith("127.0.0.1:"), $"{name} publishes {port} on every interface");
        }
    }
}
