namespace Clinic.Contracts;

/// <summary>
/// What a shared secret (the bot's API secret, the webhook secret, the staff token) must be outside Development:
/// set, not a documented or obvious placeholder, and at least <see cref="MinimumLength"/> characters. Both apps check
/// their secrets with it before they start; the message never repeats the value.
/// </summary>
public static class SecretRules
{
    public const int MinimumLength = 32;

    public const string HowToMakeOne = "set it to a long random value, e.g. the output of `openssl rand -hex 32`";

    /// <summary>Values copied from old examples and guides, and the obvious ones, refused whatever their length.</summary>
    private static readonly string[] Placeholders =
        ["change-this-secret-in-production", "change-this-webhook-secret", "change-this", "changeme", "change-me", "change_me", "replace-me", "replace_me", "your-secret", "your_secret"];

    /// <summary>Null when <paramref name="value"/> is good enough; else one line naming <paramref name="variable"/> and the fix.</summary>
    public static string? Problem(string variable, string? value)
    {
        var secret = value?.Trim() ?? "";
        if (secret.Length == 0)
            return $"{variable} is not set: {HowToMakeOne}.";
        if (Placeholders.Any(p => secret.Contains(p, StringComparison.OrdinalIgnoreCase)))
            return $"{variable} is unset or still a placeholder from the examples: {HowToMakeOne}.";
        if (secret.Length < MinimumLength)
            return $"{variable} is too short ({secret.Length} characters, at least {MinimumLength}): {HowToMakeOne}.";
        return null;
    }
}
