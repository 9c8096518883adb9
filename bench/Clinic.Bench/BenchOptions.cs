namespace Clinic.Bench;

/// <summary>Options given as <c>--name value</c> pairs; each benchmark reads the ones it knows, with its own defaults.</summary>
public sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values;

    private BenchOptions(Dictionary<string, string> values) => _values = values;

    /// <exception cref="FormatException">An option without a value or a value without an option name.</exception>
    public static BenchOptions Parse(ReadOnlySpan<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new FormatException($"Expected '--name value' pairs, got '{args[i]}'.");
            }
            values[args[i][2..]] = args[i + 1];
        }
        return new BenchOptions(values);
    }

    public string GetString(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    /// <exception cref="FormatException">The value is not a positive whole number.</exception>
    public int GetPositiveInt(string name, int fallback)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        return int.TryParse(text, out var value) && value > 0
            ? value
            : throw new FormatException($"--{name} must be a positive whole number, got '{text}'.");
    }
}
