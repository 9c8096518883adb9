using Clinic.Contracts;
using Microsoft.Playwright;

namespace Clinic.Server.Tests.Infrastructure;

/// <summary>The paths a patient takes in the sandbox page, step by step, each waiting for the bot's answer.</summary>
public static class Journeys
{
    /// <summary>
    /// START → language → consent → "share my number" (with the page's confirmation) → IIN → confirm → name → save.
    /// With <paramref name="screenshots"/> the key screens are saved under that name prefix.
    /// </summary>
    public static async Task RegisterAsync(SandboxPage chat, Language language, string name, string? screenshots = null)
    {
        // The page picks the user from ?user= after it loads; a START pressed before that has no chat to go to.
        await Assertions.Expect(chat.Page.Locator("#me")).ToContainTextAsync("id ", new() { Timeout = SandboxPage.Wait });
        await chat.Page.Locator("#start-button").ClickAsync();
        await Assertions.Expect(chat.UserMessages.Last).ToContainTextAsync("/start", new() { Timeout = SandboxPage.Wait });
        await chat.ExpectAsync("start.choose_language");
        await Shot(chat, screenshots, "02-choose-language");
        await chat.PressAsync($"lang:{language.ToString().ToLowerInvariant()}");
        chat.SpeaksNow(language);
        await chat.ExpectAsync("registration.consent_text");
        await Shot(chat, screenshots, "03-consent");
        await chat.PressAsync("rg:consent:y");
        await chat.ExpectAsync("registration.ask_phone");
        await Shot(chat, screenshots, "04-share-contact-keyboard");
        await chat.TapAsync("registration.share_contact");
        await Microsoft.Playwright.Assertions.Expect(chat.Page.Locator("#alert")).ToBeVisibleAsync();
        await Shot(chat, screenshots, "05-share-contact-confirm");
        await chat.Page.Locator("#alert-ok").ClickAsync();
        await chat.ExpectAsync("registration.ask_iin");
        await chat.SayAsync(TestIins.Next(TestIins.Woman1992));
        await chat.ExpectAsync("registration.iin_confirm");
        await chat.PressAsync("rg:iin:y");
        await chat.ExpectAsync("registration.ask_name");
        await chat.SayAsync(name);
        await chat.ExpectAsync("registration.summary");
        await chat.PressAsync("rg:save");
        await chat.ExpectAsync("registration.done");
        await Shot(chat, screenshots, "06-registered");
    }

    /// <summary>Main menu → first branch → first category → first service → the calendar.</summary>
    public static async Task OpenCalendarAsync(SandboxPage chat, string? screenshots = null)
    {
        await chat.TapAsync("menu.booking");
        await chat.ExpectAsync("booking.choose_branch");
        await Shot(chat, screenshots, "07-choose-branch");
        await chat.PressAsync("bk:br:");
        await chat.ExpectAsync("booking.choose_category");
        await chat.PressAsync("bk:cat:0");
        await chat.ExpectAsync("booking.choose_service");
        await chat.PressAsync("bk:sv:");
        await chat.ExpectAsync("booking.choose_date");
        await Shot(chat, screenshots, "08-calendar");
    }

    /// <summary>From the calendar: the first free day → the first time → confirm; returns the "booked" message.</summary>
    public static async Task<Microsoft.Playwright.ILocator> BookFirstFreeTimeAsync(SandboxPage chat, string? screenshots = null)
    {
        await chat.PressAsync("bk:d:");
        await chat.ExpectAsync("booking.choose_time");
        await Shot(chat, screenshots, "09-choose-time");
        await chat.PressAsync("bk:t:");
        await chat.ExpectAsync("booking.confirm_card");
        await Shot(chat, screenshots, "10-confirm");
        await chat.PressAsync("bk:ok");
        var booked = await chat.ExpectAsync("booking.booked");
        await Shot(chat, screenshots, "11-booked");
        return booked;
    }

    public static Task Shot(SandboxPage chat, string? prefix, string name) =>
        prefix is null ? Task.CompletedTask : chat.ScreenshotAsync($"{prefix}-{name}");
}
