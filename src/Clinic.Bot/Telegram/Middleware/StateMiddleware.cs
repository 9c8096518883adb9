using Clinic.Bot.Configuration;
using Clinic.Bot.Conversation;

namespace Clinic.Bot.Telegram.Middleware;

/// <summary>
/// Reads the conversation state and data (under the chat lock) and writes them back when a handler changed either, both
/// with the lifetime of the new state, so the data never outlives the step that needs it.
/// </summary>
public sealed class StateMiddleware(IStateStore store, BotOptions options, Dispatcher dispatcher) : IUpdateMiddleware
{
    public async Task InvokeAsync(BotContext context, Func<Task> next)
    {
        var key = new StateKey(options.BotId, context.ChatId, context.UserId);
        var ct = context.CancellationToken;
        var state = await store.GetStateAsync(key, ct);
        var dataJson = await store.GetDataAsync(key, ct);
        context.LoadState(state, FlowData.Parse(dataJson));

        await next();

        var newJson = context.Data.IsEmpty ? null : context.Data.ToJson();
        if (context.StateChanged || newJson != dataJson)
        {
            var lifetime = dispatcher.LifetimeOf(context.State);
            await store.SetStateAsync(key, context.State, lifetime, ct);
            await store.SetDataAsync(key, newJson, lifetime, ct);
        }
    }
}
