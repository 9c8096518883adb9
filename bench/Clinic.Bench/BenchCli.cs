namespace Clinic.Bench;

/// <summary>Picks the sub-command named by the first argument, or prints what there is.</summary>
public static class BenchCli
{
    public static async Task<int> RunAsync(IReadOnlyList<IBenchCommand> commands, string[] args)
    {
        var command = args.Length == 0 ? null : commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            PrintUsage(commands, args.Length == 0 ? null : args[0]);
            return args.Length == 0 || args[0] is "help" or "--help" or "-h" ? 0 : 2;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            var options = BenchOptions.Parse(args.AsSpan(1));
            Console.WriteLine($"# {command.Name} on {MachineInfo.Describe()}");
            return await command.RunAsync(options, cancellation.Token);
        }
        catch (FormatException e)
        {
            // A mistyped option: say which, without a stack trace.
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static void PrintUsage(IReadOnlyList<IBenchCommand> commands, string? unknown)
    {
        if (unknown is not null and not ("help" or "--help" or "-h"))
        {
            Console.Error.WriteLine($"Unknown benchmark '{unknown}'.");
        }
        Console.WriteLine("Usage: dotnet run -c Release --project bench/Clinic.Bench -- <benchmark> [--option value ...]");
        foreach (var command in commands)
        {
            Console.WriteLine($"  {command.Name,-10} {command.Description}");
        }
    }
}
