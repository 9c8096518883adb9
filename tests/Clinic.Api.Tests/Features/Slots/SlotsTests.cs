using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Data;
using Clinic.Api.Features.Slots;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Features.Slots;

public abstract class SlotsTests(ClinicApp app) : ApiTest(app)
{
    private Task<SlotSearchResponse?> DayAsync(DateOnly date, long? doctorId = null, long? serviceId = null) =>
        Api.GetFromJsonAsync<SlotSearchResponse>(
            $"{Routes.Slots}?branch_id={Clinic.AlmatyId}&service_id={serviceId ?? Clinic.ConsultationId}&date={date:yyyy-MM-dd}" +
            (doctorId is null ? "" : $"&doctor_id={doctorId}"), ClinicJson.Options, Cancel);

    [Fact]
    public async Task NineOClockInAlmatyIsFourOClockUtcSinceKazakhstanMovedToUtcPlus5()
    {
        var date = App.NextWorkday();
        Assert.True(date > new DateOnly(2024, 3, 1));

        var day = Assert.Single((await DayAsync(date, Clinic.AlphaId))!.Days);

        var first = day.Slots![0];
        Assert.Equal("09:00", first.LocalTime);
        Assert.Equal(new DateTimeOffset(date.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero), first.Start);
        Assert.Equal(first.Start.AddMinutes(30), first.End);
    }

    [Fact]
    public async Task ADaysSlotsFollowTheGridAndSkipTheLunchBreak()
    {
        var date = App.NextWorkday();

        var slots = Assert.Single((await DayAsync(date, Clinic.AlphaId))!.Days).Slots!;

        var times = slots.Select(s => s.LocalTime).ToList();
        // 09:00..12:30 and 14:00..17:30 every 15 minutes: 15 + 15.
        Assert.Equal(30, times.Count);
        Assert.Contains("12:30", times);
        Assert.DoesNotContain("12:45", times);
        Assert.DoesNotContain("13:00", times);
        Assert.Equal("14:00", times[15]);
        Assert.Equal("17:30", times[^1]);
        Assert.All(slots, s => Assert.Equal([Clinic.AlphaId], s.DoctorIds));
    }

    [Fact]
    public async Task WithoutADoctorTheSlotsOfEveryDoctorAreMerged()
    {
        var date = App.NextWorkday();

        var response = await DayAsync(date);

        var first = response!.Days[0].Slots![0];
        Assert.Null(response.DoctorId);
        Assert.Equal([Clinic.AlphaId, Clinic.BetaId], first.DoctorIds);
        Assert.Equal(30, response.Days[0].FreeSlots);
    }

    [Fact]
    public async Task SundayHasNoSlots()
    {
        var date = App.NextWorkday();
        while (date.DayOfWeek != DayOfWeek.Sunday) date = date.AddDays(1);

        var day = Assert.Single((await DayAsync(date))!.Days);

        Assert.Equal(0, day.FreeSlots);
        Assert.Empty(day.Slots!);
    }

    [Fact]
    public async Task ABookedVisitAndItsServiceBufferAreNotOfferedAgain()
    {
        var date = App.NextWorkday();
        var patient = await RegisterPatientAsync();
        // The ultrasound keeps Alpha busy 10:00–10:40 (30 minutes plus 10 minutes after).
        await BookOkAsync(patient, TestClinic.At(date, 10), Clinic.AlphaId, serviceId: Clinic.UltrasoundId);

        var alpha = (await DayAsync(date, Clinic.AlphaId))!.Days[0].Slots!.Select(s => s.LocalTime).ToList();
        var any = (await DayAsync(date))!.Days[0].Slots!;

        Assert.Contains("09:30", alpha);
        Assert.DoesNotContain("09:45", alpha);
        Assert.DoesNotContain("10:00", alpha);
        Assert.DoesNotContain("10:30", alpha);
        Assert.Contains("10:45", alpha);
        Assert.Equal([Clinic.BetaId], any.Single(s => s.LocalTime == "10:00").DoctorIds);
    }

    [Fact]
    public async Task SlotsSoonerThanTheMinimumNoticeAreNotOffered()
    {
        var now = App.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TestClinic.Almaty).DateTime);
        while (today.DayOfWeek == DayOfWeek.Sunday)
        {
            App.Clock.Advance(TimeSpan.FromDays(1));
            today = today.AddDays(1);
        }

        var slots = (await DayAsync(today, Clinic.BetaId))!.Days[0].Slots!;

        Assert.All(slots, s => Assert.True(s.Start >= App.Clock.GetUtcNow().AddHours(2), $"{s.LocalTime} is too soon"));
    }

    [Fact]
    public async Task ARangeListsOnlyDaysWithFreeSlotsAndTheirCounts()
    {
        var from = App.NextWorkday();
        var to = from.AddDays(13);

        var response = await Api.GetFromJsonAsync<SlotSearchResponse>(
            $"{Routes.Slots}?branch_id={Clinic.AlmatyId}&service_id={Clinic.ConsultationId}&doctor_id={Clinic.BetaId}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}",
            ClinicJson.Options, Cancel);

        Assert.Equal(12, response!.Days.Count);
        Assert.DoesNotContain(response.Days, d => d.Date.DayOfWeek == DayOfWeek.Sunday);
        Assert.All(response.Days, d => Assert.Null(d.Slots));
        Assert.All(response.Days, d => Assert.InRange(d.FreeSlots, 1, 30));
    }

    [Fact]
    public async Task ADayOffExceptionRemovesTheDoctorsSlotsAndChangedHoursReplaceThePlan()
    {
        var dayOff = App.NextWorkday();
        var shortDay = App.NextWorkday();
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            db.ScheduleExceptions.Add(new ScheduleExceptionEntry { DoctorId = Clinic.BetaId, BranchId = Clinic.AlmatyId, Date = dayOff, Note = "Отпуск" });
            db.ScheduleExceptions.Add(new ScheduleExceptionEntry
            {
                DoctorId = Clinic.BetaId, BranchId = Clinic.AlmatyId, Date = shortDay, Start = new TimeOnly(15, 0), End = new TimeOnly(16, 0),
            });
            await db.SaveChangesAsync(Cancel);
        }

        var off = (await DayAsync(dayOff, Clinic.BetaId))!.Days[0];
        var changed = (await DayAsync(shortDay, Clinic.BetaId))!.Days[0];

        Assert.Equal(0, off.FreeSlots);
        Assert.Equal(["15:00", "15:15", "15:30"], changed.Slots!.Select(s => s.LocalTime));
    }

    [Theory]
    [InlineData("date={past}", "date")]
    [InlineData("date={far}", "date")]
    [InlineData("from={past}&to={soon}", "from")]
    [InlineData("from={soon}&to={past}", "to")]
    [InlineData("from={soon}&to={tooLong}", "to")]
    [InlineData("from={soon}&to={beyondHorizon}", "to")]
    [InlineData("from={far}&to={far}", "from")]
    [InlineData("from={soon}", "to")]
    [InlineData("", "from")]
    [InlineData("date={soon}&from={soon}&to={soon}", "date")]
    public async Task PastDatesAndAbsurdRangesAreRejected(string query, string field)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(App.Clock.GetUtcNow(), TestClinic.Almaty).DateTime);
        var url = $"{Routes.Slots}?branch_id={Clinic.AlmatyId}&service_id={Clinic.ConsultationId}&" + query
            .Replace("{past}", today.AddDays(-1).ToString("yyyy-MM-dd"))
            .Replace("{soon}", today.AddDays(1).ToString("yyyy-MM-dd"))
            .Replace("{far}", today.AddDays(61).ToString("yyyy-MM-dd"))
            .Replace("{beyondHorizon}", today.AddDays(1 + 61).ToString("yyyy-MM-dd"))
            .Replace("{tooLong}", today.AddDays(1 + SlotsApi.MaxRangeDays).ToString("yyyy-MM-dd"));

        var response = await Api.GetAsync(url, Cancel);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Contains(field, error.Errors!.Keys);
    }

    [Theory]
    [InlineData("branch_id=1&service_id=1&date=tomorrow")]
    [InlineData("branch_id=x&service_id=1&date=2026-06-10")]
    [InlineData("service_id=1&date=2026-06-10")]
    [InlineData("branch_id=1&service_id=1&doctor_id=1e3&date=2026-06-10")]
    public async Task MissingOrMistypedParametersAreABadRequest(string query)
    {
        var response = await Api.GetAsync($"{Routes.Slots}?{query}", Cancel);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task UnknownBranchServiceOrADoctorWhoDoesNotProvideTheServiceIsNotFound()
    {
        var date = App.NextWorkday();
        string Url(long branch, long service, long? doctor = null) =>
            $"{Routes.Slots}?branch_id={branch}&service_id={service}&date={date:yyyy-MM-dd}" + (doctor is null ? "" : $"&doctor_id={doctor}");

        await AssertErrorAsync(await Api.GetAsync(Url(999_999, Clinic.ConsultationId), Cancel), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await Api.GetAsync(Url(Clinic.AlmatyId, 999_999), Cancel), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await Api.GetAsync(Url(Clinic.AlmatyId, Clinic.UltrasoundId, Clinic.BetaId), Cancel), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await Api.GetAsync(Url(Clinic.AlmatyId, Clinic.ConsultationId, Clinic.GammaId), Cancel), HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }
}

public sealed class SlotsOnSqliteTests(SqliteApp app) : SlotsTests(app), IClassFixture<SqliteApp>;

public sealed class SlotsOnPostgresTests(PostgresApp app) : SlotsTests(app), IClassFixture<PostgresApp>;
