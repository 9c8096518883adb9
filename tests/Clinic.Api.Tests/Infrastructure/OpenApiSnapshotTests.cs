using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>
/// docs/openapi.json is the contract the bot and other clients read; it must match what the API serves.
/// To refresh it after an intended change: <c>UPDATE_OPENAPI_SNAPSHOT=1 dotnet test --project tests/Clinic.Api.Tests -- --filter-class "*OpenApiSnapshot*"</c>.
/// </summary>
public sealed class OpenApiSnapshotTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task TheCommittedOpenApiSnapshotMatchesTheLiveDocument()
    {
        var live = Normalise(await app.Anonymous.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi.json");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI_SNAPSHOT") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, live, TestContext.Current.CancellationToken);
        }

        var committed = File.Exists(path) ? Normalise(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)) : "";
        Assert.True(committed == live,
            "docs/openapi.json is out of date with the API. If the change is intended, refresh it with: " +
            "UPDATE_OPENAPI_SNAPSHOT=1 dotnet test --project tests/Clinic.Api.Tests -- --filter-class \"*OpenApiSnapshot*\"");
    }

    private static string Normalise(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Clinic.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("Clinic.slnx not found above " + AppContext.BaseDirectory);
    }
}
