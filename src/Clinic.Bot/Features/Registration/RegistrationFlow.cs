using Clinic.Bot.Features.Menu;
using Clinic.Bot.Telegram;
using Clinic.Contracts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Registration;

/// <summary>
/// Registration steps: consent → phone (own contact only) → IIN (checked by the API, birth date and sex confirmed)
/// → full name → summary → saved with patient/upsert. The answers wait in the flow data for the save, and only as long
/// as a step needs them: the sex only until the IIN is confirmed, an IIN refused or denied is dropped at once, "Start over"
/// drops everything but the consent, and the whole flow is forgotten <see cref="Lifetime"/> after its last step.
/// </summary>
public static class RegistrationFlow
{
    /// <summary>The version of the consent text in the locale files; stored with the time of agreement.</summary>
    public const string ConsentVersion = "pd-consent-2026-11";

    /// <summary>
    /// How long an unfinished registration (phone, IIN, birth date) is kept after its last step: long enough to find one's
    /// ID card, far shorter than the store's default day.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public const string StatePrefix = "reg:";

    public const string Language = "reg:language";
    public const string Consent = "reg:consent";
    public const string Phone = "reg:phone";
    public const string Iin = "reg:iin";
    public const string IinConfirm = "reg:iin_confirm";
    public const string Name = "reg:name";
    public const string Summary = "reg:summary";

    public static async Task AskConsentAsync(BotContext context)
    {
        context.ClearFlow();
        context.State = Consent;
        var texts = context.Texts;
        await context.SendAsync(texts["registration.consent_text"], Keyboards.Inline(
        [
            [Keyboards.Button(texts["registration.consent_agree"], "rg", "consent", "y")],
            [Keyboards.Button(texts["registration.consent_decline"], "rg", "consent", "n")],
        ]));
    }

    public static async Task OnConsentAsync(BotContext context)
    {
        RequireState(context, Consent);
        var agreed = context.CallbackParts.ElementAtOrDefault(2);
        if (agreed == "n")
        {
            context.ClearFlow();
            await context.ShowAsync(context.Texts["registration.consent_declined"], null);
            return;
        }

        if (agreed != "y")
        {
            throw new StaleButtonException();
        }

        context.Data["consent_version"] = ConsentVersion;
        context.Data["consent_at"] = context.Time.GetUtcNow().ToString("O");
        await context.CloseButtonsAsync();
        await AskPhoneAsync(context);
    }

    public static async Task AskPhoneAsync(BotContext context)
    {
        context.State = Phone;
        var texts = context.Texts;
        var keyboard = new ReplyKeyboardMarkup(
        [
            [KeyboardButton.WithRequestContact(texts["registration.share_contact"])],
            [new KeyboardButton(texts["common.main_menu"])],
        ])
        {
            ResizeKeyboard = true,
            OneTimeKeyboard = true,
        };
        await context.SendAsync(texts["registration.ask_phone"], keyboard);
    }

    public static async Task OnPhoneAsync(BotContext context)
    {
        if (context.Message?.Contact is not { } contact)
        {
            await context.SendAsync(context.Texts["registration.phone_invalid"]);
            await AskPhoneAsync(context);
            return;
        }

        // A forwarded contact card carries someone else's user id (or none): only the user's own number is accepted.
        if (contact.UserId != context.UserId)
        {
            await context.SendAsync(context.Texts["registration.phone_not_own"]);
            return;
        }

        var digits = new string(contact.PhoneNumber.Where(char.IsDigit).ToArray());
        if (digits.Length is < 10 or > 15)
        {
            await context.SendAsync(context.Texts["registration.phone_invalid"]);
            return;
        }

        context.Data["phone"] = "+" + digits;
        await AskIinAsync(context);
    }

    public static Task AskIinAsync(BotContext context)
    {
        context.State = Iin;
        return context.SendAsync(context.Texts["registration.ask_iin"], new ReplyKeyboardRemove());
    }

    public static async Task OnIinAsync(BotContext context)
    {
        var iin = new string((context.Message?.Text ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (iin.Length != 12 || !iin.All(char.IsAsciiDigit))
        {
            await context.SendAsync(context.Texts["registration.iin_invalid"]);
            return;
        }

        var result = await context.Api.VerifyIin(iin, context.UserId);
        if (await context.FailedAsync(result))
        {
            return;
        }

        var verified = result.Value!;
        if (!verified.Valid || verified.BirthDate is null || verified.Sex is null)
        {
            await context.SendAsync(context.Texts["registration.iin_invalid"]);
            return;
        }

        if (verified.PatientExists)
        {
            await context.SendAsync(context.Texts["registration.iin_not_accepted"]);
            return;
        }

        context.Data["iin"] = iin;
        context.Data["birth_date"] = verified.BirthDate.Value.ToString("O");
        context.Data["sex"] = verified.Sex.Value.ToString();
        await AskIinConfirmAsync(context);
    }

    public static async Task AskIinConfirmAsync(BotContext context)
    {
        context.State = IinConfirm;
        var texts = context.Texts;
        var sex = context.Data["sex"] == nameof(Sex.Female) ? texts["registration.sex_female"] : texts["registration.sex_male"];
        var birth = DateOnly.TryParse(context.Data["birth_date"], out var date) ? texts.FullDate(date) : "";
        await context.SendAsync(texts.Format("registration.iin_confirm", ("birth_date", birth), ("sex", sex)), Keyboards.Inline(
        [
            [Keyboards.Button(texts["common.yes"], "rg", "iin", "y"), Keyboards.Button(texts["common.no"], "rg", "iin", "n")],
        ]));
    }

    public static async Task OnIinConfirmAsync(BotContext context)
    {
        RequireState(context, IinConfirm);
        var answer = context.CallbackParts.ElementAtOrDefault(2);
        await context.CloseButtonsAsync();
        if (answer == "y")
        {
            // Shown for the confirmation only; the IIN itself says it again to whoever needs it.
            context.Data["sex"] = null;
            await AskNameAsync(context);
        }
        else if (answer == "n")
        {
            ForgetIin(context);
            await AskIinAsync(context);
        }
        else
        {
            throw new StaleButtonException();
        }
    }

    public static Task AskNameAsync(BotContext context)
    {
        context.State = Name;
        return context.SendAsync(context.Texts["registration.ask_name"]);
    }

    public static async Task OnNameAsync(BotContext context)
    {
        if (FullName.Normalize(context.Message?.Text) is not { } name)
        {
            await context.SendAsync(context.Texts["registration.name_invalid"]);
            return;
        }

        context.Data["name"] = name;
        await ShowSummaryAsync(context);
    }

    public static async Task ShowSummaryAsync(BotContext context)
    {
        context.State = Summary;
        var texts = context.Texts;
        var data = context.Data;
        var birth = DateOnly.TryParse(data["birth_date"], out var date) ? texts.FullDate(date) : "";
        await context.SendAsync(
            texts.Format("registration.summary", ("name", data["name"]), ("phone", data["phone"]), ("iin_masked", IinMask.Mask(data["iin"])), ("birth_date", birth)),
            Keyboards.Inline(
            [
                [Keyboards.Button(texts["registration.save"], "rg", "save")],
                [Keyboards.Button(texts["registration.edit"], "rg", "edit")],
            ]));
    }

    public static async Task OnSaveAsync(BotContext context)
    {
        RequireState(context, Summary);
        var data = context.Data;
        var request = new PatientUpsertRequest(
            context.UserId,
            Iin: data["iin"],
            FullName: data["name"],
            Phone: data["phone"],
            Language: context.Texts.Language,
            ConsentVersion: data["consent_version"],
            ConsentAt: DateTimeOffset.TryParse(data["consent_at"], out var consentAt) ? consentAt : context.Time.GetUtcNow());
        var result = await context.Api.UpsertPatient(request);
        if (!result.IsSuccess && result.Error?.Code == ErrorCodes.IinTaken)
        {
            ForgetIin(context);
            await context.ShowAsync(context.Texts["registration.iin_not_accepted"], null);
            await AskIinAsync(context);
            return;
        }

        if (await context.FailedAsync(result))
        {
            return;
        }

        var name = data["name"];
        context.Patient = result.Value;
        await context.CloseButtonsAsync();
        context.ClearFlow();
        await context.SendAsync(context.Texts.Format("registration.done", ("name", name)), MainMenu.Keyboard(context.Texts));
    }

    /// <summary>"Start over": everything but the consent is asked again, so nothing of the first answers is kept meanwhile.</summary>
    public static async Task OnEditAsync(BotContext context)
    {
        RequireState(context, Summary);
        await context.CloseButtonsAsync();
        context.Data["phone"] = null;
        context.Data["name"] = null;
        ForgetIin(context);
        await AskPhoneAsync(context);
    }

    private static void ForgetIin(BotContext context)
    {
        context.Data["iin"] = null;
        context.Data["birth_date"] = null;
        context.Data["sex"] = null;
    }

    private static void RequireState(BotContext context, string state)
    {
        if (context.State != state)
        {
            throw new StaleButtonException();
        }
    }
}
