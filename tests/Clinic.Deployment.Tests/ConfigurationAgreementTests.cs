using Clinic.Deployment.Tests.Infrastructure;

namespace Clinic.Deployment.Tests;

/// <summary>
/// .env.example, docker-compose.yml and the code name the same variables: a key the code reads but an operator
/// cannot find (or a documented key nothing reads) fails here, naming the key and the file to fix.
/// </summary>
public sealed class ConfigurationAgreementTests
{
    /// <summary>
    /// Keys an app reads that its compose service deliberately does not set; docs/deployment.md explains each.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> NotApplicableInCompose =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["backend"] = new Dictionary<string, string>
            {
                ["SQLITE_PATH"] = "the backend uses PostgreSQL through DATABASE_URL",
                ["ConnectionStrings__Clinic"] = "DATABASE_URL already selects PostgreSQL",
            },
            ["telegram_bot"] = new Dictionary<string, string>
            {
                ["BOT_STATE_PATH"] = "conversation state lives in Redis (REDIS_HOST is set)",
            },
        };

    private static readonly IReadOnlyDictionary<string, string> EnvExample = EnvFile.Parse(Repo.Read(".env.example"));

    [Fact]
    public void Recording_the_options_readers_finds_the_keys_every_deployment_needs()
    {
        Assert.Contains("TELEGRAM_BOT_API_SECRET", ConfigurationKeys.RecordedByApi());
        Assert.Contains("ConnectionStrings__Clinic", ConfigurationKeys.RecordedByApi());
        Assert.Contains("TELEGRAM_BOT_TOKEN", ConfigurationKeys.RecordedByBot());
        Assert.Contains("REDIS_HOST", ConfigurationKeys.RecordedByBot());
    }

    [Fact]
    public void The_source_scan_sees_every_key_the_options_readers_read()
    {
        // If this fails the scan is blind to how keys are written, and the checks below would miss new keys.
        Assert.Empty(ConfigurationKeys.RecordedByApi().Except(ConfigurationKeys.ScannedIn("Clinic.Api")));
        Assert.Empty(ConfigurationKeys.RecordedByBot().Except(ConfigurationKeys.ScannedIn("Clinic.Bot")));
    }

    [Fact]
    public void The_source_scan_notices_a_key_read_by_a_class_the_recording_does_not_run()
    {
        const string source = """
            var root = configuration["DOCUMENTS_PATH"] ?? "data/documents";
            var merchant = builder.Configuration.GetValue<string>("KASPI_MERCHANT_ID");
            var reports = configuration.GetConnectionString("Reports");
            """;

        Assert.Equal(["DOCUMENTS_PATH", "KASPI_MERCHANT_ID", "ConnectionStrings__Reports"], ConfigurationKeys.ScanSource(source).ToArray());
    }

    [Fact]
    public void Every_key_the_code_reads_is_listed_in_env_example()
    {
        var missing = ConfigurationKeys.OfAllInOne().Where(key => !EnvExample.ContainsKey(key)).Order().ToList();

        Assert.True(missing.Count == 0, $"Add to .env.example (with its default and a comment): {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_key_in_env_example_is_read_by_the_code_or_by_docker_compose()
    {
        var used = ConfigurationKeys.OfAllInOne().Concat(ComposeFile.LoadFromRepo().InterpolatedVariables()).ToHashSet();

        var stale = EnvExample.Keys.Where(key => !used.Contains(key)).Order().ToList();

        Assert.True(stale.Count == 0, $".env.example lists keys nothing reads: {string.Join(", ", stale)}");
    }

    [Fact]
    public void Every_variable_docker_compose_takes_from_dot_env_is_listed_in_env_example()
    {
        var missing = ComposeFile.LoadFromRepo().InterpolatedVariables().Where(name => !EnvExample.ContainsKey(name)).ToList();

        Assert.True(missing.Count == 0, $"docker-compose.yml uses ${{...}} not in .env.example: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("backend")]
    [InlineData("telegram_bot")]
    public void Each_app_service_in_docker_compose_sets_exactly_the_keys_its_app_reads(string service)
    {
        var reads = service == "backend" ? ConfigurationKeys.OfApi() : ConfigurationKeys.OfBot();
        var expected = reads.Except(NotApplicableInCompose[service].Keys).ToHashSet();
        var set = ComposeFile.LoadFromRepo().RawEnvironment(service).Keys.Where(k => !ConfigurationKeys.HostSettings.Contains(k)).ToHashSet();

        var missing = expected.Except(set).Order().ToList();
        var extra = set.Except(reads).Order().ToList();

        Assert.True(missing.Count == 0, $"docker-compose.yml: service {service} does not set {string.Join(", ", missing)} " +
            "(add KEY: ${KEY:-} under its environment, or list it as not applicable with a reason in docs/deployment.md)");
        Assert.True(extra.Count == 0, $"docker-compose.yml: service {service} sets keys its app never reads: {string.Join(", ", extra)}");
    }

    [Fact]
    public void Every_key_left_out_of_docker_compose_is_explained_in_the_deployment_guide()
    {
        var guide = Repo.Read("docs/deployment.md");

        foreach (var key in NotApplicableInCompose.Values.SelectMany(keys => keys.Keys))
            Assert.Contains($"`{key}`", guide);
    }
}
