using System.Globalization;
using Clinic.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Telegram;

/// <summary>What an operator reads in the bot's log about one update: one Information line, in a scope naming the update and the masked chat.</summary>
public sealed class UpdateLogTests
{
    [Fact]
    public async Task A_start_command_logs_one_information_line_in_a_scope_naming_the_update_and_the_masked_chat()
    {
        await using var env = new LoggedBotEnvironment();
        await env.InitializeAsync();
        var chat = env.NewUser();
        var id = chat.Id.ToString(CultureInfo.InvariantCulture);

        await chat.Say("/start");
        await chat.Expect("start.choose_language");
        await Eventually.TrueAsync(() => env.Log.Entries.Any(IsUpdateLine), "the update's line logged");
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);

        var perUpdate = env.Log.Entries.Where(entry => entry.Scopes.ContainsKey("update_id")).ToList();
        var information = Assert.Single(perUpdate, entry => entry.Level == LogLevel.Information);
        Assert.Single(env.Log.Entries, entry => entry.Level >= LogLevel.Information && entry.Category.StartsWith("Clinic.", StringComparison.Ordinal));
        Assert.Equal("***" + id[^3..], information.Scopes["chat"]);
        Assert.Contains(": start handled in ", information.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(env.Log.Entries, entry => entry.Message.Contains(id, StringComparison.Ordinal)
            || entry.Scopes.Values.Any(value => value?.Contains(id, StringComparison.Ordinal) == true));
    }

    private static bool IsUpdateLine(LogEntry entry) => entry.Level == LogLevel.Information && entry.Scopes.ContainsKey("update_id");

    private sealed class LoggedBotEnvironment : BotEnvironment
    {
        public CapturedLog Log { get; } = new();

        protected override void ConfigureBot(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Log);
    }
}
