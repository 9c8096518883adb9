using System.Text.Json;

namespace Clinic.Bot.Localization;

/// <summary>
/// One parsed locale file: nested sections flattened to dotted keys ("menu.booking").
/// An object whose properties are all CLDR plural categories (and include "other") is one plural key, not a section.
/// </summary>
internal sealed class LocaleFile
{
    private static readonly HashSet<string> PluralCategories = ["zero", "one", "two", "few", "many", "other"];

    public Dictionary<string, string> Strings { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IReadOnlyDictionary<string, string>> Plurals { get; } = new(StringComparer.Ordinal);

    public static LocaleFile Parse(Stream json, string sourceName)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"Locale file {sourceName} must hold a JSON object at its root.");
        var file = new LocaleFile();
        file.Walk(document.RootElement, prefix: "", sourceName);
        return file;
    }

    private void Walk(JsonElement section, string prefix, string sourceName)
    {
        foreach (var property in section.EnumerateObject())
        {
            var key = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    Strings[key] = property.Value.GetString()!;
                    break;
                case JsonValueKind.Object when IsPlural(property.Value):
                    Plurals[key] = property.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
                    break;
                case JsonValueKind.Object:
                    Walk(property.Value, key, sourceName);
                    break;
                default:
                    throw new InvalidDataException($"Locale file {sourceName}: \"{key}\" must be a string or an object, not {property.Value.ValueKind}.");
            }
        }
    }

    private static bool IsPlural(JsonElement element)
    {
        var any = false;
        var hasOther = false;
        foreach (var property in element.EnumerateObject())
        {
            if (!PluralCategories.Contains(property.Name) || property.Value.ValueKind != JsonValueKind.String)
                return false;
            any = true;
            hasOther |= property.Name == PluralRules.Other;
        }
        return any && hasOther;
    }
}
