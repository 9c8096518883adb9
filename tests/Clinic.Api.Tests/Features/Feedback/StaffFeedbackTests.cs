using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Features.Feedback;

/// <summary>The clinic's view of the answers: NPS on known data, and detractors waiting for a call.</summary>
public abstract class StaffFeedbackTests(ClinicApp app) : FeedbackTestBase(app)
{
    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<NpsReportDto> ReportAsync(DateOnly from, DateOnly to)
    {
        var response = await App.Staff.GetAsync($"{FeedbackRoutes.StaffNps}?from={Day(from)}&to={Day(to)}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync<NpsReportDto>(response);
    }

    /// <summary>Each score from its own patient, so the visits can share a day.</summary>
    private async Task RateAsync(IEnumerable<(DateTimeOffset Start, long Branch, long Service, long Doctor, int Score)> visits)
    {
        var booked = new List<(long Patient, long Visit, int Score, DateTimeOffset Start)>();
        foreach (var (start, branch, service, doctor, score) in visits)
        {
            var patient = await RegisterPatientAsync();
            booked.Add((patient, (await BookInAsync(patient, start, branch, service, doctor)).Id, score, start));
        }
        MoveClockPast(booked.Max(b => b.Start));
        foreach (var (patient, visit, score, _) in booked)
        {
            await MarkFulfilledAsync(visit);
            await AnswerOkAsync(patient, visit, score);
        }
    }

    [Fact]
    public async Task NpsIsPromotersMinusDetractorsPerBranchDoctorAndPeriod()
    {
        var first = App.NextWorkday();
        var second = App.NextWorkday();
        var c = Clinic;
        await RateAsync(
        [
            (TestClinic.At(first, 10), c.AlmatyId, c.ConsultationId, c.AlphaId, 10),
            (TestClinic.At(first, 10, 30), c.AlmatyId, c.ConsultationId, c.AlphaId, 9),
            (TestClinic.At(first, 11), c.AlmatyId, c.ConsultationId, c.AlphaId, 8),
            (TestClinic.At(first, 11, 30), c.AlmatyId, c.ConsultationId, c.AlphaId, 3),
            (TestClinic.At(first, 10), c.AlmatyId, c.ConsultationId, c.BetaId, 6),
            (TestClinic.At(first, 10, 30), c.AlmatyId, c.ConsultationId, c.BetaId, 0),
            (TestClinic.At(first, 10), c.AstanaId, c.MassageId, c.GammaId, 10),
            (TestClinic.At(second, 10), c.AlmatyId, c.ConsultationId, c.AlphaId, 10),
        ]);

        var day = await ReportAsync(first, first);
        Assert.Equal(new NpsDto(7, 3, 1, 3, 0.0), day.Total);
        Assert.Equal(new NpsDto(6, 2, 1, 3, -16.7), day.Branches.Single(b => b.BranchId == c.AlmatyId).Nps);
        Assert.Equal(new NpsDto(1, 1, 0, 0, 100.0), day.Branches.Single(b => b.BranchId == c.AstanaId).Nps);
        Assert.Equal(new NpsDto(4, 2, 1, 1, 25.0), day.Doctors.Single(d => d.DoctorId == c.AlphaId).Nps);
        Assert.Equal(new NpsDto(2, 0, 0, 2, -100.0), day.Doctors.Single(d => d.DoctorId == c.BetaId).Nps);

        var both = await ReportAsync(first, second);
        Assert.Equal(new NpsDto(8, 4, 1, 3, 12.5), both.Total);
        Assert.Equal(new NpsDto(5, 3, 1, 1, 40.0), both.Doctors.Single(d => d.DoctorId == c.AlphaId).Nps);

        var onlySecond = await ReportAsync(second, second);
        Assert.Equal(new NpsDto(1, 1, 0, 0, 100.0), onlySecond.Total);
        Assert.Single(onlySecond.Branches);
    }

    [Fact]
    public async Task APeriodWithoutAnswersHasNoScore()
    {
        var report = await ReportAsync(new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 31));

        Assert.Equal(new NpsDto(0, 0, 0, 0, null), report.Total);
        Assert.Empty(report.Branches);
    }

    [Fact]
    public async Task APeriodEndingBeforeItStartsIsRefused()
    {
        var response = await App.Staff.GetAsync($"{FeedbackRoutes.StaffNps}?from=2026-06-10&to=2026-06-01", Cancel);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task ADetractorIsFlaggedUntilStaffMarkItFollowedUp()
    {
        var patient = await RegisterPatientAsync();
        var visit = await FulfilledVisitAsync(patient, TestClinic.At(App.NextWorkday(), 14));
        var answer = await AnswerOkAsync(patient, visit.Id, 2, [FeedbackReasons.Staff], "Грубый администратор");

        var open = await App.Staff.GetFromJsonAsync<DetractorListResponse>(FeedbackRoutes.StaffDetractors, ClinicJson.Options, Cancel);
        var flagged = Assert.Single(open!.Items, i => i.Id == answer.Id);
        Assert.Equal("Тестов Тест", flagged.PatientName);
        Assert.Equal([FeedbackReasons.Staff], flagged.Reasons);
        Assert.Null(flagged.FollowedUpAt);

        var marked = await App.Staff.PostAsJsonAsync(FeedbackRoutes.StaffFollowUp(answer.Id), new FollowUpRequest("Позвонили, извинились"), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.False((await ReadAsync<FeedbackDto>(marked)).NeedsFollowUp);

        open = await App.Staff.GetFromJsonAsync<DetractorListResponse>(FeedbackRoutes.StaffDetractors, ClinicJson.Options, Cancel);
        Assert.DoesNotContain(open!.Items, i => i.Id == answer.Id);
        var all = await App.Staff.GetFromJsonAsync<DetractorListResponse>(FeedbackRoutes.StaffDetractors + "?status=all", ClinicJson.Options, Cancel);
        var done = Assert.Single(all!.Items, i => i.Id == answer.Id);
        Assert.NotNull(done.FollowedUpAt);
        Assert.Equal("Позвонили, извинились", done.FollowUpNote);
    }

    [Fact]
    public async Task PassivesAndPromotersAreNotFlagged()
    {
        var patient = await RegisterPatientAsync();
        var visit = await FulfilledVisitAsync(patient, TestClinic.At(App.NextWorkday(), 15));
        var answer = await AnswerOkAsync(patient, visit.Id, 7);

        var open = await App.Staff.GetFromJsonAsync<DetractorListResponse>(FeedbackRoutes.StaffDetractors, ClinicJson.Options, Cancel);
        Assert.DoesNotContain(open!.Items, i => i.Id == answer.Id);
    }

    [Fact]
    public async Task FollowingUpAnUnknownAnswerIs404AndABadStatusIs400()
    {
        await AssertErrorAsync(await App.Staff.PostAsync(FeedbackRoutes.StaffFollowUp(987_654), RawJson("{}"), Cancel), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await App.Staff.GetAsync(FeedbackRoutes.StaffDetractors + "?status=maybe", Cancel), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task TheBotsSecretDoesNotOpenTheAnalytics()
    {
        await AssertErrorAsync(await Api.GetAsync(FeedbackRoutes.StaffNps, Cancel), HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }
}

public sealed class StaffFeedbackOnSqliteTests(SqliteApp app) : StaffFeedbackTests(app), IClassFixture<SqliteApp>;

public sealed class StaffFeedbackOnPostgresTests(PostgresApp app) : StaffFeedbackTests(app), IClassFixture<PostgresApp>;
