using Clinic.Bot.ClinicApi;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;

namespace Clinic.Bot.Tests.Features.Documents;

/// <summary>
/// The whole system with the API on a clock the tests move, so a visit can be in the past and fulfilled; visits
/// are booked and marked over HTTP as the bot and the reception would (the staff API with ADMIN_API_TOKEN).
/// </summary>
public sealed class DocumentsEnvironment : BotEnvironment
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? ApiClock => Clock;

    /// <summary>The bot's own API client, for arranging what a test needs without the chat.</summary>
    public ClinicApiClient ApiClient()
    {
        var http = new HttpClient();
        ClinicApiClientRegistration.Configure(http, new Uri(Api.Url), ApiHost.Secret);
        return new ClinicApiClient(http);
    }

    /// <summary>A doctor's consultation on the API's next days, marked <paramref name="status"/> by the reception.
    /// "fulfilled" moves the API's clock past the visit's start.</summary>
    public async Task<AppointmentDto> VisitAsync(ChatDriver chat, AppointmentStatus status)
    {
        var api = ApiClient();
        var branch = (await api.GetBranches()).Value![0];
        var service = (await api.GetServices(branch.Id)).Value!.First(s => s.CategoryRu == "Консультации");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(branch.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), zone).DateTime);
        AppointmentDto? visit = null;
        for (var day = today.AddDays(1); visit is null && day <= today.AddDays(14); day = day.AddDays(1))
        {
            var slots = (await api.GetSlotsForDay(branch.Id, service.Id, null, day)).Value!.Days.SelectMany(d => d.Slots ?? []);
            foreach (var slot in slots)
            {
                var booked = await api.CreateAppointment(
                    new CreateAppointmentRequest(chat.Id, branch.Id, service.Id, slot.DoctorIds[0], slot.Start), Guid.NewGuid().ToString("N"));
                if (booked.IsSuccess)
                {
                    visit = booked.Value!;
                    break;
                }
            }
        }

        Assert.NotNull(visit);
        if (status == AppointmentStatus.Fulfilled)
        {
            Clock.Advance(visit.Start - Clock.GetUtcNow() + TimeSpan.FromMinutes(40));
        }

        await MarkVisitAsync(visit.Id, status);
        return visit;
    }

    /// <summary>The words of every page, joined by single spaces.</summary>
    public static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(page => string.Join(" ", page.GetWords().Select(word => word.Text))));
    }
}
