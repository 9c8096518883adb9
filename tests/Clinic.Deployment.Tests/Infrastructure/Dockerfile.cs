namespace Clinic.Deployment.Tests.Infrastructure;

/// <summary>The root Dockerfile as stages of instructions (continuation lines joined, comments dropped).</summary>
public sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<Stage> stages) => Stages = stages;

    public IReadOnlyList<Stage> Stages { get; }

    public static Dockerfile LoadFromRepo() => Parse(Repo.Read("Dockerfile"));

    public static Dockerfile Parse(string text)
    {
        var stages = new List<Stage>();
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (pending.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0))
                continue;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var instruction = (pending + line).Trim();
            pending = "";
            var space = instruction.IndexOf(' ');
            var keyword = (space < 0 ? instruction : instruction[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : instruction[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var name = parts.Length >= 3 && parts[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[2] : $"stage{stages.Count}";
                stages.Add(new Stage(name, parts[0], []));
            }
            else if (stages.Count > 0)
            {
                stages[^1].Instructions.Add((keyword, arguments));
            }
        }

        return new Dockerfile(stages);
    }

    public Stage this[string name] => Stages.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"No stage \"{name}\" in the Dockerfile.");

    /// <summary>The stage and the stages it is built FROM, nearest first.</summary>
    public IEnumerable<Stage> Lineage(string name)
    {
        for (Stage? stage = this[name]; stage is not null; stage = Stages.FirstOrDefault(s => s.Name == stage.Base))
            yield return stage;
    }

    /// <summary>The last value of <paramref name="keyword"/> along the lineage (ENTRYPOINT, USER, HEALTHCHECK...).</summary>
    public string? Effective(string stage, string keyword) =>
        Lineage(stage).Select(s => s.Instructions.LastOrDefault(i => i.Keyword == keyword).Arguments).FirstOrDefault(a => a is not null);

    public sealed record Stage(string Name, string Base, List<(string Keyword, string Arguments)> Instructions)
    {
        public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);
    }
}
