namespace Clinic.Bench;

/// <summary>The 1-, 5- and 15-minute load averages: on a shared machine a figure means little without them.</summary>
public static class LoadAverage
{
    public static string Read()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
    }
}
