using Clinic.Bot.ClinicApi;
using Clinic.Bot.Notifications;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.ClinicApi;

/// <summary>
/// The bot against the original Django API (<see cref="SeedApi"/>: its 20 routes, DRF's errors): the core journeys work on
/// those routes alone, everything else hides or says the clinic does not offer it, and no chat ever shows a generic error.
/// </summary>
public sealed class SeedApiTests(SeedBotEnvironment env) : IClassFixture<SeedBotEnvironment>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void The_stub_serves_exactly_the_twenty_routes_of_the_seed_README_and_the_bot_knows_the_same_twenty()
    {
        Assert.Equal(20, SeedApi.Endpoints.Distinct().Count());
        foreach (var endpoint in SeedApi.Endpoints)
        {
            var (method, path) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1].Replace("{id}", "42"));
            Assert.True(ApiCapabilities.IsSeedRoute(new HttpMethod(method), path), endpoint);
        }
        Assert.Equal(20, ApiCapabilities.SeedRoutes.Count);
    }

    [Fact]
    public async Task A_patient_registers_books_reschedules_and_cancels_on_the_seed_routes_and_booking_carries_no_idempotency_key()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);

        await BookAsync(chat);
        Assert.All(env.Api.Requests.Where(r => r is { Method: "POST", Path: "/api/bot/appointments/" }), r => Assert.False(r.IdempotencyKey));

        await chat.Tap("menu.my_appointments");
        await chat.Expect("appointments.card");
        await chat.Press("ap:rs:");
        await chat.Expect("booking.choose_date");
        await Scenarios.PickFirstTimeAsync(chat);
        await chat.Press("bk:ok");
        await chat.Expect("appointments.rescheduled_ok");

        await chat.Tap("menu.my_appointments");
        await chat.Expect("appointments.card");
        await chat.Press("ap:cx:");
        await chat.Expect("appointments.cancel_confirm");
        await chat.Press("ap:cy:");
        await chat.Expect("appointments.cancelled_ok");
        await chat.Tap("menu.my_appointments");
        await chat.Expect("appointments.empty_upcoming");

        AssertNoGenericError(chat);
    }

    [Fact]
    public async Task A_patient_opens_their_documents_and_gets_the_file_but_is_offered_no_certificate_wizard()
    {
        var chat = env.NewUser("kk", "Ғалия");
        await Scenarios.RegisterAsync(chat, Language.Kk, "Әлиева Ғалия");
        var pdf = "%PDF-1.4 lab result"u8.ToArray();
        var document = env.Api.AddDocument(chat.Id, pdf);

        await chat.Tap("menu.documents");
        var list = await chat.Expect("documents.title");
        Assert.DoesNotContain(list.InlineButtons, b => b.CallbackData == "dc:req");
        await chat.Press($"dc:get:{document.Id}");
        var sent = await chat.User.WaitForMessage(m => m.Document is not null, ChatDriver.Wait, Cancel);
        Assert.Equal(pdf, sent.Document!.Content);

        // The wizard's button from another bot version: explained, not an error.
        await chat.User.PressCallback(list.MessageId, "dc:req");
        await chat.Expect("errors.not_offered");
        AssertNoGenericError(chat);
    }

    [Fact]
    public async Task A_patient_sees_the_balance_pays_a_visit_by_QR_and_the_status_check_shows_it_paid()
    {
        var chat = env.NewUser("en", "John");
        await Scenarios.RegisterAsync(chat, Language.En, "John Smith");
        env.Api.AddPastVisit(chat.Id, AppointmentStatus.Fulfilled);
        await BookAsync(chat);

        await chat.Tap("menu.payments");
        var menu = await chat.Expect("payments.visits_title");
        Assert.Contains("12", menu.VisibleText);
        await chat.Press("py:ap:");
        var card = await chat.Expect("payments.qr_caption");
        Assert.NotNull(card.Photo);
        await chat.Press("py:st:");
        await chat.ExpectCallbackAnswer("payments.still_waiting");

        env.Api.MarkPaid(env.Api.InvoicesOf(chat.Id).Single().Id);
        await chat.Press("py:st:");
        await chat.Expect("payments.status.paid");
        AssertNoGenericError(chat);
    }

    [Fact]
    public async Task A_patient_rates_their_latest_visit_found_in_their_past_appointments()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        var visit = env.Api.AddPastVisit(chat.Id, AppointmentStatus.Fulfilled);

        await chat.Tap("menu.feedback");
        await chat.Expect("feedback.question");
        await chat.Press($"fb:s:{visit}:8");
        await chat.Expect("feedback.ask_improve");
        await chat.Say("Больше утренних часов");
        await chat.Expect("feedback.thanks");

        Assert.Contains(env.Api.Feedback, f => f.AppointmentId == visit && f.Score == 8);
        Assert.Contains(env.Api.Feedback, f => f.AppointmentId == visit && f.Comment == "Больше утренних часов");
        AssertNoGenericError(chat);
    }

    [Fact]
    public async Task A_patient_reads_the_FAQ_and_writes_a_ticket_and_a_typed_question_goes_to_support_without_FAQ_search()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);

        await chat.Tap("menu.support");
        var menu = await chat.Expect("support.menu");
        Assert.DoesNotContain(menu.InlineButtons, b => b.CallbackData!.StartsWith("sp:my", StringComparison.Ordinal));
        await chat.Press("sp:faq");
        await chat.Expect("support.faq_title");
        await chat.Press("sp:fc:");
        var questions = await chat.User.WaitForMessage(m => m.InlineButtons.Any(b => b.Text == "Когда работает клиника?"), ChatDriver.Wait, Cancel);
        await chat.User.PressButton(questions, questions.InlineButtons.First(b => b.Text == "Когда работает клиника?").CallbackData!);
        await chat.User.WaitForMessage(m => m.VisibleText.Contains("Ежедневно с 8:00 до 20:00."), ChatDriver.Wait, Cancel);

        await chat.Tap("menu.support");
        await chat.Expect("support.menu");
        await chat.Press("sp:new");
        await chat.Expect("support.choose_topic");
        await chat.Press("sp:tp:payment");
        await chat.Expect("support.ask_description");
        await chat.Say("Оплатил приём, а в боте он не оплачен");
        await chat.Expect("support.ask_file");
        await chat.Press("sp:skip");
        await chat.Expect("support.created");
        Assert.Contains(env.Api.Tickets, t => t.TelegramId == chat.Id && t.Topic == TicketTopic.Payment && t.Text == "Оплатил приём, а в боте он не оплачен");

        await chat.Tap("menu.support");
        var again = await chat.Expect("support.menu");
        await chat.Say("Можно ли прийти без записи?");
        await chat.Expect("support.faq_nothing");
        // "My tickets" from another bot version: explained, not an error.
        await chat.User.PressCallback(again.MessageId, "sp:my:0");
        await chat.Expect("errors.not_offered");
        AssertNoGenericError(chat);
    }

    [Fact]
    public async Task The_profile_offers_only_what_the_seed_can_change_and_admin_says_the_clinic_does_not_offer_broadcasts()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await chat.Tap("menu.profile");
        var card = await chat.Expect("profile.title");
        Assert.Contains(card.InlineButtons, b => b.CallbackData == "pf:name");
        Assert.DoesNotContain(card.InlineButtons, b => b.CallbackData is "pf:notif" or "pf:del");
        await chat.User.PressCallback(card.MessageId, "pf:del");
        await chat.Expect("errors.not_offered");
        AssertNoGenericError(chat);

        var admin = env.Admin();
        await admin.Say("/admin");
        await admin.Expect("errors.not_offered");
        AssertNoGenericError(admin);
    }

    [Fact]
    public async Task Without_outbox_claim_the_sender_says_so_once_and_the_bot_logs_no_warning_or_error()
    {
        await Eventually.TrueAsync(() => env.Api.Requests.Any(r => r.Path == OutboxRoutes.Claim), "the sender asked for the outbox");
        await Task.Delay(OutboxSender.ApiDownDelay * 2, Cancel);

        var outbox = env.Logs.Entries.Where(e => e.Category == typeof(OutboxSender).FullName).ToList();
        Assert.DoesNotContain(env.Logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Single(outbox, e => e.Level == LogLevel.Information && e.Message.Contains("no outbox"));
    }

    private static async Task BookAsync(ChatDriver chat)
    {
        await chat.Tap("menu.booking");
        await chat.Expect("booking.choose_date");
        await Scenarios.PickFirstTimeAsync(chat);
        await chat.Press("bk:ok");
        await chat.Expect("booking.booked");
    }

    /// <summary>None of the texts that only say "something went wrong" appears anywhere in the chat.</summary>
    private static void AssertNoGenericError(ChatDriver chat)
    {
        foreach (var key in new[] { "common.error", "errors.unknown", "common.unavailable" })
        {
            var generic = ChatDriver.FixedPart(chat.Texts[key]);
            Assert.DoesNotContain(chat.User.Messages, m => m.VisibleText.Contains(generic, StringComparison.Ordinal));
            Assert.DoesNotContain(chat.User.CallbackAnswers, a => a.Text == chat.Texts[key]);
        }
    }
}
