namespace Clinic.Deployment.Tests.Infrastructure;

/// <summary>The repository checkout these tests run from, found by walking up to Clinic.slnx.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>"Debug" or "Release": the configuration this test assembly (and so its referenced apps) was built in.</summary>
    public static string BuildConfiguration
    {
        get
        {
            var parts = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var bin = Array.LastIndexOf(parts, "bin");
            return bin >= 0 && bin + 1 < parts.Length ? parts[bin + 1] : "Debug";
        }
    }

    /// <summary>The built entry assembly of an app project, e.g. src/Clinic.Api/bin/Debug/net10.0/Clinic.Api.dll.</summary>
    public static string AppDll(string project)
    {
        var directory = PathOf(Path.Combine("src", project, "bin", BuildConfiguration));
        var dll = Directory.Exists(directory)
            ? Directory.GetFiles(directory, project + ".dll", SearchOption.AllDirectories).FirstOrDefault(f => !f.Contains($"{Path.DirectorySeparatorChar}publish{Path.DirectorySeparatorChar}"))
            : null;
        return dll ?? throw new FileNotFoundException($"{project}.dll is not built under {directory}; build tests/Clinic.Deployment.Tests first.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Clinic.slnx")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("Clinic.slnx not found above " + AppContext.BaseDirectory);
    }
}
