using Clinic.Bot.Localization;
using Clinic.Bot.Telegram;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Booking;

/// <summary>Long choice lists (branches, services, doctors) are shown a page at a time with ◀️ / ▶️ buttons.</summary>
public static class BookingPager
{
    public const int PageSize = 8;

    public static List<List<InlineKeyboardButton>> Page(Texts texts, List<List<InlineKeyboardButton>> rows, string step, long requestedPage)
    {
        var pages = (rows.Count + PageSize - 1) / PageSize;
        if (pages <= 1)
        {
            return rows;
        }

        var page = (int)Math.Clamp(requestedPage, 0, pages - 1);
        var shown = rows.Skip(page * PageSize).Take(PageSize).ToList();
        var navigation = new List<InlineKeyboardButton>();
        if (page > 0)
        {
            navigation.Add(Keyboards.Button(texts["common.prev_page"], "bk", "pg", step, page - 1));
        }

        if (page < pages - 1)
        {
            navigation.Add(Keyboards.Button(texts["common.next_page"], "bk", "pg", step, page + 1));
        }

        shown.Add(navigation);
        return shown;
    }
}
