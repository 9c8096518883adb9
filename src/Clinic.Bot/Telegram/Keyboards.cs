using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Telegram;

/// <summary>Small helpers for inline keyboards whose buttons carry checked callback data.</summary>
public static class Keyboards
{
    public static InlineKeyboardButton Button(string text, params object[] data) =>
        InlineKeyboardButton.WithCallbackData(text, CallbackData.Build(data));

    public static InlineKeyboardMarkup Inline(IEnumerable<IEnumerable<InlineKeyboardButton>> rows) => new(rows);

    /// <summary>Lays buttons out <paramref name="perRow"/> to a row.</summary>
    public static List<List<InlineKeyboardButton>> Grid(IEnumerable<InlineKeyboardButton> buttons, int perRow) =>
        buttons.Chunk(perRow).Select(chunk => chunk.ToList()).ToList();
}
