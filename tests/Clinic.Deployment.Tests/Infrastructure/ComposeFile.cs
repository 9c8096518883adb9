using System.Text;
using YamlDotNet.RepresentationModel;

namespace Clinic.Deployment.Tests.Infrastructure;

/// <summary>
/// docker-compose.yml read with a real YAML parser into plain dictionaries, lists and strings, plus the part of
/// Compose's variable interpolation the file uses (<c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR:?error}</c>, <c>$$</c>).
/// </summary>
public sealed class ComposeFile
{
    private ComposeFile(Dictionary<string, object?> root) => Root = root;

    public Dictionary<string, object?> Root { get; }

    public Dictionary<string, object?> Services => Map(Root, "services");

    public static ComposeFile Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new FormatException("docker-compose.yml must be one YAML document with a mapping at the top.");
        return new ComposeFile((Dictionary<string, object?>)Convert(root)!);
    }

    public static ComposeFile LoadFromRepo() => Load(Repo.Read("docker-compose.yml"));

    public Dictionary<string, object?> Service(string name) => Map(Services, name);

    /// <summary>The service's <c>environment</c> as written (mapping or <c>KEY=value</c> list), values not yet interpolated.</summary>
    public IReadOnlyDictionary<string, string> RawEnvironment(string service)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (Service(service).GetValueOrDefault("environment"))
        {
            case Dictionary<string, object?> map:
                foreach (var (key, value) in map)
                    result[key] = value as string ?? "";
                break;
            case List<object?> list:
                foreach (var item in list.Cast<string>())
                {
                    var equals = item.IndexOf('=');
                    result[equals < 0 ? item : item[..equals]] = equals < 0 ? "" : item[(equals + 1)..];
                }
                break;
        }

        return result;
    }

    /// <summary>The environment the service's container gets, given the operator's .env values.</summary>
    public IReadOnlyDictionary<string, string> Environment(string service, IReadOnlyDictionary<string, string> dotEnv) =>
        RawEnvironment(service).ToDictionary(pair => pair.Key, pair => Interpolate(pair.Value, dotEnv), StringComparer.Ordinal);

    /// <summary>Every variable the file takes from .env through <c>${...}</c> (not <c>$$</c>, which is the container's own).</summary>
    public IReadOnlySet<string> InterpolatedVariables()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var scalar in Scalars(Root))
            Interpolate(scalar, new Dictionary<string, string>(), names);
        return names;
    }

    public static string Interpolate(string value, IReadOnlyDictionary<string, string> dotEnv) => Interpolate(value, dotEnv, null);

    private static string Interpolate(string value, IReadOnlyDictionary<string, string> dotEnv, ISet<string>? seen)
    {
        var output = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '$' || i + 1 >= value.Length)
            {
                output.Append(value[i]);
                continue;
            }

            if (value[i + 1] == '$')
            {
                output.Append('$');
                i++;
                continue;
            }

            if (value[i + 1] != '{')
            {
                var end = i + 1;
                while (end < value.Length && (char.IsAsciiLetterOrDigit(value[end]) || value[end] == '_'))
                    end++;
                if (end == i + 1)
                {
                    output.Append('$');
                    continue;
                }

                output.Append(Lookup(value[(i + 1)..end], null, null, dotEnv, seen));
                i = end - 1;
                continue;
            }

            var close = value.IndexOf('}', i);
            if (close < 0)
                throw new FormatException($"Unclosed ${{ in \"{value}\".");
            var body = value[(i + 2)..close];
            var nameEnd = 0;
            while (nameEnd < body.Length && (char.IsAsciiLetterOrDigit(body[nameEnd]) || body[nameEnd] == '_'))
                nameEnd++;
            var name = body[..nameEnd];
            var rest = body[nameEnd..];
            var op = rest.StartsWith(":-") || rest.StartsWith(":?") ? rest[..2] : rest.StartsWith('-') || rest.StartsWith('?') ? rest[..1] : rest;
            if (name.Length == 0 || op is not ("" or ":-" or "-" or ":?" or "?"))
                throw new FormatException($"Unsupported interpolation \"${{{body}}}\".");
            output.Append(Lookup(name, op, rest[op.Length..], dotEnv, seen));
            i = close;
        }

        return output.ToString();
    }

    private static string Lookup(string name, string? op, string? argument, IReadOnlyDictionary<string, string> dotEnv, ISet<string>? seen)
    {
        seen?.Add(name);
        var isSet = dotEnv.TryGetValue(name, out var value);
        var isEmpty = string.IsNullOrEmpty(value);
        switch (op)
        {
            case ":-" when isEmpty:
            case "-" when !isSet:
                return argument!;
            case ":?" when isEmpty && seen is null:
            case "?" when !isSet && seen is null:
                throw new InvalidOperationException($"Compose refuses to start: {name}: {argument}");
            default:
                return value ?? "";
        }
    }

    public static Dictionary<string, object?> Map(Dictionary<string, object?> parent, string key) =>
        parent.GetValueOrDefault(key) as Dictionary<string, object?>
        ?? throw new KeyNotFoundException($"\"{key}\" is missing or not a mapping.");

    private static IEnumerable<string> Scalars(object? node) => node switch
    {
        string text => [text],
        Dictionary<string, object?> map => map.Values.SelectMany(Scalars),
        List<object?> list => list.SelectMany(Scalars),
        _ => [],
    };

    private static object? Convert(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value ?? "", pair => Convert(pair.Value), StringComparer.Ordinal),
        _ => throw new FormatException($"Unsupported YAML node at {node.Start}."),
    };
}
