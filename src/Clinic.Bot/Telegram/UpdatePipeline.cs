using Clinic.Bot.Telegram.Middleware;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Clinic.Bot.Telegram;

/// <summary>
/// Runs one update through the middleware in order — errors, dedup, own private chat only, per-chat lock, patient and
/// language, state — and then the dispatcher. Each update gets its own DI scope (the API client is a typed HttpClient)
/// and its own log scope, and ends with one Information line (<see cref="UpdateLog"/>).
/// </summary>
public sealed class UpdatePipeline(
    IServiceScopeFactory scopes, ITelegramBotClient bot, Dispatcher dispatcher, TimeProvider clock, ILogger<UpdatePipeline> logger)
{
    private static readonly Type[] Order =
    [
        typeof(ErrorMiddleware),
        typeof(DeduplicationMiddleware),
        typeof(PrivateChatMiddleware),
        typeof(ChatLockMiddleware),
        typeof(PatientContextMiddleware),
        typeof(StateMiddleware),
    ];

    public async Task ProcessAsync(Update update, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = new BotContext(update, bot, scope.ServiceProvider, ct);
        var middleware = Order.Select(type => (IUpdateMiddleware)scope.ServiceProvider.GetRequiredService(type)).ToArray();
        using var logScope = UpdateLog.BeginScope(logger, context);
        var started = clock.GetTimestamp();
        try
        {
            await Next(0);
        }
        catch
        {
            context.Outcome = UpdateOutcome.Failed;
            throw;
        }
        finally
        {
            UpdateLog.Handled(logger, context, clock.GetElapsedTime(started));
        }

        Task Next(int index) => index < middleware.Length
            ? middleware[index].InvokeAsync(context, () => Next(index + 1))
            : dispatcher.DispatchAsync(context);
    }

    internal static void Register(IServiceCollection services)
    {
        foreach (var type in Order)
        {
            services.AddSingleton(type);
        }
    }
}
