using Clinic.Bot.Configuration;
using Clinic.Bot.Conversation;

namespace Clinic.Bot.Telegram.Middleware;

/// <summary>Reads the conversation state and data (under the chat lock) and writes them back when a handler changed them.</summary>
public sealed class StateMiddleware(IStateStore store, BotOptions options) : IUpdateMiddleware
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
        if (context.StateChanged)
        {
            await store.SetStateAsync(key, context.State, ct);
        }

        if (newJson != dataJson)
        {
            await store.SetDataAsync(key, newJson, ct);
        }
    }
}
