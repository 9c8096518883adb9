using System.Net;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Deployment.Tests.Infrastructure;
using Clinic.Telegram.Fake;
using Clinic.Testing;

namespace Clinic.Deployment.Tests;

/// <summary>
/// The backend and the bot run alone, as their images run them, with every log category at Debug (what an operator
/// chasing a problem sets): after a patient registers, books and pays, neither process has written the bot token,
/// a secret, or the patient's full IIN or phone number, on stdout or stderr.
/// </summary>
public sealed class SecretsInLogsTests(SecretsInLogsTests.ComposeLoggingEverything system) : IClassFixture<SecretsInLogsTests.ComposeLoggingEverything>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task At_debug_level_no_log_line_of_either_app_holds_the_token_a_secret_or_a_patients_full_iin_or_phone()
    {
        LocalServices.SkipOrFailWhenMissing();
        var user = system.Telegram.CreateUser(9_500_000 + Random.Shared.Next(0, 100_000), "Dana", "ru");
        user.PhoneNumber = TestIins.NextPhone();
        var iin = TestIins.Next(TestIins.Woman1992);
        var chat = new ChatDriver(user, "ru");

        await RegisterAsync(chat, iin);
        await BookFirstFreeAsync(chat);
        await PayAsync(chat);

        var logs = system.Backend.Output + system.Bot.Output;
        // The apps run in Production, where the console writes JSON lines.
        Assert.Contains("\"LogLevel\":\"Debug\"", logs);
        var token = system.DotEnv["TELEGRAM_BOT_TOKEN"];
        var forbidden = new Dictionary<string, string>
        {
            ["the bot token"] = token,
            ["the bot token's secret part"] = token[(token.IndexOf(':') + 1)..],
            ["TELEGRAM_BOT_API_SECRET"] = system.DotEnv["TELEGRAM_BOT_API_SECRET"],
            ["TELEGRAM_WEBHOOK_SECRET"] = system.DotEnv["TELEGRAM_WEBHOOK_SECRET"],
            ["ADMIN_API_TOKEN"] = system.DotEnv["ADMIN_API_TOKEN"],
            ["the patient's IIN"] = iin,
            ["the patient's phone"] = user.PhoneNumber,
            ["the patient's phone without +"] = user.PhoneNumber.TrimStart('+'),
            ["the patient's phone without the country code"] = user.PhoneNumber[2..],
        };
        foreach (var (what, value) in forbidden)
        {
            var lines = logs.Split('\n').Where(line => line.Contains(value, StringComparison.Ordinal)).ToList();
            Assert.True(lines.Count == 0, $"{what} is in {lines.Count} log line(s), e.g.:\n{string.Join('\n', lines.Take(3))}");
        }
    }

    private static async Task RegisterAsync(ChatDriver chat, string iin)
    {
        await chat.Say("/start");
        await chat.Expect("start.choose_language");
        await chat.Press("lang:ru");
        await chat.Expect("registration.consent_text");
        await chat.Press("rg:consent:y");
        await chat.Expect("registration.ask_phone");
        await chat.ShareContact();
        await chat.Expect("registration.ask_iin");
        await chat.Say(iin);
        await chat.Expect("registration.iin_confirm");
        await chat.Press("rg:iin:y");
        await chat.Expect("registration.ask_name");
        await chat.Say("Иванова Анна Сергеевна");
        await chat.Expect("registration.summary");
        await chat.Press("rg:save");
        await chat.Expect("registration.done");
    }

    private static async Task BookFirstFreeAsync(ChatDriver chat)
    {
        await chat.Tap("menu.booking");
        await chat.Expect("booking.choose_branch");
        await chat.Press("bk:br:");
        await chat.Expect("booking.choose_category");
        await chat.Press("bk:cat:0");
        await chat.Expect("booking.choose_service");
        await chat.Press("bk:sv:");
        await chat.Expect("booking.choose_date");
        await chat.Press("bk:d:");
        await chat.Expect("booking.choose_time");
        await chat.Press("bk:t:");
        await chat.Expect("booking.confirm_card");
        await chat.Press("bk:ok");
        await chat.Expect("booking.booked");
    }

    /// <summary>The QR card, the sandbox page's "Pay" (on the backend: PUBLIC_BASE_URL stands for it), and the receipt.</summary>
    private async Task PayAsync(ChatDriver chat)
    {
        await chat.Tap("menu.payments");
        await chat.Expect("payments.visits_title");
        await chat.Press("py:ap:");
        var card = await chat.Expect("payments.qr_caption");
        var link = new Uri(card.InlineButtons.First(b => b.Url is not null).Url!);
        using var phone = new HttpClient { BaseAddress = new Uri(system.BackendUrl) };
        Assert.Equal(HttpStatusCode.OK, (await phone.PostAsync(link.AbsolutePath + "/pay", null, Cancel)).StatusCode);
        // The backend's polling job marks the invoice paid and files the receipt; the bot's outbox sender delivers it.
        await chat.User.WaitForMessage(m => m.Document?.FileName?.StartsWith("receipt-", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(60), Cancel);
    }

    /// <summary>The compose apps with every log category at Debug, and a bot token of their own to look for.</summary>
    public sealed class ComposeLoggingEverything : ComposeOnLocalhost
    {
        private static readonly long BotId = 7_000_000_000 + Random.Shared.Next(0, 1_000_000);

        protected override FakeTelegramOptions TelegramOptions => new()
        {
            BotId = BotId,
            Token = $"{BotId}:AAF{Guid.NewGuid():N}",
        };

        protected override IReadOnlyDictionary<string, string> ProcessSettings => new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Debug",
            ["Logging__LogLevel__Microsoft"] = "Debug",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Debug",
            ["Logging__LogLevel__System"] = "Debug",
            ["Logging__LogLevel__System.Net.Http"] = "Debug",
            ["Logging__LogLevel__System.Net.Http.HttpClient"] = "Trace",
        };
    }
}
