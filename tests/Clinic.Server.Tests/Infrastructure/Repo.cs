namespace Clinic.Server.Tests.Infrastructure;

/// <summary>Paths in the repository this test run was built from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>Screenshots of key screens go here (gitignored), for people to look at after a run.</summary>
    public static string Artifacts
    {
        get
        {
            var directory = Path.Combine(Root, "artifacts", "sandbox");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    /// <summary>The built Clinic.Server.dll of the same configuration as these tests (the project reference builds it first).</summary>
    public static string ServerDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
        var directory = Path.Combine(Root, "src", "Clinic.Server", "bin", configuration);
        var dll = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "Clinic.Server.dll", SearchOption.AllDirectories)
                .FirstOrDefault(file => !file.Contains($"{Path.DirectorySeparatorChar}publish{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            : null;
        return dll ?? throw new FileNotFoundException($"Clinic.Server.dll is not built under {directory}; build tests/Clinic.Server.Tests first.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Clinic.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Clinic.slnx not found above " + AppContext.BaseDirectory);
    }
}
