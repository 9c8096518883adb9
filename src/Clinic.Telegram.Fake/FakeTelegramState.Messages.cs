using Clinic.Telegram.Fake.Api;
using Clinic.Telegram.Fake.Parsing;

namespace Clinic.Telegram.Fake;

// The bot's side of a chat: messages sent, edited and deleted, and button presses answered.
public sealed partial class FakeTelegramState
{
    private readonly Dictionary<string, PendingCallback> _callbacks = [];

    private sealed record PendingCallback(long ChatId, int MessageId, string Data, bool Answered);

    /// <summary>Delivers a new bot message: blocked users and flood control are checked last, as Telegram does.</summary>
    internal BotMessage DeliverNew(FakeChat chat, BotMessage draft)
    {
        lock (_gate)
        {
            EnsureNotBlocked(chat);
            if (!_rateLimiter.TryAcquire(chat.Id, draft.PaidBroadcast, out var retryAfter))
            {
                Counters.RecordTooManyRequests();
                throw BotApiException.TooManyRequests(retryAfter);
            }
            var message = draft with { MessageId = chat.NextMessageId++, Date = Now };
            chat.BotMessageIndex[message.MessageId] = chat.BotMessages.Count;
            chat.BotMessages.Add(message);
            if (message.ReplyKeyboard is not null) chat.ReplyKeyboard = message.ReplyKeyboard;
            if (message.RemovesReplyKeyboard) chat.ReplyKeyboard = null;
            chat.Transcript.Add("bot  " + message);
            chat.AddEvent(message);
            ChangedLocked(chat);
            Counters.RecordSend();
            return message;
        }
    }

    /// <summary>Applies an edit; <paramref name="edit"/> may throw to refuse it (e.g. no caption to edit).</summary>
    internal BotMessage Edit(FakeChat chat, int messageId, Func<BotMessage, BotMessage> edit)
    {
        lock (_gate)
        {
            var current = chat.FindBotMessage(messageId);
            if (current is null || current.Deleted) throw BotApiException.BadRequest("message to edit not found");
            EnsureNotBlocked(chat);
            var edited = edit(current);
            if (SameContent(current, edited))
                throw BotApiException.BadRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            var contentChanged = current.Text != edited.Text || !current.Entities.SequenceEqual(edited.Entities)
                || current.Caption != edited.Caption || !current.CaptionEntities.SequenceEqual(edited.CaptionEntities);
            edited = edited with
            {
                EditCount = current.EditCount + 1,
                EditDate = Now,
                ContentEditDate = contentChanged ? Now : current.ContentEditDate,
            };
            chat.Replace(edited);
            chat.Transcript.Add("edit " + edited);
            chat.AddEvent(edited);
            ChangedLocked(chat);
            return edited;
        }
    }

    internal void Delete(FakeChat chat, int messageId)
    {
        lock (_gate)
        {
            if (chat.UserMessageIds.Remove(messageId))
            {
                var index = chat.UserMessages.FindIndex(message => message.MessageId == messageId);
                if (index >= 0) chat.UserMessages[index] = chat.UserMessages[index] with { Deleted = true };
                ChangedLocked(chat);
                return;
            }
            var current = chat.FindBotMessage(messageId);
            if (current is null || current.Deleted) throw BotApiException.BadRequest("message to delete not found");
            chat.Replace(current with { Deleted = true });
            chat.Transcript.Add($"del  #{messageId}");
            ChangedLocked(chat);
        }
    }

    internal void EnsureCanWriteTo(FakeChat chat)
    {
        lock (_gate) EnsureNotBlocked(chat);
    }

    internal void AnswerCallback(string queryId, string? text, bool showAlert, string? url, int cacheTime)
    {
        lock (_gate)
        {
            if (!_callbacks.TryGetValue(queryId, out var query) || query.Answered)
                throw BotApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
            _callbacks[queryId] = query with { Answered = true };
            var chat = _chats[query.ChatId];
            chat.CallbackAnswers.Add(new CallbackAnswer(queryId, query.Data, query.MessageId, text, showAlert, url, cacheTime));
            if (text is not null) chat.Transcript.Add($"{(showAlert ? "alert" : "toast")} {text}");
            ChangedLocked(chat);
        }
    }

    private void EnsureNotBlocked(FakeChat chat)
    {
        if (!chat.Blocked) return;
        Counters.RecordForbidden();
        throw BotApiException.Blocked();
    }

    private static bool SameContent(BotMessage a, BotMessage b) =>
        a.Text == b.Text
        && a.Entities.SequenceEqual(b.Entities)
        && a.Caption == b.Caption
        && a.CaptionEntities.SequenceEqual(b.CaptionEntities)
        && a.Photo?.FileId == b.Photo?.FileId
        && a.Document?.FileId == b.Document?.FileId
        && ReplyMarkup.SameInlineKeyboard(a.InlineKeyboard, b.InlineKeyboard);
}
