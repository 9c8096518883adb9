using System.Diagnostics;
using Clinic.Bot.Telegram.Middleware;
using Clinic.Bot.Telemetry;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Clinic.Bot.Telegram;

/// <summary>
/// Runs one update through the middleware in order — errors, dedup, own private chat only, per-chat lock, patient and
/// language, state — and then the dispatcher. Each update gets its own DI scope (the API client is a typed HttpClient),
/// its own span "telegram update {router}" (the parent of the API and Telegram calls it makes, so one trace runs from the
/// update to the API's SQL), its own log scope, one Information line at the end (<see cref="UpdateLog"/>), and its count
/// and duration in <see cref="BotMetrics"/>.
/// </summary>
public sealed class UpdatePipeline(
    IServiceScopeFactory scopes, ITelegramBotClient bot, Dispatcher dispatcher, BotMetrics metrics, ILogger<UpdatePipeline> logger)
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
        // A trace of its own (the worker runs outside any request): Telegram sends no trace context. Started before the log
        // scope, so the scope carries its trace id.
        using var activity = BotMetrics.Source.StartActivity("telegram update", ActivityKind.Consumer);
        activity?.SetTag("telegram.update_id", update.Id);
        var started = metrics.Now();
        await using var scope = scopes.CreateAsyncScope();
        var context = new BotContext(update, bot, scope.ServiceProvider, ct);
        var middleware = Order.Select(type => (IUpdateMiddleware)scope.ServiceProvider.GetRequiredService(type)).ToArray();
        using var logScope = UpdateLog.BeginScope(logger, context);
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
            var elapsed = metrics.Since(started);
            var router = context.Router ?? "none";
            UpdateLog.Handled(logger, context, elapsed);
            metrics.UpdateHandled(router, context.Outcome, elapsed);
            if (activity is not null)
            {
                activity.DisplayName = $"telegram update {router}";
                activity.SetTag("clinic.bot.router", router).SetTag("clinic.bot.outcome", context.Outcome);
            }
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
