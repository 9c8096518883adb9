namespace Clinic.Bot.Telegram;

/// <summary>How an update ended, as its log line names it.</summary>
public static class UpdateOutcome
{
    /// <summary>A router's handler took it.</summary>
    public const string Handled = "handled";

    /// <summary>No handler matched: the user was told the input was not understood.</summary>
    public const string UnknownInput = "unknown_input";

    /// <summary>A button of a message the bot no longer knows.</summary>
    public const string StaleButton = "stale_button";

    /// <summary>The user blocked the bot while it answered.</summary>
    public const string Blocked = "blocked";

    /// <summary>The handler failed; the user got "something went wrong".</summary>
    public const string Failed = "failed";

    /// <summary>Telegram delivered the same update again.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Not in its sender's own private chat: at most a hint to write privately.</summary>
    public const string NotOwnPrivateChat = "not_private_chat";

    /// <summary>Nothing to handle (an update with no message or button, say).</summary>
    public const string Dropped = "dropped";
}
