using Clinic.Bot.Conversation;
using Clinic.Bot.Localization;

namespace Clinic.Bot.Telegram;

/// <summary>
/// Finds the handler for an update across routers in their registration order; the first match wins.
/// Commands and reply buttons come before states, so /cancel and "Main menu" leave any flow.
/// </summary>
public sealed class Dispatcher(IReadOnlyList<Router> routers, Localizer localizer)
{
    private readonly Dictionary<string, (Router, UpdateHandler)> _buttons = BuildButtons(routers, localizer);

    public async Task DispatchAsync(BotContext context)
    {
        var (router, handler) = Find(context);
        if (handler is not null)
        {
            context.Router = router!.Name;
            context.Outcome = "handled";
            await handler(context);
            return;
        }

        context.Outcome = "unknown";
        if (context.Callback is not null)
        {
            throw new StaleButtonException();
        }

        await context.SendAsync(context.Texts["common.unknown_input"]);
        await PromptAsync(context);
    }

    /// <summary>How long the conversation in <paramref name="state"/> is kept after its last step (<see cref="Router.StatesExpireAfter"/>).</summary>
    public TimeSpan LifetimeOf(string? state)
    {
        foreach (var router in routers)
        {
            foreach (var (prefix, lifetime) in router.Lifetimes)
            {
                if (state is not null && state.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return lifetime;
                }
            }
        }

        return StateStoreDefaults.Ttl;
    }

    /// <summary>Re-shows the current step, or the main menu when there is no flow.</summary>
    public async Task PromptAsync(BotContext context)
    {
        var state = context.State;
        foreach (var router in routers)
        {
            foreach (var (prefix, prompt) in router.Prompts)
            {
                if (state is not null && prefix.Length > 0 && state.StartsWith(prefix, StringComparison.Ordinal))
                {
                    await prompt(context);
                    return;
                }
            }
        }

        foreach (var router in routers)
        {
            foreach (var (prefix, prompt) in router.Prompts)
            {
                if (prefix.Length == 0)
                {
                    await prompt(context);
                    return;
                }
            }
        }
    }

    private (Router? Router, UpdateHandler? Handler) Find(BotContext context)
    {
        if (context.Callback is { } callback)
        {
            foreach (var router in routers)
            {
                foreach (var (prefix, handler) in router.Callbacks)
                {
                    if (callback.Data is { } data && (data == prefix || data.StartsWith(prefix + ":", StringComparison.Ordinal)))
                    {
                        return (router, handler);
                    }
                }
            }

            return (null, null);
        }

        if (context.Message is not { } message)
        {
            return (null, null);
        }

        if (message.Text is { } text && text.StartsWith('/'))
        {
            var command = text[1..].Split(' ', 2)[0].Split('@', 2)[0];
            foreach (var router in routers)
            {
                if (router.Commands.TryGetValue(command, out var handler) && router.Allows(command, context))
                {
                    return (router, handler);
                }
            }
        }

        if (message.Text is { } buttonText && _buttons.TryGetValue(buttonText.Trim(), out var button))
        {
            return button;
        }

        if (context.State is { } state)
        {
            foreach (var router in routers)
            {
                foreach (var (prefix, handler) in router.States)
                {
                    if (state.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return (router, handler);
                    }
                }
            }
        }

        return (null, null);
    }

    private static Dictionary<string, (Router, UpdateHandler)> BuildButtons(IReadOnlyList<Router> routers, Localizer localizer)
    {
        var buttons = new Dictionary<string, (Router, UpdateHandler)>(StringComparer.Ordinal);
        foreach (var router in routers)
        {
            foreach (var (key, handler) in router.Buttons)
            {
                foreach (var language in Enum.GetValues<Clinic.Contracts.Language>())
                {
                    buttons.TryAdd(localizer.For(language)[key], (router, handler));
                }
            }
        }

        return buttons;
    }
}
