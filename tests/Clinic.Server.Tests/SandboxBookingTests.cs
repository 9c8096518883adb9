using Clinic.Contracts;
using Clinic.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Clinic.Server.Tests;

/// <summary>The README's promise: a person opens the sandbox in a browser and books an appointment with the bot.</summary>
public sealed class SandboxBookingTests(SandboxFixture fixture)
{
    private const long Aigerim = 500_000_101;

    [Fact]
    public async Task A_new_patient_registers_and_books_an_appointment_in_the_browser()
    {
        await using var chat = await fixture.OpenAsync($"?user={Aigerim}");
        // The browser reads Russian (the fixture's locale), so the page does too.
        await Expect(chat.Page.Locator("#banner")).ToContainTextAsync("Локальная песочница Telegram");
        await Expect(chat.Page.Locator("#me")).ToContainTextAsync($"id {Aigerim}");
        await chat.ScreenshotAsync("booking-01-empty-chat");

        await Journeys.RegisterAsync(chat, Language.Ru, "Сапарова Айгерим Нурлановна", screenshots: "booking");
        await Journeys.OpenCalendarAsync(chat, screenshots: "booking");

        var booked = await Journeys.BookFirstFreeTimeAsync(chat, screenshots: "booking");

        // The patient reads when the visit is, with every placeholder filled in.
        await Expect(booked).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{1,2}:\d{2}"));
        await Expect(booked).Not.ToContainTextAsync("{");
    }
}
