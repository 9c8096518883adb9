using Clinic.Bot.Features.Booking;
using Clinic.Bot.Localization;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Tests.Features.Booking;

public sealed class BookingPagerTests
{
    private static readonly Texts Texts = Localizer.LoadEmbedded().For(Language.Ru);

    private static List<List<InlineKeyboardButton>> Rows(int count) =>
        Enumerable.Range(1, count).Select(i => new List<InlineKeyboardButton> { Keyboards.Button($"Doctor {i}", "bk", "dr", i) }).ToList();

    [Fact]
    public void A_short_list_is_shown_whole_without_page_buttons()
    {
        Assert.Equal(BookingPager.PageSize, BookingPager.Page(Texts, Rows(BookingPager.PageSize), BookingSteps.Doctor, 0).Count);
    }

    [Fact]
    public void A_long_list_is_split_into_pages_with_next_and_previous_buttons()
    {
        var first = BookingPager.Page(Texts, Rows(20), BookingSteps.Doctor, 0);
        var last = BookingPager.Page(Texts, Rows(20), BookingSteps.Doctor, 2);

        Assert.Equal(BookingPager.PageSize + 1, first.Count);
        Assert.Equal("bk:pg:doctor:1", Assert.Single(first[^1]).CallbackData);
        Assert.Equal(4 + 1, last.Count);
        Assert.Equal("Doctor 17", last[0][0].Text);
        Assert.Equal("bk:pg:doctor:1", Assert.Single(last[^1]).CallbackData);
    }

    [Fact]
    public void A_page_number_beyond_the_list_shows_the_last_page()
    {
        Assert.Equal("Doctor 17", BookingPager.Page(Texts, Rows(20), BookingSteps.Doctor, 99)[0][0].Text);
    }
}
