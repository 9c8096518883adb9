using Clinic.Bot.Localization;

namespace Clinic.Bot.Telegram;

public delegate Task UpdateHandler(BotContext context);

/// <summary>
/// One feature's handlers, like an aiogram router: commands, callback prefixes, reply-button texts and
/// conversation states, plus the "prompt" that re-shows a state's step when the input was not understood.
/// </summary>
public sealed class Router(string name)
{
    public string Name { get; } = name;
    internal Dictionary<string, UpdateHandler> Commands { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal Dictionary<string, Func<BotContext, bool>> CommandFilters { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal List<(string Prefix, UpdateHandler Handler)> Callbacks { get; } = [];
    internal List<(string TextKey, UpdateHandler Handler)> Buttons { get; } = [];
    internal List<(string StatePrefix, UpdateHandler Handler)> States { get; } = [];
    internal List<(string StatePrefix, UpdateHandler Handler)> Prompts { get; } = [];
    internal List<(string StatePrefix, TimeSpan Lifetime)> Lifetimes { get; } = [];

    /// <summary>A slash command, e.g. "start" for /start.</summary>
    public Router OnCommand(string command, UpdateHandler handler)
    {
        Commands[command] = handler;
        return this;
    }

    /// <summary>
    /// A slash command only some users have (e.g. /admin): for anyone else it does not exist, and the update goes on
    /// as any unknown text would.
    /// </summary>
    public Router OnCommand(string command, UpdateHandler handler, Func<BotContext, bool> when)
    {
        CommandFilters[command] = when;
        return OnCommand(command, handler);
    }

    internal bool Allows(string command, BotContext context) =>
        !CommandFilters.TryGetValue(command, out var when) || when(context);

    /// <summary>Callback data starting with <paramref name="prefix"/> (e.g. "bk:br").</summary>
    public Router OnCallback(string prefix, UpdateHandler handler)
    {
        Callbacks.Add((prefix, handler));
        return this;
    }

    /// <summary>A reply-keyboard button, matched by its text in any language (the user may have switched).</summary>
    public Router OnButton(string textKey, UpdateHandler handler)
    {
        Buttons.Add((textKey, handler));
        return this;
    }

    /// <summary>Any message (text or contact) while the conversation is in a state starting with <paramref name="statePrefix"/>.</summary>
    public Router OnState(string statePrefix, UpdateHandler handler)
    {
        States.Add((statePrefix, handler));
        return this;
    }

    /// <summary>
    /// How long a conversation in a state starting with <paramref name="statePrefix"/> (and its data) is kept after its
    /// last step, instead of the store's default day: for flows that collect personal data.
    /// </summary>
    public Router StatesExpireAfter(string statePrefix, TimeSpan lifetime)
    {
        Lifetimes.Add((statePrefix, lifetime));
        return this;
    }

    /// <summary>Re-shows the step of a state after "not understood".</summary>
    public Router Prompt(string statePrefix, UpdateHandler handler)
    {
        Prompts.Add((statePrefix, handler));
        return this;
    }
}
