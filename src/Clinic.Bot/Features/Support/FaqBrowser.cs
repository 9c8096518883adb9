using Clinic.Bot.Features.Registration;
using Clinic.Bot.Telegram;
using Clinic.Contracts;

namespace Clinic.Bot.Features.Support;

/// <summary>The FAQ as an inline menu: categories → questions → the answer, in the patient's language.</summary>
public static class FaqBrowser
{
    public static async Task OnCategoriesAsync(BotContext context)
    {
        if (await LoadAsync(context) is not { } faq)
            return;
        var rows = faq.Categories.Select(c => new[] { Keyboards.Button(c.Title, "sp", "fc", c.Id) }).ToList();
        rows.Add([Keyboards.Button(context.Texts["common.back"], "sp", "menu")]);
        await context.ShowAsync(context.Texts[faq.Categories.Count == 0 ? "support.faq_empty" : "support.faq_title"], Keyboards.Inline(rows));
    }

    public static async Task OnCategoryAsync(BotContext context)
    {
        if (!CallbackData.TryLong(context.CallbackParts, 2, out var id))
            throw new StaleButtonException();
        if (await LoadAsync(context) is not { } faq)
            return;
        var category = faq.Categories.FirstOrDefault(c => c.Id == id) ?? throw new StaleButtonException();
        var rows = category.Entries.Select(e => new[] { Keyboards.Button(e.Question, "sp", "fe", e.Id) }).ToList();
        rows.Add([Keyboards.Button(context.Texts["common.back"], "sp", "faq")]);
        await context.ShowAsync(category.Title, Keyboards.Inline(rows));
    }

    public static async Task OnEntryAsync(BotContext context)
    {
        if (!CallbackData.TryLong(context.CallbackParts, 2, out var id))
            throw new StaleButtonException();
        if (await LoadAsync(context) is not { } faq)
            return;
        var entry = faq.Categories.SelectMany(c => c.Entries).FirstOrDefault(e => e.Id == id) ?? throw new StaleButtonException();
        await context.ShowAsync($"❓ {entry.Question}\n\n{entry.Answer}", Keyboards.Inline(
        [
            [Keyboards.Button(context.Texts["support.did_not_help"], "sp", "new")],
            [Keyboards.Button(context.Texts["common.back"], "sp", "fc", entry.CategoryId)],
        ]));
    }

    private static async Task<FaqResponse?> LoadAsync(BotContext context)
    {
        if (await RegistrationGate.RequirePatientAsync(context) is null)
            return null;
        // Not answered here: an entry that is gone is answered as a stale button by the caller.
        var result = await context.Api.GetFaq(context.Texts.Language, context.CancellationToken);
        return await context.FailedAsync(result) ? null : result.Value;
    }
}
