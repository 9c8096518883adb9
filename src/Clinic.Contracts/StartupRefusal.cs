using Microsoft.Extensions.Options;

namespace Clinic.Contracts;

/// <summary>
/// A host that refuses its settings (<c>ValidateOnStart</c>, or the first read of invalid options) says so as an operator
/// reads it: each failure on a line of its own, naming its variable, no stack trace, and exit code 1.
/// </summary>
public static class StartupRefusal
{
    public const int ExitCode = 1;

    /// <summary>The failures inside <paramref name="error"/>, or null when it is not a settings refusal.</summary>
    public static IReadOnlyList<string>? Failures(Exception error) => error switch
    {
        OptionsValidationException refusal => refusal.Failures.ToList(),
        // Several options classes failing at once come as one AggregateException.
        AggregateException many when many.InnerExceptions.All(e => e is OptionsValidationException) =>
            many.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures).ToList(),
        _ => null,
    };

    public static int Print(IReadOnlyList<string> failures, TextWriter output)
    {
        foreach (var failure in failures.Distinct())
            output.WriteLine(failure);
        return ExitCode;
    }
}
