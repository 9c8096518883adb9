using System.Text.RegularExpressions;
using Clinic.Bot.Localization;
using Clinic.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clinic.Server.Tests.Infrastructure;

/// <summary>
/// The sandbox chat page as a person uses it: picks a user, types, taps the reply keyboard, presses inline buttons,
/// and waits for what the bot says, recognised by the locale text of a key in the user's language.
/// </summary>
public sealed partial class SandboxPage(IBrowserContext context, IPage page, ServerProcess server) : IAsyncDisposable
{
    public static readonly float Wait = 30_000;

    public IPage Page { get; } = page;

    public ServerProcess Server { get; } = server;

    public Texts Texts { get; private set; } = Localizer.LoadEmbedded().For(Language.Ru);

    public ILocator BotMessages => Page.Locator(".message.from-bot");

    public ILocator UserMessages => Page.Locator(".message.from-user");

    public void SpeaksNow(Language language) => Texts = Localizer.LoadEmbedded().For(language);

    public async Task SelectUserAsync(long id)
    {
        await Page.Locator($".user[data-user-id='{id}']").ClickAsync();
        await Expect(Page.Locator($".user[data-user-id='{id}']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Page.Locator("#me")).ToContainTextAsync($"id {id}");
    }

    public async Task SayAsync(string text)
    {
        await Page.Locator("#input").FillAsync(text);
        await Page.Locator("#input").PressAsync("Enter");
        await Expect(UserMessages.Last).ToContainTextAsync(text, new() { Timeout = Wait });
    }

    /// <summary>Taps the reply-keyboard button showing the text of <paramref name="key"/>.</summary>
    public Task TapAsync(string key) => ReplyButton(Texts[key]).ClickAsync();

    public ILocator ReplyButton(string text) =>
        Page.Locator(".reply-button").Filter(new() { HasText = text });

    /// <summary>Presses the latest inline button whose callback data starts with <paramref name="dataPrefix"/>.</summary>
    public async Task<ILocator> PressAsync(string dataPrefix)
    {
        var button = Page.Locator($".inline-button[data-callback-data^='{dataPrefix}']").Last;
        await Expect(button).ToBeVisibleAsync(new() { Timeout = Wait });
        await button.ClickAsync();
        return button;
    }

    /// <summary>Waits for a bot message showing the fixed part of the text of <paramref name="key"/>, and returns it.</summary>
    public async Task<ILocator> ExpectAsync(string key)
    {
        var message = BotMessages.Filter(new() { HasText = FixedPart(Texts[key]) }).Last;
        try
        {
            await Expect(message).ToBeVisibleAsync(new() { Timeout = Wait });
        }
        catch (PlaywrightException missing)
        {
            // What the server logged tells why the bot said something else (or nothing).
            var log = Server.Output.Split('\n');
            throw new InvalidOperationException($"The bot did not say {key}. The server's last log lines:\n{string.Join('\n', log.TakeLast(40))}", missing);
        }

        return message;
    }

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Artifacts, name + ".png") });

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    /// <summary>The longest line of the text that has no placeholder and no markup, to recognise a filled-in message.</summary>
    public static string FixedPart(string template) =>
        Placeholder().Split(Tag().Replace(template, ""))
            .SelectMany(part => part.Split('\n'))
            .Select(part => part.Trim())
            .OrderByDescending(part => part.Length)
            .First();

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
