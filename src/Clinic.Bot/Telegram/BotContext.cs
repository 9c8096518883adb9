using Clinic.Bot.ClinicApi;
using Clinic.Bot.Conversation;
using Clinic.Bot.Localization;
using Clinic.Contracts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Telegram;

/// <summary>Everything a handler needs for one update: who, what, in which language, the patient and the conversation.</summary>
public sealed class BotContext
{
    private string? _state;
    private bool _callbackAnswered;

    public BotContext(Update update, ITelegramBotClient bot, IServiceProvider services, CancellationToken ct)
    {
        Update = update;
        Bot = bot;
        Services = services;
        CancellationToken = ct;
        Message = update.Message;
        Callback = update.CallbackQuery;
        From = Message?.From ?? Callback?.From;
        Chat = Message?.Chat ?? Callback?.Message?.Chat;
        ChatId = Chat?.Id ?? 0;
        UserId = From?.Id ?? 0;
    }

    public Update Update { get; }
    public ITelegramBotClient Bot { get; }
    public IServiceProvider Services { get; }
    public CancellationToken CancellationToken { get; }
    public Message? Message { get; }
    public CallbackQuery? Callback { get; }
    public User? From { get; }

    /// <summary>Where the message is, or the pressed button's message; null for an inline message or a hostile update.</summary>
    public Chat? Chat { get; }
    public long ChatId { get; }
    public long UserId { get; }

    /// <summary>
    /// True only in the sender's own private chat with the bot (<c>chat.type</c> private and <c>chat.id == from.id</c>):
    /// the one place where a patient's data may be read or shown. <see cref="Middleware.PrivateChatMiddleware"/> keeps
    /// every other update away from the patient and the conversation state.
    /// </summary>
    public bool IsOwnPrivateChat => From is { } from && Chat is { Type: ChatType.Private } chat && chat.Id == from.Id;

    public ClinicApiClient Api => Services.GetRequiredService<ClinicApiClient>();
    public Localizer Localizer => Services.GetRequiredService<Localizer>();
    public TimeProvider Time => Services.GetRequiredService<TimeProvider>();

    public Texts Texts { get; set; } = null!;

    /// <summary>The router whose handler took the update; null when none did. For the update's log line, span and metrics.</summary>
    public string? Router { get; set; }

    /// <summary>How the update ended (<see cref="UpdateOutcome"/>), for the update's log line.</summary>
    public string Outcome { get; set; } = UpdateOutcome.Dropped;

    /// <summary>The patient, null when Telegram user is not known to the clinic (or the API could not be asked).</summary>
    public PatientDto? Patient { get; set; }

    /// <summary>True when the patient could not be looked up because the API is down.</summary>
    public bool PatientUnavailable { get; set; }

    public string[] CallbackParts => CallbackData.Split(Callback?.Data);

    public string? State
    {
        get => _state;
        set
        {
            _state = value;
            StateChanged = true;
        }
    }

    public FlowData Data { get; set; } = FlowData.Empty();

    /// <summary>False when a button starts a new flow whose first step should not replace the message it was pressed on.</summary>
    public bool EditPressedMessage { get; set; } = true;
    public bool StateChanged { get; private set; }

    internal void LoadState(string? state, FlowData data)
    {
        _state = state;
        Data = data;
        StateChanged = false;
    }

    /// <summary>Leaves any flow: no state, no collected data.</summary>
    public void ClearFlow()
    {
        State = null;
        Data.Clear();
    }

    /// <summary>Sends a message; <paramref name="html"/> for texts with markup whose values were escaped (FormatHtml).</summary>
    public Task<Message> SendAsync(string text, ReplyMarkup? markup = null, bool html = false) =>
        Bot.SendMessage(ChatId, text, parseMode: html ? ParseMode.Html : ParseMode.None, replyMarkup: markup, cancellationToken: CancellationToken);

    /// <summary>Shows an inline step: edits the pressed message in place, or sends a new one after a typed message.</summary>
    /// <returns>The id of the message that now shows the step.</returns>
    public async Task<int> ShowAsync(string text, InlineKeyboardMarkup? markup, bool html = false)
    {
        var parseMode = html ? ParseMode.Html : ParseMode.None;
        if (EditPressedMessage && Callback?.Message is { } pressed)
        {
            try
            {
                await Bot.EditMessageText(ChatId, pressed.MessageId, text, parseMode: parseMode, replyMarkup: markup, cancellationToken: CancellationToken);
                return pressed.MessageId;
            }
            catch (ApiRequestException error) when (error.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
            {
                return pressed.MessageId;
            }
            catch (ApiRequestException error) when (error.ErrorCode == 400)
            {
                // Too old to edit or deleted: fall through and send a fresh message.
            }
        }

        return (await SendAsync(text, markup, html)).MessageId;
    }

    /// <summary>Removes the inline buttons of the pressed message, so an answered question cannot be answered twice.</summary>
    public async Task CloseButtonsAsync()
    {
        if (Callback?.Message is not { } pressed)
        {
            return;
        }

        try
        {
            await Bot.EditMessageReplyMarkup(ChatId, pressed.MessageId, replyMarkup: null, cancellationToken: CancellationToken);
        }
        catch (ApiRequestException error) when (error.ErrorCode == 400)
        {
            // Already without buttons, or too old to edit: nothing to remove.
        }
    }

    public async Task AnswerCallbackAsync(string? text = null)
    {
        if (Callback is null || _callbackAnswered)
        {
            return;
        }

        _callbackAnswered = true;
        await Bot.AnswerCallbackQuery(Callback.Id, text, cancellationToken: CancellationToken);
    }

    internal bool CallbackAnswered => _callbackAnswered;

    /// <summary>
    /// Reports a failed API call in the user's language and returns true, or returns false on success.
    /// When the API is down the conversation state is kept, so the next message continues the flow.
    /// </summary>
    public async Task<bool> FailedAsync<T>(ApiResult<T> result)
    {
        if (result.IsSuccess)
        {
            return false;
        }

        var code = result.Error?.Code;
        var unavailable = result.IsUnavailable && !ApiResultCodes.IsSpecific(code);
        await SendAsync(ErrorText(unavailable ? null : code, unavailable));
        return true;
    }

    public string ErrorText(string? code, bool unavailable = false)
    {
        if (unavailable)
        {
            return Texts["common.unavailable"];
        }

        return Texts[ApiResultCodes.LocaleKey(code is null ? null : new ApiError(code, code))];
    }
}
