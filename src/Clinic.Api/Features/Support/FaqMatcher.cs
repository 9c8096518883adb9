using Clinic.Contracts;

namespace Clinic.Api.Features.Support;

/// <summary>
/// Matches a patient's free-text question against the FAQ in their language. No dictionaries or models: words are
/// lower-cased, stop words dropped and common endings cut (Russian and Kazakh grammar lives in endings), then
/// compared by shared prefix, so "анализы"/"анализ", "құжаттарды"/"құжат" and "payment"/"pay" meet. A word in the
/// question or keywords counts three times as much as one in the answer, and rare words more than common ones.
/// </summary>
public static class FaqMatcher
{
    private const int QuestionWeight = 3;
    private const int TitleWeight = 2;
    private const int AnswerWeight = 1;
    private const int MaxStemLength = 6;

    public static IReadOnlyList<(FaqEntry Entry, double Score)> Match(string question, IReadOnlyList<FaqCategory> categories, Language language, int take = 3)
    {
        var query = Stems(question, language).Distinct().ToList();
        if (query.Count == 0)
            return [];

        var documents = categories.SelectMany(c => c.Entries.Select(e => (Entry: e, Weights: Weigh(e, c.Title(language), language)))).ToList();
        // Rare words tell entries apart; a word every entry shares ("clinic") says little.
        var rarity = query.ToDictionary(word => word, word =>
        {
            var frequency = documents.Count(d => d.Weights.Keys.Any(stem => SameWord(word, stem, language)));
            return frequency == 0 ? 0 : Math.Log(1 + (double)documents.Count / frequency);
        });
        var scored = new List<(FaqEntry Entry, double Score)>();
        foreach (var (entry, weights) in documents)
        {
            double score = 0;
            var strong = false;
            foreach (var word in query)
            {
                var best = weights.Where(w => SameWord(word, w.Key, language)).Select(w => w.Value).DefaultIfEmpty(0).Max();
                score += best * rarity[word];
                strong |= best >= TitleWeight;
            }
            // An entry that shares only answer words with the question is noise, not a match.
            if (strong)
                scored.Add((entry, Math.Round(score / Math.Sqrt(query.Count), 3)));
        }
        if (scored.Count == 0)
            return [];
        var top = scored.Max(s => s.Score);
        return scored.Where(s => s.Score >= top / 2).OrderByDescending(s => s.Score).ThenBy(s => s.Entry.Id).Take(take).ToList();
    }

    /// <summary>The normalised stems of a text, in order, without stop words.</summary>
    public static IEnumerable<string> Stems(string text, Language language)
    {
        var word = new System.Text.StringBuilder();
        foreach (var c in (text + " ").ToLowerInvariant().Replace('ё', 'е'))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }
            if (word.Length > 0)
            {
                var token = word.ToString();
                word.Clear();
                if (token.Length >= 3 && !StopWords.Contains(token))
                    yield return Stem(token, language);
            }
        }
    }

    public static string Stem(string word, Language language)
    {
        var suffixes = language switch { Language.Kk => KazakhEndings, Language.En => EnglishEndings, _ => RussianEndings };
        // Kazakh stacks endings (құжат-тар-ды), so it is cut twice; Russian and English once.
        var passes = language == Language.Kk ? 2 : 1;
        for (var pass = 0; pass < passes; pass++)
        {
            var ending = suffixes.FirstOrDefault(s => word.EndsWith(s, StringComparison.Ordinal) && word.Length - s.Length >= 3);
            if (ending is null)
                break;
            word = word[..^ending.Length];
        }
        return word.Length > MaxStemLength ? word[..MaxStemLength] : word;
    }

    private static bool SameWord(string a, string b, Language language)
    {
        if (a == b)
            return true;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= (language == Language.En ? 3 : 4) && longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    private static Dictionary<string, int> Weigh(FaqEntry entry, string title, Language language)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string text, int weight)
        {
            foreach (var stem in Stems(text, language))
                if (!weights.TryGetValue(stem, out var existing) || existing < weight)
                    weights[stem] = weight;
        }
        Add(entry.Answer(language), AnswerWeight);
        Add(title, TitleWeight);
        Add(entry.Question(language), QuestionWeight);
        Add(entry.Keywords(language), QuestionWeight);
        return weights;
    }

    // Longest first, so "ами" is cut before "и".
    private static readonly string[] RussianEndings = SortByLength(
        "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "ение", "ения", "ться", "тся", "ишь", "ешь",
        "ия", "ие", "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ов", "ев", "ах", "ях", "ам", "ям", "ом", "ем", "ую", "юю",
        "ть", "ти", "ет", "ит", "ут", "ют", "ат", "ят", "ла", "ли", "ло", "ся", "сь",
        "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й");

    private static readonly string[] KazakhEndings = SortByLength(
        "лар", "лер", "дар", "дер", "тар", "тер", "ның", "нің", "дың", "дің", "тың", "тің", "дан", "ден", "тан", "тен", "нан", "нен",
        "мен", "бен", "пен", "ға", "ге", "қа", "ке", "на", "не", "ды", "ді", "ты", "ті", "ны", "ні", "да", "де", "та", "те",
        "ым", "ім", "ың", "ің", "сы", "сі", "ы", "і");

    private static readonly string[] EnglishEndings = SortByLength("ments", "ment", "tions", "tion", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s");

    private static string[] SortByLength(params string[] endings) => endings.OrderByDescending(e => e.Length).ToArray();

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // Russian
        "как", "что", "где", "когда", "можно", "мне", "меня", "мой", "моя", "мое", "мои", "это", "для", "или", "нужно", "надо",
        "есть", "вас", "ваш", "ваша", "ваши", "какие", "какой", "какая", "каком", "ли", "уже", "еще", "если", "чтобы", "при",
        "под", "над", "без", "про", "так", "там", "тут", "вот", "все", "всё", "его", "её", "них", "она", "они", "оно", "был",
        "была", "быть", "будет", "хочу", "подскажите", "скажите", "пожалуйста", "здравствуйте", "добрый", "день", "вопрос",
        // Kazakh
        "қалай", "қандай", "неше", "мен", "бен", "пен", "және", "бар", "жоқ", "керек", "болады", "бола", "сіз", "сіздер",
        "сізде", "сіздің", "менің", "маған", "мені", "бұл", "осы", "үшін", "қай", "қашан", "қайда", "ма", "ме", "ба", "бе",
        "па", "пе", "сәлеметсіз", "сәлем", "рақмет", "өтінемін", "айтыңызшы",
        // English
        "the", "and", "for", "what", "how", "can", "does", "did", "are", "was", "you", "your", "yours", "with", "have", "has",
        "will", "would", "should", "could", "need", "which", "when", "where", "there", "this", "that", "about", "from", "into",
        "any", "get", "please", "hello", "thanks", "thank", "want",
    };
}
