using Clinic.Bot.Telegram;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Clinic.Bot.Features.Documents;

/// <summary>
/// Keeps "sending a file…" under the chat title while slow work runs: Telegram shows a chat action for about
/// five seconds, so it is repeated every four until disposed. A failed action is not worth failing the work for.
/// </summary>
public sealed class ChatActionPulse : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(4);

    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;

    private ChatActionPulse(BotContext context, ChatAction action)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        _loop = RunAsync(context, action, _stop.Token);
    }

    public static ChatActionPulse Start(BotContext context, ChatAction action) => new(context, action);

    private static async Task RunAsync(BotContext context, ChatAction action, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    await context.Bot.SendChatAction(context.ChatId, action, cancellationToken: ct);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // Blocked, rate limited or offline: the work goes on without the indicator.
                }

                await Task.Delay(Every, context.Time, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the work is done.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
