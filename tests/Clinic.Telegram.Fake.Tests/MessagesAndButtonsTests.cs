using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Telegram.Fake.Tests;

public sealed class MessagesAndButtonsTests : FakeTelegramTestBase
{
    private static InlineKeyboardMarkup TwoBranches() => new(
    [
        [InlineKeyboardButton.WithCallbackData("Абай 10", "branch:1")],
        [InlineKeyboardButton.WithCallbackData("Достык 5", "branch:2"), InlineKeyboardButton.WithUrl("Карта", "https://2gis.kz")],
    ]);

    [Fact]
    public async Task ASentMessageWithAnInlineKeyboardAppearsInTheUsersChat()
    {
        var user = Server.CreateUser(42, "Aidos");

        var sent = await Bot.SendMessage(42, "Выберите филиал", replyMarkup: TwoBranches(), cancellationToken: Ct);

        var seen = Assert.Single(user.Messages);
        Assert.Equal(sent.MessageId, seen.MessageId);
        Assert.Equal("Выберите филиал", seen.Text);
        Assert.Equal(["Абай 10", "Достык 5", "Карта"], seen.InlineButtons.Select(b => b.Text));
        Assert.Equal("branch:2", seen.InlineKeyboard[1][0].CallbackData);
        Assert.Equal("https://2gis.kz", seen.InlineKeyboard[1][1].Url);
        Assert.Equal(123456, sent.From!.Id);
        Assert.Equal(2, sent.ReplyMarkup!.InlineKeyboard.Count());
    }

    [Fact]
    public async Task WaitForMessageReturnsTheBotsReplyEvenIfItCameFirst()
    {
        var user = Server.CreateUser(42, "Aidos");
        await Bot.SendMessage(42, "first", cancellationToken: Ct);
        await Bot.SendMessage(42, "second", cancellationToken: Ct);

        var first = await user.WaitForMessage(ct: Ct);
        var second = await user.WaitForMessage(m => m.Text == "second", ct: Ct);

        Assert.Equal("first", first.Text);
        Assert.Equal("second", second.Text);
    }

    [Fact]
    public async Task WaitForMessageTimesOutWithTheTranscript()
    {
        var user = Server.CreateUser(42, "Aidos");
        await user.SendText("/start");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => user.WaitForMessage(timeout: TimeSpan.FromMilliseconds(200), ct: Ct));

        Assert.Contains("user /start", error.Message);
    }

    [Fact]
    public async Task PressingAButtonSendsACallbackQueryAndTheAnswerIsRecorded()
    {
        var user = Server.CreateUser(42, "Aidos");
        var sent = await Bot.SendMessage(42, "Выберите филиал", replyMarkup: TwoBranches(), cancellationToken: Ct);

        var press = await user.PressButton("Достык 5");
        var update = Assert.Single(await Bot.GetUpdates(cancellationToken: Ct));
        await Bot.AnswerCallbackQuery(update.CallbackQuery!.Id, "Выбрано", cancellationToken: Ct);

        Assert.Equal(UpdateType.CallbackQuery, update.Type);
        Assert.Equal(press.CallbackQueryId, update.CallbackQuery.Id);
        Assert.Equal("branch:2", update.CallbackQuery.Data);
        Assert.Equal(sent.MessageId, update.CallbackQuery.Message!.MessageId);
        var answer = Assert.Single(user.CallbackAnswers);
        Assert.Equal("Выбрано", answer.Text);
        Assert.Equal("branch:2", answer.Data);
    }

    [Fact]
    public async Task AnsweringAnUnknownOrAlreadyAnsweredQueryIsRefused()
    {
        var user = Server.CreateUser(42, "Aidos");
        var sent = await Bot.SendMessage(42, "Выберите", replyMarkup: TwoBranches(), cancellationToken: Ct);
        var press = await user.PressCallback(sent.MessageId, "forged:999");
        await Bot.AnswerCallbackQuery(press.CallbackQueryId!, cancellationToken: Ct);

        var again = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerCallbackQuery(press.CallbackQueryId!, cancellationToken: Ct));
        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerCallbackQuery("12345", cancellationToken: Ct));

        Assert.Equal(400, again.ErrorCode);
        Assert.Contains("query is too old and response timeout expired or query ID is invalid", unknown.Message);
    }

    [Fact]
    public async Task PressingAButtonTheMessageDoesNotShowIsATestMistake()
    {
        var user = Server.CreateUser(42, "Aidos");
        var sent = await Bot.SendMessage(42, "Выберите", replyMarkup: TwoBranches(), cancellationToken: Ct);

        Assert.Throws<InvalidOperationException>(() => { _ = user.PressButton("Нет такой"); });
        Assert.Throws<InvalidOperationException>(() => { _ = user.PressButton(user.Messages[0], "branch:9"); });
        Assert.Throws<InvalidOperationException>(() => { _ = user.PressButton("Карта"); });
        Assert.Equal(sent.MessageId, user.Messages[0].MessageId);
    }

    [Fact]
    public async Task EditsReplaceTheMessageInPlaceAndWakeWaiters()
    {
        var user = Server.CreateUser(42, "Aidos");
        var sent = await Bot.SendMessage(42, "Выберите филиал", replyMarkup: TwoBranches(), cancellationToken: Ct);
        await user.WaitForMessage(ct: Ct);

        var edited = await Bot.EditMessageText(42, sent.MessageId, "Филиал: <b>Абай 10</b>", ParseMode.Html, cancellationToken: Ct);
        var seen = await user.WaitForMessage(ct: Ct);

        Assert.Equal("Филиал: Абай 10", edited.Text);
        Assert.NotNull(edited.EditDate);
        var message = Assert.Single(user.Messages);
        Assert.Equal(1, message.EditCount);
        Assert.Equal("Филиал: Абай 10", message.Text);
        Assert.Empty(message.InlineKeyboard);
        Assert.Equal(message, seen);
        Assert.Equal("bold", Assert.Single(message.Entities).Type);
    }

    [Fact]
    public async Task AnIdenticalEditIsNotModified()
    {
        Server.CreateUser(42, "Aidos");
        var sent = await Bot.SendMessage(42, "Текст", replyMarkup: TwoBranches(), cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            Bot.EditMessageText(42, sent.MessageId, "Текст", replyMarkup: TwoBranches(), cancellationToken: Ct));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: message is not modified", error.Message);
    }

    [Fact]
    public async Task EditingTheKeyboardAloneKeepsTheText()
    {
        var user = Server.CreateUser(42, "Aidos");
        var sent = await Bot.SendMessage(42, "Текст", replyMarkup: TwoBranches(), cancellationToken: Ct);

        await Bot.EditMessageReplyMarkup(42, sent.MessageId, new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Назад", "back")), cancellationToken: Ct);

        var message = Assert.Single(user.Messages);
        Assert.Equal("Текст", message.Text);
        Assert.Equal("back", Assert.Single(message.InlineButtons).CallbackData);
    }

    [Fact]
    public async Task DeletedMessagesAreFlaggedAndCannotBeEditedOrDeletedAgain()
    {
        var user = Server.CreateUser(42, "Aidos");
        var sent = await Bot.SendMessage(42, "Текст", cancellationToken: Ct);

        await Bot.DeleteMessage(42, sent.MessageId, Ct);
        var edit = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageText(42, sent.MessageId, "x", cancellationToken: Ct));
        var delete = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.DeleteMessage(42, sent.MessageId, Ct));

        Assert.True(Assert.Single(user.Messages).Deleted);
        Assert.Equal("Bad Request: message to edit not found", edit.Message);
        Assert.Equal("Bad Request: message to delete not found", delete.Message);
    }

    [Fact]
    public async Task AReplyKeyboardWithAContactButtonLetsTheUserShareTheirOwnNumber()
    {
        var user = Server.CreateUser(42, "Aidos");
        user.PhoneNumber = "+77011234567";
        var keyboard = new ReplyKeyboardMarkup(KeyboardButton.WithRequestContact("Поделиться номером")) { OneTimeKeyboard = true, ResizeKeyboard = true };
        await Bot.SendMessage(42, "Номер?", replyMarkup: keyboard, cancellationToken: Ct);

        await user.TapReplyButton("Поделиться номером");
        var contact = Assert.Single(await Bot.GetUpdates(cancellationToken: Ct)).Message!.Contact!;

        Assert.Equal("+77011234567", contact.PhoneNumber);
        Assert.Equal(42, contact.UserId);
        Assert.Null(user.ReplyKeyboard);
    }

    [Fact]
    public async Task AUserCanForgeSomeoneElsesContact()
    {
        var user = Server.CreateUser(42, "Aidos");

        await user.SendContact("+77770000000", userId: 99);
        var contact = Assert.Single(await Bot.GetUpdates(cancellationToken: Ct)).Message!.Contact!;

        Assert.Equal(99, contact.UserId);
    }

    [Fact]
    public async Task SendChatActionIsAcceptedForAKnownChat()
    {
        Server.CreateUser(42, "Aidos");

        await Bot.SendChatAction(42, ChatAction.Typing, cancellationToken: Ct);

        Assert.Equal(1, Server.Counters.CallsOf("sendChatAction"));
    }
}
