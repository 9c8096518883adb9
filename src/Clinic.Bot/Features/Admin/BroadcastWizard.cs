using Clinic.Bot.ClinicApi;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot.Extensions;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Admin;

/// <summary>
/// Creating a broadcast: segment (filter buttons with a live audience count) → text → optional photo → optional link
/// button → the draft is saved and a preview sent exactly as patients will see it → audience count → send now,
/// schedule, or discard.
/// </summary>
public static class BroadcastWizard
{
    public const string StatePrefix = "adm:";
    private const string Segment = "adm:seg";
    private const string Text = "adm:text";
    private const string Photo = "adm:photo";
    private const string Button = "adm:button";

    public static async Task StartAsync(BotContext context)
    {
        await context.AnswerCallbackAsync();
        context.ClearFlow();
        context.State = Segment;
        await ShowSegmentAsync(context);
    }

    /// <summary>A filter button: toggles it (or opens the branch list) and redraws the step with the new count.</summary>
    public static async Task OnSegmentAsync(BotContext context)
    {
        if (context.State != Segment)
            throw new StaleButtonException();
        var parts = context.CallbackParts;
        var data = context.Data;
        switch (parts.ElementAtOrDefault(2))
        {
            case "l" when parts.ElementAtOrDefault(3) is "ru" or "kk" or "en":
                var languages = (data["sg.l"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
                if (!languages.Remove(parts[3]))
                    languages.Add(parts[3]);
                data["sg.l"] = languages.Count == 0 ? null : string.Join(',', languages);
                break;
            case "s" or "u" or "v" or "a" or "r":
                var key = "sg." + parts[2];
                var value = string.Join(':', parts.Skip(3));
                data[key] = data[key] == value ? null : value;
                break;
            case "b":
                await ShowBranchesAsync(context);
                return;
            case "bb" when CallbackData.TryLong(parts, 3, out var branchId):
                data["sg.b"] = branchId == 0 ? null : branchId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                data["sg.bn"] = branchId == 0 ? null : await BranchNameAsync(context, branchId);
                break;
            case "reset":
                foreach (var name in new[] { "sg.l", "sg.s", "sg.u", "sg.v", "sg.a", "sg.r", "sg.b", "sg.bn" })
                    data[name] = null;
                break;
            case "next":
                await context.AnswerCallbackAsync();
                await context.CloseButtonsAsync();
                context.State = Text;
                await context.SendAsync(context.Texts["broadcast.ask_text"]);
                return;
            default:
                throw new StaleButtonException();
        }
        await context.AnswerCallbackAsync();
        await ShowSegmentAsync(context);
    }

    /// <summary>Any message during the wizard: the text, the photo or the button, by step.</summary>
    public static async Task OnMessageAsync(BotContext context)
    {
        var message = context.Message!;
        switch (context.State)
        {
            case Text when !string.IsNullOrWhiteSpace(message.Text):
                // Telegram's own formatting arrives as entities; typed tags are taken as HTML; plain text is escaped.
                context.Data["text"] = message.Entities is { Length: > 0 } || !message.Text.Contains('<')
                    ? HtmlText.ToHtml(message.Text, message.Entities ?? [])
                    : message.Text;
                context.State = Photo;
                await AskPhotoAsync(context);
                return;
            case Photo when message.Photo is { Length: > 0 } sizes:
                context.Data["photo"] = sizes.MaxBy(p => p.Width * p.Height)!.FileId;
                context.State = Button;
                await AskButtonAsync(context);
                return;
            case Photo:
                await context.SendAsync(context.Texts["broadcast.not_a_photo"]);
                await AskPhotoAsync(context);
                return;
            case Button when ParseButton(message.Text) is { } button:
                context.Data["btn_text"] = button.Text;
                context.Data["btn_url"] = button.Url;
                await SaveDraftAsync(context);
                return;
            case Button:
                await context.SendAsync(context.Texts["broadcast.bad_button"]);
                return;
            default:
                await context.SendAsync(context.Texts["common.unknown_input"]);
                await PromptAsync(context);
                return;
        }
    }

    public static Task PromptAsync(BotContext context) => context.State switch
    {
        Segment => ShowSegmentAsync(context),
        Text => context.SendAsync(context.Texts["broadcast.ask_text"]),
        Photo => AskPhotoAsync(context),
        Button => AskButtonAsync(context),
        _ => AdminMenu.ShowAsync(context),
    };

    public static async Task OnSkipAsync(BotContext context)
    {
        await context.AnswerCallbackAsync();
        switch (context.State)
        {
            case Photo:
                await context.CloseButtonsAsync();
                context.State = Button;
                await AskButtonAsync(context);
                break;
            case Button:
                await context.CloseButtonsAsync();
                await SaveDraftAsync(context);
                break;
            default:
                throw new StaleButtonException();
        }
    }

    /// <summary>Send now, schedule (then a preset time), or discard a saved draft.</summary>
    public static async Task OnDecisionAsync(BotContext context)
    {
        var parts = context.CallbackParts;
        if (!CallbackData.TryLong(parts, 2, out var id))
            throw new StaleButtonException();
        var texts = context.Texts;
        await context.AnswerCallbackAsync();
        switch (parts[1])
        {
            case "sch":
                await context.ShowAsync(texts["broadcast.choose_time"], Keyboards.Inline(
                [
                    [Keyboards.Button(texts["broadcast.in_one_hour"], AdminRouter.Prefix, "at", id, "h")],
                    [Keyboards.Button(texts["broadcast.tomorrow_morning"], AdminRouter.Prefix, "at", id, "m")],
                    [Keyboards.Button(texts["broadcast.tomorrow_evening"], AdminRouter.Prefix, "at", id, "e")],
                ]));
                return;
            case "del":
                var discarded = await context.Api.ChangeBroadcast(context.UserId, id, "cancel", context.CancellationToken);
                if (await context.FailedAsync(discarded))
                    return;
                await context.ShowAsync(texts["broadcast.discarded"], Keyboards.Inline([[AdminMenu.Back(context)]]));
                return;
        }

        var zone = await ClinicZoneAsync(context);
        DateTimeOffset? at = parts[1] == "at" ? PresetTime(parts.ElementAtOrDefault(3), context.Time.GetUtcNow(), zone) : null;
        if (parts[1] == "at" && at is null)
            throw new StaleButtonException();
        var started = await context.Api.StartBroadcast(context.UserId, id, at, context.CancellationToken);
        if (await context.FailedAsync(started))
            return;
        if (at is { } time)
            await context.SendAsync(texts.Format("broadcast.scheduled", ("id", id), ("date_time", texts.DateTime(time, zone.Id)),
                ("count", texts.Plural("broadcast.recipients", started.Value!.Stats.Audience))));
        await BroadcastCards.ShowProgressAsync(context, started.Value!);
    }

    private static async Task ShowSegmentAsync(BotContext context)
    {
        var texts = context.Texts;
        var segment = await SegmentAsync(context);
        var count = await context.Api.PreviewAudience(context.UserId, segment, context.CancellationToken);
        if (await context.FailedAsync(count))
            return;
        var d = context.Data;
        InlineKeyboardButton Toggle(string label, string key, string value, params object[] data) =>
            Keyboards.Button((IsOn(d[key], value) ? "✅ " : "") + label, [AdminRouter.Prefix, "sg", .. data]);
        await context.ShowAsync(texts.Format("broadcast.segment_title",
                ("filters", Describe(context)), ("count", texts.Plural("broadcast.recipients", count.Value!.Count))),
            Keyboards.Inline(
            [
                [.. new[] { "ru", "kk", "en" }.Select(l => Toggle(texts[$"language.{l}"], "sg.l", l, "l", l))],
                [Toggle(texts["broadcast.button_male"], "sg.s", "m", "s", "m"), Toggle(texts["broadcast.button_female"], "sg.s", "f", "s", "f")],
                [Toggle("18–29", "sg.a", "18:29", "a", 18, 29), Toggle("30–44", "sg.a", "30:44", "a", 30, 44),
                    Toggle("45–59", "sg.a", "45:59", "a", 45, 59), Toggle("60+", "sg.a", "60", "a", 60)],
                [Toggle(texts["broadcast.button_upcoming_yes"], "sg.u", "1", "u", 1), Toggle(texts["broadcast.button_upcoming_no"], "sg.u", "0", "u", 0)],
                [Toggle(texts["broadcast.button_recent_visit"], "sg.v", "a", "v", "a"), Toggle(texts["broadcast.button_no_recent_visit"], "sg.v", "b", "v", "b")],
                [Toggle(texts["broadcast.button_new"], "sg.r", "1", "r", 1),
                    Keyboards.Button((d["sg.b"] is null ? "" : "✅ ") + texts["broadcast.button_branch"], AdminRouter.Prefix, "sg", "b")],
                [Keyboards.Button(texts["broadcast.button_reset"], AdminRouter.Prefix, "sg", "reset"), Keyboards.Button(texts["broadcast.button_next"], AdminRouter.Prefix, "sg", "next")],
            ]));
    }

    private static bool IsOn(string? stored, string value) => stored is not null && stored.Split(',').Contains(value);

    private static async Task ShowBranchesAsync(BotContext context)
    {
        await context.AnswerCallbackAsync();
        var branches = await context.Api.GetBranches(context.CancellationToken);
        if (await context.FailedAsync(branches))
            return;
        var buttons = branches.Value!.Take(30)
            .Select(b => Keyboards.Button(BranchName(context, b), AdminRouter.Prefix, "sg", "bb", b.Id))
            .Append(Keyboards.Button(context.Texts["broadcast.any_branch"], AdminRouter.Prefix, "sg", "bb", 0));
        await context.ShowAsync(context.Texts["broadcast.choose_branch"], Keyboards.Inline(Keyboards.Grid(buttons, 1)));
    }

    private static async Task<string?> BranchNameAsync(BotContext context, long id)
    {
        var branches = await context.Api.GetBranches(context.CancellationToken);
        return branches.Value?.FirstOrDefault(b => b.Id == id) is { } branch ? BranchName(context, branch) : null;
    }

    private static string BranchName(BotContext context, BranchDto branch) => context.Texts.Name(branch);

    /// <summary>The filters picked so far, as the API's segment; dates are counted back from today.</summary>
    private static async Task<BroadcastSegment> SegmentAsync(BotContext context)
    {
        var d = context.Data;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Time.GetUtcNow(), await ClinicZoneAsync(context)).DateTime);
        var ages = d["sg.a"]?.Split(':');
        return new BroadcastSegment(
            Languages: d["sg.l"]?.Split(',').Select(l => l switch { "kk" => Language.Kk, "en" => Language.En, _ => Language.Ru }).ToList(),
            BranchId: d.Long("sg.b"),
            LastVisitAfter: d["sg.v"] == "a" ? today.AddMonths(-6) : null,
            LastVisitBefore: d["sg.v"] == "b" ? today.AddMonths(-6) : null,
            AgeFrom: ages is { Length: > 0 } ? int.Parse(ages[0], System.Globalization.CultureInfo.InvariantCulture) : null,
            AgeTo: ages is { Length: > 1 } ? int.Parse(ages[1], System.Globalization.CultureInfo.InvariantCulture) : null,
            Sex: d["sg.s"] switch { "m" => Sex.Male, "f" => Sex.Female, _ => null },
            HasUpcomingAppointment: d["sg.u"] switch { "1" => true, "0" => false, _ => null },
            RegisteredSince: d["sg.r"] == "1" ? today.AddDays(-30) : null);
    }

    private static string Describe(BotContext context)
    {
        var texts = context.Texts;
        var d = context.Data;
        var parts = new List<string>();
        if (d["sg.l"] is { } languages)
            parts.Add(texts.Format("broadcast.filter_language", ("value", string.Join(", ", languages.Split(',').Select(l => l.ToUpperInvariant())))));
        if (d["sg.s"] is { } sex)
            parts.Add(texts[sex == "m" ? "broadcast.filter_sex_male" : "broadcast.filter_sex_female"]);
        if (d["sg.a"]?.Split(':') is { } ages)
            parts.Add(ages.Length > 1 ? texts.Format("broadcast.filter_age", ("from", ages[0]), ("to", ages[1])) : texts.Format("broadcast.filter_age_from", ("from", ages[0])));
        if (d["sg.b"] is not null)
            parts.Add(texts.Format("broadcast.filter_branch", ("branch", d["sg.bn"] ?? "#" + d["sg.b"])));
        if (d["sg.u"] is { } upcoming)
            parts.Add(texts[upcoming == "1" ? "broadcast.filter_upcoming_yes" : "broadcast.filter_upcoming_no"]);
        if (d["sg.v"] is { } visit)
            parts.Add(texts[visit == "a" ? "broadcast.filter_recent_visit" : "broadcast.filter_no_recent_visit"]);
        if (d["sg.r"] is not null)
            parts.Add(texts["broadcast.filter_new"]);
        return parts.Count == 0 ? texts["broadcast.no_filters"] : string.Join("; ", parts);
    }

    private static Task AskPhotoAsync(BotContext context) =>
        context.SendAsync(context.Texts["broadcast.ask_photo"], Keyboards.Inline([[Keyboards.Button(context.Texts["broadcast.skip"], AdminRouter.Prefix, "skp")]]));

    private static Task AskButtonAsync(BotContext context) =>
        context.SendAsync(context.Texts["broadcast.ask_button"], Keyboards.Inline([[Keyboards.Button(context.Texts["broadcast.skip"], AdminRouter.Prefix, "skp")]]));

    private static (string Text, string Url)? ParseButton(string? input)
    {
        var parts = (input ?? "").Split('|', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[0].Length is > 0 and <= 64
            && Uri.TryCreate(parts[1], UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? (parts[0], parts[1])
            : null;
    }

    /// <summary>Saves the draft (the API validates the HTML), sends the preview and asks what to do with it.</summary>
    private static async Task SaveDraftAsync(BotContext context)
    {
        var d = context.Data;
        var request = new BroadcastCreateRequest(d["text"] ?? "", await SegmentAsync(context), PhotoFileId: d["photo"], ButtonText: d["btn_text"], ButtonUrl: d["btn_url"]);
        var created = await context.Api.CreateBroadcast(context.UserId, request, context.CancellationToken);
        if (created.ErrorCode == ErrorCodes.InvalidHtml)
        {
            await context.FailedAsync(created);
            context.State = Text;
            await context.SendAsync(context.Texts["broadcast.ask_text"]);
            return;
        }
        if (await context.FailedAsync(created))
            return;

        var draft = created.Value!;
        context.ClearFlow();
        var texts = context.Texts;
        await context.SendAsync(texts["broadcast.preview_title"]);
        await BroadcastRenderer.SendAsync(context.Bot, context.ChatId,
            new BroadcastMessagePayload(draft.Id, draft.Text, draft.PhotoUrl, draft.PhotoFileId, draft.ButtonText, draft.ButtonUrl), context.CancellationToken);
        var audience = await context.Api.PreviewAudience(context.UserId, draft.Segment, context.CancellationToken);
        if (await context.FailedAsync(audience))
            return;
        await context.SendAsync(texts.Format("broadcast.confirm", ("count", texts.Plural("broadcast.recipients", audience.Value!.Count))), Keyboards.Inline(
        [
            [Keyboards.Button(texts["broadcast.send_now"], AdminRouter.Prefix, "go", draft.Id)],
            [Keyboards.Button(texts["broadcast.schedule"], AdminRouter.Prefix, "sch", draft.Id)],
            [Keyboards.Button(texts["broadcast.discard"], AdminRouter.Prefix, "del", draft.Id)],
        ]));
    }

    /// <summary>In an hour, or tomorrow at 10:00 or 19:00 on the clinic's clock; null for an unknown preset.</summary>
    private static DateTimeOffset? PresetTime(string? preset, DateTimeOffset now, TimeZoneInfo zone)
    {
        var tomorrow = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(1);
        DateTimeOffset At(int hour) => new(TimeZoneInfo.ConvertTimeToUtc(tomorrow.AddHours(hour), zone), TimeSpan.Zero);
        return preset switch
        {
            "h" => now.AddHours(1),
            "m" => At(10),
            "e" => At(19),
            _ => null,
        };
    }

    /// <summary>The clinic's zone: its first branch's, else Almaty's.</summary>
    internal static async Task<TimeZoneInfo> ClinicZoneAsync(BotContext context)
    {
        var branches = await context.Api.GetBranches(context.CancellationToken);
        var id = branches.Value?.FirstOrDefault()?.TimeZone ?? "Asia/Almaty";
        return TimeZoneInfo.FindSystemTimeZoneById(id);
    }
}
