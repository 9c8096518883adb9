namespace Clinic.Server.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, which Playwright drives here (its own browser download needs the internet).
/// Without it the browser tests are skipped, except in CI (<c>CI=true</c>) where they fail: .ci/run installs it.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static void RequireInstalled()
    {
        if (File.Exists(ExecutablePath))
            return;
        var message = $"{ExecutablePath} is missing, so the browser tests cannot run (apt-get install chromium).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message + " CI must run them.");
        Assert.Skip(message);
    }
}
