namespace Clinic.Bot.Tests.Infrastructure;

/// <summary>Waits for a condition the bot makes true in the background (e.g. a callback answer), failing with a message after a timeout.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? ChatDriver.Wait);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for: {what}");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="read"/> returns <paramref name="expected"/>, failing with the last value seen.</summary>
    public static async Task EqualAsync<T>(T expected, Func<Task<T>> read, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? ChatDriver.Wait);
        var actual = await read();
        while (!EqualityComparer<T>.Default.Equals(expected, actual) && DateTime.UtcNow <= deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
            actual = await read();
        }

        Assert.True(EqualityComparer<T>.Default.Equals(expected, actual), $"{what}: expected {expected}, last saw {actual}");
    }
}
