using System.Diagnostics;
using System.Text;

namespace Clinic.Deployment.Tests.Infrastructure;

/// <summary>
/// One app started as its container would start it, <c>dotnet App.dll</c>, with exactly the given settings: inherited
/// variables with the same names (and every other key the apps know) are removed first, so nothing leaks in from the
/// test machine. Output is kept for failure messages.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    public static AppProcess Start(string dll, IReadOnlyDictionary<string, string> settings, string workingDirectory, params string[] arguments)
    {
        var process = new Process { StartInfo = StartInfo(dll, settings, workingDirectory, arguments), EnableRaisingEvents = true };
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Runs a short command (the health probe) to its end and returns the exit code with its output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string dll, IReadOnlyDictionary<string, string> settings, string workingDirectory, params string[] arguments)
    {
        await using var app = Start(dll, settings, workingDirectory, arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app._process.WaitForExitAsync(timeout.Token);
        return (app._process.ExitCode, app.Output);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private static ProcessStartInfo StartInfo(string dll, IReadOnlyDictionary<string, string> settings, string workingDirectory, string[] arguments)
    {
        // The SDK tells test processes which dotnet host runs them; fall back to the one on PATH.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);

        var known = ConfigurationKeys.OfAllInOne().Concat(ConfigurationKeys.HostSettings).Concat(settings.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in info.Environment.Keys.Where(known.Contains).ToList())
            info.Environment.Remove(name);
        foreach (var (key, value) in settings)
            info.Environment[key] = value;
        return info;
    }
}
