namespace Clinic.Deployment.Tests.Infrastructure;

/// <summary>A dotenv file (.env.example): <c>KEY=value</c> lines in order; comments and blank lines skipped.</summary>
public static class EnvFile
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (raw, number) in text.Split('\n').Select((line, i) => (line.Trim(), i + 1)))
        {
            if (raw.Length == 0 || raw.StartsWith('#'))
                continue;
            var equals = raw.IndexOf('=');
            if (equals <= 0)
                throw new FormatException($"Line {number} is not KEY=value: \"{raw}\".");
            var key = raw[..equals].Trim();
            if (!values.TryAdd(key, Unquote(raw[(equals + 1)..].Trim())))
                throw new FormatException($"{key} is set twice (line {number}).");
        }

        return values;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
