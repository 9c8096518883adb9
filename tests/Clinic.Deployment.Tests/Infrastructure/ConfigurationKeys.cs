using System.Text.RegularExpressions;
using Clinic.Api;
using Clinic.Bot.Configuration;
using Clinic.Contracts;
using Microsoft.Extensions.Configuration;

namespace Clinic.Deployment.Tests.Infrastructure;

/// <summary>
/// The configuration keys the code reads, found two ways that check each other: by binding and reading the settings
/// (ClinicApiSettings, BotSettings) over a recording configuration, and by scanning each project's sources for
/// environment-style names (<c>"SOME_KEY"</c>, <c>"ConnectionStrings:Name"</c>) — the scan catches keys read by
/// classes added later (documents, payments...) that the recording cannot know about.
/// Keys are written as environment variables: <c>ConnectionStrings:Clinic</c> is <c>ConnectionStrings__Clinic</c>.
/// </summary>
public static partial class ConfigurationKeys
{
    /// <summary>Read by ASP.NET itself or by the health probe to find the port; set by the images, not by operators.</summary>
    public static readonly IReadOnlySet<string> HostSettings = new HashSet<string>(StringComparer.Ordinal)
    {
        "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
    };

    /// <summary>
    /// Environment-style string literals in the apps' sources that are not configuration keys, with the reason.
    /// A new one fails the agreement test until it is either documented as a key or listed here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotKeys = new Dictionary<string, string>(StringComparer.Ordinal);

    public static IReadOnlySet<string> RecordedByApi()
    {
        var (config, keys) = RecordingConfiguration.Create(new Dictionary<string, string?>
        {
            // Empty values make every reader fall through to its default, so each key it knows is asked for.
            ["SQLITE_PATH"] = Path.Combine(Path.GetTempPath(), "clinic-deployment-tests", "keys.db"),
        });
        ClinicApiOptions.Read(config.Get<ClinicApiSettings>()!, new SettingValues());
        return keys.Select(ToEnvironmentName).ToHashSet(StringComparer.Ordinal);
    }

    public static IReadOnlySet<string> RecordedByBot()
    {
        var (config, keys) = RecordingConfiguration.Create(new Dictionary<string, string?>
        {
            ["TELEGRAM_BOT_TOKEN"] = "123456:recording",
        });
        BotOptions.Read(config.Get<BotSettings>()!, new SettingValues());
        return keys.Select(ToEnvironmentName).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Environment-style names in the .cs files of src/<paramref name="project"/> (migrations and build output skipped).</summary>
    public static IReadOnlySet<string> ScannedIn(string project)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var directory = Repo.PathOf(Path.Combine("src", project));
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            if (relative.StartsWith("bin/") || relative.StartsWith("obj/") || relative.Contains("/Migrations/"))
                continue;
            names.UnionWith(ScanSource(File.ReadAllText(file)));
        }

        return names;
    }

    public static IEnumerable<string> ScanSource(string source) =>
        EnvironmentStyleLiteral().Matches(source).Select(m => m.Groups[1].Value)
            .Concat(ConnectionStringLiteral().Matches(source).Select(m => "ConnectionStrings__" + m.Groups[1].Value))
            .Concat(GetConnectionStringCall().Matches(source).Select(m => "ConnectionStrings__" + m.Groups[1].Value))
            .Where(name => !NotKeys.ContainsKey(name));

    /// <summary>The keys an app reads as operators set them: recorded plus scanned, host settings left out.</summary>
    public static IReadOnlySet<string> OfApi() => Combine(RecordedByApi(), ScannedIn("Clinic.Api"), ScannedIn("Clinic.Contracts"));

    public static IReadOnlySet<string> OfBot() => Combine(RecordedByBot(), ScannedIn("Clinic.Bot"), ScannedIn("Clinic.Contracts"));

    /// <summary>The all-in-one host reads everything both apps read, plus its own.</summary>
    public static IReadOnlySet<string> OfAllInOne() => Combine(OfApi(), OfBot(), ScannedIn("Clinic.Server"));

    public static string ToEnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private static IReadOnlySet<string> Combine(params IEnumerable<string>[] sets) =>
        sets.SelectMany(s => s).Where(k => !HostSettings.Contains(k)).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"")]
    private static partial Regex EnvironmentStyleLiteral();

    [GeneratedRegex("\"ConnectionStrings(?::|__)([A-Za-z0-9_]+)\"")]
    private static partial Regex ConnectionStringLiteral();

    [GeneratedRegex("GetConnectionString\\(\\s*\"([A-Za-z0-9_]+)\"")]
    private static partial Regex GetConnectionStringCall();
}
