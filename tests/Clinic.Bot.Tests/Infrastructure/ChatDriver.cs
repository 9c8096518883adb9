using System.Text.RegularExpressions;
using Clinic.Bot.Localization;
using Clinic.Contracts;
using Clinic.Telegram.Fake;

namespace Clinic.Bot.Tests.Infrastructure;

/// <summary>
/// A Telegram user as a test drives them: sends, taps and presses, and waits for what the bot says,
/// recognised by the locale text of the expected key in the user's language.
/// </summary>
public sealed partial class ChatDriver(FakeUser user, string languageCode)
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public FakeUser User { get; } = user;

    public long Id => User.Id;

    public Texts Texts { get; private set; } = Localizer.LoadEmbedded().For(Localizer.Resolve(null, languageCode));

    public void SpeaksNow(Language language) => Texts = Localizer.LoadEmbedded().For(language);

    public Task Say(string text) => User.SendText(text);

    public Task Tap(string key) => User.TapReplyButton(Texts[key]);

    public Task ShareContact() => User.ShareOwnContact();

    /// <summary>Waits for the next new or edited message showing the fixed part of the text of <paramref name="key"/>.</summary>
    public Task<BotMessage> Expect(string key, TimeSpan? timeout = null)
    {
        var fragment = FixedPart(Texts[key]);
        return User.WaitForMessage(m => Plain(m.VisibleText).Contains(fragment, StringComparison.Ordinal), timeout ?? Wait);
    }

    /// <summary>Presses the first button whose callback data starts with <paramref name="dataPrefix"/> on the latest message that has one.</summary>
    public async Task<BotMessage> Press(string dataPrefix)
    {
        var message = LatestWithButton(dataPrefix)
            ?? throw new InvalidOperationException($"No bot message has a button with data \"{dataPrefix}...\".\n{User.Transcript}");
        var button = message.InlineButtons.First(b => b.CallbackData?.StartsWith(dataPrefix, StringComparison.Ordinal) == true);
        await User.PressButton(message, button.CallbackData!);
        return message;
    }

    /// <summary>Waits until the bot answered a button press with the text of <paramref name="key"/> (a short notice, not a message).</summary>
    public Task ExpectCallbackAnswer(string key) =>
        Eventually.TrueAsync(
            () => User.CallbackAnswers.Any(answer => answer.Text == Texts[key]),
            $"a callback answer \"{Texts[key]}\"\n{User.Transcript}");

    /// <summary>The id in the callback data of the latest button starting with <paramref name="dataPrefix"/>, e.g. an appointment id.</summary>
    public long IdFromButton(string dataPrefix)
    {
        var message = LatestWithButton(dataPrefix) ?? throw new InvalidOperationException($"No button \"{dataPrefix}...\".\n{User.Transcript}");
        var data = message.InlineButtons.First(b => b.CallbackData?.StartsWith(dataPrefix, StringComparison.Ordinal) == true).CallbackData!;
        return long.Parse(data[dataPrefix.Length..].Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    public BotMessage? LatestWithButton(string dataPrefix) =>
        User.Messages.LastOrDefault(m => !m.Deleted && m.InlineButtons.Any(b => b.CallbackData?.StartsWith(dataPrefix, StringComparison.Ordinal) == true));

    /// <summary>The longest stretch of the text that has no placeholder and no markup, to recognise a filled-in message.</summary>
    public static string FixedPart(string template) =>
        Placeholder().Split(Plain(template)).Select(part => part.Trim()).OrderByDescending(part => part.Length).First();

    private static string Plain(string text) => Tag().Replace(text, "");

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
