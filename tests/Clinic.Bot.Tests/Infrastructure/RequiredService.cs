namespace Clinic.Bot.Tests.Infrastructure;

/// <summary>
/// Tests that need an outside service (Redis) read its address from the environment. Without it they are skipped
/// locally, but fail in CI (CI=true), where skipping silently would hide a broken set-up.
/// </summary>
public static class RequiredService
{
    public static string Redis() => Get("CLINIC_TEST_REDIS");

    private static string Get(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{variable} is not set, but CI=true: the CI run must provide it.");
        }

        Assert.Skip($"{variable} is not set; set it (e.g. 127.0.0.1:6379) to run this test.");
        return "";
    }
}
