using System.Globalization;
using System.Text;
using Clinic.Contracts;

namespace Clinic.Bot.Localization;

/// <summary>
/// The texts of one language and the culture its dates, times and prices are written in.
/// Keys are dotted ("menu.booking"); placeholders are written <c>{name}</c>.
/// </summary>
public sealed partial class Texts
{
    private readonly LocaleFile _file;

    internal Texts(Language language, LocaleFile file)
    {
        Language = language;
        _file = file;
        Culture = CultureFor(language);
        AllKeys = [.. file.Strings.Keys.Concat(file.Plurals.Keys).Order(StringComparer.Ordinal)];
    }

    public Language Language { get; }

    public CultureInfo Culture { get; }

    internal IReadOnlyCollection<string> AllKeys { get; }

    internal IReadOnlyDictionary<string, string> Strings => _file.Strings;

    internal IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Plurals => _file.Plurals;

    public string this[string key] =>
        _file.Strings.TryGetValue(key, out var text)
            ? text
            : throw Missing(key, _file.Plurals.ContainsKey(key) ? " (it is a plural key: use Plural)" : "");

    public bool Has(string key) => _file.Strings.ContainsKey(key) || _file.Plurals.ContainsKey(key);

    /// <summary>The text of <paramref name="key"/> with each <c>{name}</c> replaced by its value, written in <see cref="Culture"/>.</summary>
    public string Format(string key, params (string Name, object? Value)[] args) => Fill(this[key], args);

    /// <summary>Like <see cref="Format"/> but escapes the values for Telegram's HTML parse mode (names and addresses may hold &lt; or &amp;).</summary>
    public string FormatHtml(string key, params (string Name, object? Value)[] args) =>
        Fill(this[key], [.. args.Select(a => (a.Name, (object?)EscapeHtml(Write(a.Value))))]);

    /// <summary>The plural form of <paramref name="key"/> for <paramref name="n"/>; <c>{n}</c> is filled in as well.</summary>
    public string Plural(string key, long n, params (string Name, object? Value)[] args)
    {
        if (!_file.Plurals.TryGetValue(key, out var forms))
            throw Missing(key, _file.Strings.ContainsKey(key) ? " (it is not a plural key: use the indexer)" : "");
        var category = PluralRules.Category(Language, n);
        var form = forms.TryGetValue(category, out var text) ? text : forms[PluralRules.Other];
        return Fill(form, [("n", n), .. args]);
    }

    public static string EscapeHtml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    private KeyNotFoundException Missing(string key, string hint) =>
        new($"The locale key \"{key}\" is missing in {Localizer.FileName(Language)}{hint}.");

    private string Fill(string template, (string Name, object? Value)[] args)
    {
        if (args.Length == 0 || !template.Contains('{'))
            return template;
        var result = new StringBuilder(template.Length + 32);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (close < 0)
                break;
            var name = template.AsSpan(open + 1, close - open - 1);
            var index = IndexOf(args, name);
            result.Append(template, position, open - position);
            if (index >= 0)
                result.Append(Write(args[index].Value));
            else
                result.Append(template, open, close - open + 1); // Not ours to fill: keep it visible.
            position = close + 1;
        }
        result.Append(template, position, template.Length - position);
        return result.ToString();
    }

    private static int IndexOf((string Name, object? Value)[] args, ReadOnlySpan<char> name)
    {
        for (var i = 0; i < args.Length; i++)
            if (name.SequenceEqual(args[i].Name))
                return i;
        return -1;
    }

    private string Write(object? value) => value switch
    {
        null => "",
        string text => text,
        IFormattable formattable => formattable.ToString(null, Culture),
        _ => value.ToString() ?? "",
    };

    private static CultureInfo CultureFor(Language language) => language switch
    {
        Language.Kk => CultureInfo.GetCultureInfo("kk-KZ"),
        Language.En => CultureInfo.GetCultureInfo("en-US"),
        _ => CultureInfo.GetCultureInfo("ru-KZ"),
    };
}
