using System.Text.Json;

namespace Clinic.Bot.Conversation;

/// <summary>What a flow has collected so far: a flat string map stored as JSON next to the state.</summary>
public sealed class FlowData
{
    private readonly Dictionary<string, string> _values;

    private FlowData(Dictionary<string, string> values) => _values = values;

    public static FlowData Empty() => new([]);

    public static FlowData Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Empty();
        }

        try
        {
            return new(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []);
        }
        catch (JsonException)
        {
            return Empty();
        }
    }

    public string? this[string name]
    {
        get => _values.GetValueOrDefault(name);
        set
        {
            if (value is null)
            {
                _values.Remove(name);
            }
            else
            {
                _values[name] = value;
            }
        }
    }

    public long? Long(string name) => long.TryParse(this[name], out var value) ? value : null;

    public void Clear() => _values.Clear();

    public bool IsEmpty => _values.Count == 0;

    public string ToJson() => JsonSerializer.Serialize(_values);
}
