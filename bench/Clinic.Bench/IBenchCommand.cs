namespace Clinic.Bench;

/// <summary>One sub-command of the benchmark program, e.g. <c>dotnet run -c Release --project bench/Clinic.Bench -- slots</c>.</summary>
public interface IBenchCommand
{
    string Name { get; }

    string Description { get; }

    /// <param name="options">The options after the sub-command's name.</param>
    /// <returns>The process exit code: 0 when the run completed and met its target.</returns>
    Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken);
}
