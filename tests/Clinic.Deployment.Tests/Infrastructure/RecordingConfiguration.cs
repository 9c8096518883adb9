using Microsoft.Extensions.Configuration;

namespace Clinic.Deployment.Tests.Infrastructure;

/// <summary>
/// A real <see cref="IConfiguration"/> whose only provider notes every key looked up, so running the apps' own
/// options readers over it lists the keys the code reads — not the keys someone remembered to document.
/// </summary>
public static class RecordingConfiguration
{
    public static (IConfiguration Configuration, IReadOnlyCollection<string> KeysRead) Create(IReadOnlyDictionary<string, string?> values)
    {
        var source = new RecordingSource(values);
        return (new ConfigurationBuilder().Add(source).Build(), source.Keys);
    }

    private sealed class RecordingSource(IReadOnlyDictionary<string, string?> values) : IConfigurationSource
    {
        public SortedSet<string> Keys { get; } = new(StringComparer.OrdinalIgnoreCase);

        public IConfigurationProvider Build(IConfigurationBuilder builder) => new RecordingProvider(values, Keys);
    }

    private sealed class RecordingProvider(IReadOnlyDictionary<string, string?> values, SortedSet<string> keys) : ConfigurationProvider
    {
        public override void Load()
        {
            foreach (var (key, value) in values)
                Data[key] = value;
        }

        public override bool TryGet(string key, out string? value)
        {
            lock (keys)
                keys.Add(key);
            return base.TryGet(key, out value);
        }
    }
}
