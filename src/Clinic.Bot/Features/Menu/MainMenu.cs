using Clinic.Bot.Localization;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Menu;

/// <summary>The main menu's reply keyboard, always visible under the chat.</summary>
public static class MainMenu
{
    public static ReplyKeyboardMarkup Keyboard(Texts texts) => new(
    [
        [new KeyboardButton(texts["menu.booking"]), new KeyboardButton(texts["menu.my_appointments"])],
        [new KeyboardButton(texts["menu.documents"]), new KeyboardButton(texts["menu.payments"])],
        [new KeyboardButton(texts["menu.feedback"]), new KeyboardButton(texts["menu.support"])],
        [new KeyboardButton(texts["menu.profile"])],
    ])
    {
        ResizeKeyboard = true,
        IsPersistent = true,
    };

    /// <summary>Leaves any flow and shows the menu with <paramref name="textKey"/> as the message.</summary>
    public static async Task ShowAsync(Telegram.BotContext context, string textKey = "menu.choose")
    {
        context.ClearFlow();
        await context.SendAsync(context.Texts[textKey], Keyboard(context.Texts));
    }
}
