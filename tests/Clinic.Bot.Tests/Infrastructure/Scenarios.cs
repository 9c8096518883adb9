using Clinic.Contracts;
using Clinic.Telegram.Fake;

namespace Clinic.Bot.Tests.Infrastructure;

/// <summary>The common paths a patient takes, step by step, each waiting for the bot's answer.</summary>
public static class Scenarios
{
    public const string NameRu = "Иванова Анна Сергеевна";

    /// <summary>/start → language → consent → own contact → IIN → confirm → name → save.</summary>
    public static async Task RegisterAsync(ChatDriver chat, Language language, string name = NameRu)
    {
        await chat.Say("/start");
        await chat.Expect("start.choose_language");
        await chat.Press($"lang:{language.ToString().ToLowerInvariant()}");
        chat.SpeaksNow(language);
        await chat.Expect("registration.consent_text");
        await chat.Press("rg:consent:y");
        await chat.Expect("registration.ask_phone");
        await chat.ShareContact();
        await chat.Expect("registration.ask_iin");
        await chat.Say(TestIins.Next(TestIins.Woman1992));
        await chat.Expect("registration.iin_confirm");
        await chat.Press("rg:iin:y");
        await chat.Expect("registration.ask_name");
        await chat.Say(name);
        await chat.Expect("registration.summary");
        await chat.Press("rg:save");
        await chat.Expect("registration.done");
    }

    /// <summary>Menu → first branch → first category → first service → (doctor skipped or first) → calendar, and returns the calendar.</summary>
    public static async Task<BotMessage> OpenCalendarAsync(ChatDriver chat)
    {
        await chat.Tap("menu.booking");
        await chat.Expect("booking.choose_branch");
        await chat.Press("bk:br:");
        await chat.Expect("booking.choose_category");
        await chat.Press("bk:cat:0");
        await chat.Expect("booking.choose_service");
        await chat.Press("bk:sv:");
        var calendar = await chat.Expect("booking.choose_date");
        return calendar;
    }

    /// <summary>From the calendar: first free day → first free time → the confirmation card.</summary>
    public static async Task<BotMessage> PickFirstTimeAsync(ChatDriver chat)
    {
        await chat.Press("bk:d:");
        await chat.Expect("booking.choose_time");
        await chat.Press("bk:t:");
        return await chat.Expect("booking.confirm_card");
    }

    public static async Task<BotMessage> BookFirstFreeAsync(ChatDriver chat)
    {
        await OpenCalendarAsync(chat);
        await PickFirstTimeAsync(chat);
        await chat.Press("bk:ok");
        return await chat.Expect("booking.booked");
    }

    /// <summary>Registration → booking → reschedule → cancel, asserting what the patient sees at each end.</summary>
    public static async Task FullJourneyAsync(BotEnvironment env, string languageCode, Language language)
    {
        var chat = env.NewUser(languageCode);
        await RegisterAsync(chat, language);

        var booked = await BookFirstFreeAsync(chat);
        Assert.Contains(ChatDriver.FixedPart(chat.Texts["booking.booked"]), booked.VisibleText);

        await chat.Tap("menu.my_appointments");
        await chat.Expect("appointments.title_upcoming");
        await chat.Expect("appointments.card");
        await chat.Press("ap:rs:");
        await chat.Expect("booking.choose_date");
        await PickFirstTimeAsync(chat);
        await chat.Press("bk:ok");
        await chat.Expect("appointments.rescheduled_ok");

        await chat.Tap("menu.my_appointments");
        await chat.Expect("appointments.title_upcoming");
        var card = await chat.Expect("appointments.card");
        var doctorLine = card.VisibleText.Split('\n')[1];
        await chat.Press("ap:cx:");
        await chat.Expect("appointments.cancel_confirm");
        await chat.Press("ap:cy:");
        // The cancelled card stays in the chat: which visit it was, now marked cancelled.
        var cancelled = await chat.Expect("appointments.cancelled_ok");
        Assert.Contains(doctorLine, cancelled.VisibleText);
        Assert.Contains(chat.Texts["appointments.status.cancelled"], cancelled.VisibleText);

        await chat.Tap("menu.my_appointments");
        await chat.Expect("appointments.empty_upcoming");
        Assert.NotNull(card);
    }
}
