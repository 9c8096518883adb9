using System.Text.Json.Nodes;
using Clinic.Telegram.Fake.Api;

namespace Clinic.Telegram.Fake;

// The user's side of a chat: what FakeUser does turns into updates for the bot.
public sealed partial class FakeTelegramState
{
    private long _nextCallbackQueryId = 4_000_000_000_000_000_001;

    internal UserAction UserSendsMessage(FakeUser user, string transcriptLine, UserMessage shown, Action<JsonObject> fillContent) =>
        UserSendsMessage(user, user.Id, transcriptLine, shown, fillContent);

    /// <summary>A message from <paramref name="user"/> in chat <paramref name="chatId"/>: their own private chat, a group, or (forged) another's.</summary>
    internal UserAction UserSendsMessage(FakeUser user, long chatId, string transcriptLine, UserMessage shown, Action<JsonObject> fillContent)
    {
        lock (_gate)
        {
            var chat = ChatOf(chatId);
            // Writing to a bot one has blocked unblocks it first, as Telegram's "Restart" button does.
            if (chat.Blocked && chat.User == user) SetBlockedLocked(chat, blocked: false);
            var messageId = chat.NextMessageId++;
            var message = new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = TelegramJson.User(user),
                ["chat"] = TelegramJson.Chat(chat),
                ["date"] = Now.ToUnixTimeSeconds(),
            };
            fillContent(message);
            chat.UserMessageIds.Add(messageId);
            chat.UserMessages.Add(shown with { MessageId = messageId, Date = Now });
            chat.Transcript.Add(Speaker(chat, user) + transcriptLine);
            var updateId = EnqueueUpdateLocked(chat.Id, "message", message);
            ChangedLocked(chat);
            return new UserAction(updateId, messageId, null);
        }
    }

    internal UserAction UserPressesCallback(FakeUser user, int messageId, string data) => UserPressesCallback(user, user.Id, messageId, data);

    /// <summary>A button press by <paramref name="user"/> on a bot message in chat <paramref name="chatId"/>; its answer shows to the presser.</summary>
    internal UserAction UserPressesCallback(FakeUser user, long chatId, int messageId, string data)
    {
        lock (_gate)
        {
            var chat = ChatOf(chatId);
            var message = chat.FindBotMessage(messageId);
            if (message is null || message.Deleted)
                throw new InvalidOperationException($"There is no bot message #{messageId} to press a button on.\n{TranscriptLocked(chat)}");
            var queryId = (_nextCallbackQueryId++).ToString();
            _callbacks[queryId] = new PendingCallback(user.Id, messageId, data, Answered: false);
            var query = new JsonObject
            {
                ["id"] = queryId,
                ["from"] = TelegramJson.User(user),
                ["message"] = TelegramJson.Message(message, chat, Options),
                ["chat_instance"] = chat.ChatInstance,
                ["data"] = data,
            };
            chat.Transcript.Add($"{Speaker(chat, user)}presses [{data}] on #{messageId}");
            var updateId = EnqueueUpdateLocked(chat.Id, "callback_query", query);
            ChangedLocked(chat);
            return new UserAction(updateId, null, queryId);
        }
    }

    /// <summary>"user " in one's own private chat; in a group, or in a forged update, who it was.</summary>
    private static string Speaker(FakeChat chat, FakeUser user) => chat.User == user ? "user " : $"{user} ";

    internal void SetBlocked(FakeUser user, bool blocked)
    {
        lock (_gate)
        {
            var chat = ChatOf(user);
            if (chat.Blocked != blocked) SetBlockedLocked(chat, blocked);
        }
    }

    /// <summary>Telegram tells the bot about a block or unblock with a my_chat_member update.</summary>
    private void SetBlockedLocked(FakeChat chat, bool blocked)
    {
        chat.Blocked = blocked;
        chat.Transcript.Add(blocked ? "user blocks the bot" : "user unblocks the bot");
        var update = new JsonObject
        {
            ["chat"] = TelegramJson.Chat(chat),
            ["from"] = TelegramJson.User(chat.User!),
            ["date"] = Now.ToUnixTimeSeconds(),
            ["old_chat_member"] = ChatMember(blocked ? "member" : "kicked"),
            ["new_chat_member"] = ChatMember(blocked ? "kicked" : "member"),
        };
        EnqueueUpdateLocked(chat.Id, "my_chat_member", update);
        ChangedLocked(chat);
    }

    private JsonObject ChatMember(string status)
    {
        var member = new JsonObject { ["status"] = status, ["user"] = TelegramJson.BotUser(Options) };
        if (status == "kicked") member["until_date"] = 0;
        return member;
    }

    internal bool IsBlocked(FakeUser user)
    {
        lock (_gate) return ChatOf(user).Blocked;
    }

    internal IReadOnlyList<BotMessage> MessagesOf(FakeUser user) => MessagesIn(user.Id);

    internal IReadOnlyList<BotMessage> MessagesIn(long chatId)
    {
        lock (_gate) return ChatOf(chatId).BotMessages.ToList();
    }

    internal IReadOnlyList<UserMessage> UserMessagesOf(FakeUser user)
    {
        lock (_gate) return ChatOf(user).UserMessages.Where(message => !message.Deleted).ToList();
    }

    internal IReadOnlyList<CallbackAnswer> CallbackAnswersOf(FakeUser user)
    {
        lock (_gate) return ChatOf(user).CallbackAnswers.ToList();
    }

    internal ReplyKeyboard? ReplyKeyboardOf(FakeUser user)
    {
        lock (_gate) return ChatOf(user).ReplyKeyboard;
    }

    /// <summary>A tap on a one-time keyboard hides it, as Telegram clients do.</summary>
    internal void HideOneTimeKeyboard(FakeUser user)
    {
        lock (_gate)
        {
            var chat = ChatOf(user);
            if (chat.ReplyKeyboard is not { OneTime: true }) return;
            chat.ReplyKeyboard = null;
            ChangedLocked(chat);
        }
    }

    internal string TranscriptOf(FakeUser user) => TranscriptIn(user.Id);

    internal string TranscriptIn(long chatId)
    {
        lock (_gate) return TranscriptLocked(ChatOf(chatId));
    }

    private static string TranscriptLocked(FakeChat chat) =>
        chat.Transcript.Count == 0
            ? $"Chat {chat.Id}: nothing was said yet."
            : $"Chat {chat.Id} transcript:\n  " + string.Join("\n  ", chat.Transcript);

    /// <summary>Returns the first new or edited bot message after the user's cursor that matches, consuming what it passes.</summary>
    internal Task<BotMessage> WaitForMessageAsync(FakeUser user, Func<BotMessage, bool>? predicate, TimeSpan timeout, CancellationToken ct) =>
        WaitForMessageAsync(user.Id, predicate, timeout, ct);

    internal async Task<BotMessage> WaitForMessageAsync(long chatId, Func<BotMessage, bool>? predicate, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task pulse;
            lock (_gate)
            {
                var chat = ChatOf(chatId);
                while (chat.EventCursor < chat.Events.Count)
                {
                    var candidate = chat.Events[chat.EventCursor++];
                    if (predicate is null || predicate(candidate)) return candidate;
                }
                pulse = chat.EventPulse.Task;
            }
            var remaining = deadline - DateTime.UtcNow;
            try
            {
                if (remaining <= TimeSpan.Zero) throw new TimeoutException();
                await pulse.WaitAsync(remaining, ct);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException(
                    $"No matching bot message in chat {chatId} within {timeout.TotalSeconds:0.#} s.\n{TranscriptIn(chatId)}");
            }
        }
    }
}
