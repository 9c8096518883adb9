using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Data;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Features.Feedback;

/// <summary>A patient rates their own fulfilled visits: one answer per visit, never someone else's.</summary>
public abstract class FeedbackTests(ClinicApp app) : FeedbackTestBase(app)
{
    private async Task<int> CountAnswersAsync(long appointmentId)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        return await db.Feedback.CountAsync(f => f.AppointmentId == appointmentId, Cancel);
    }

    [Fact]
    public async Task APatientRatesAFulfilledVisitAndASecondAnswerUpdatesIt()
    {
        var patient = await RegisterPatientAsync();
        var visit = await FulfilledVisitAsync(patient, TestClinic.At(App.NextWorkday(), 10));

        var first = await AnswerAsync(patient, visit.Id, 4);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await ReadAsync<FeedbackDto>(first);
        Assert.Equal(NpsGroup.Detractor, created.Group);
        Assert.True(created.NeedsFollowUp);

        var reasons = await AnswerOkAsync(patient, visit.Id, null, [FeedbackReasons.Waiting, FeedbackReasons.Price], "Ждала 40 минут");
        Assert.Equal(4, reasons.Score);
        Assert.Equal([FeedbackReasons.Waiting, FeedbackReasons.Price], reasons.Reasons);
        Assert.Equal("Ждала 40 минут", reasons.Comment);

        var changed = await AnswerOkAsync(patient, visit.Id, 9, review: "Спасибо доктору!");
        Assert.Equal(created.Id, changed.Id);
        Assert.Equal(NpsGroup.Promoter, changed.Group);
        Assert.False(changed.NeedsFollowUp);
        Assert.Equal("Спасибо доктору!", changed.PublicReview);
        Assert.Equal(1, await CountAnswersAsync(visit.Id));
    }

    [Fact]
    public async Task RepeatedPressesLeaveOneAnswerPerVisit()
    {
        var patient = await RegisterPatientAsync();
        var visit = await FulfilledVisitAsync(patient, TestClinic.At(App.NextWorkday(), 11));

        for (var score = 0; score <= 10; score++)
            await AnswerOkAsync(patient, visit.Id, score);

        Assert.Equal(1, await CountAnswersAsync(visit.Id));
    }

    [Fact]
    public async Task TwentyConcurrentPressesLeaveOneAnswerPerVisit()
    {
        var patient = await RegisterPatientAsync();
        var visit = await FulfilledVisitAsync(patient, TestClinic.At(App.NextWorkday(), 12));

        using var gate = new SemaphoreSlim(0);
        var presses = Enumerable.Range(0, 20).Select(async i =>
        {
            await gate.WaitAsync(Cancel);
            return await AnswerAsync(patient, visit.Id, i % 11);
        }).ToList();
        gate.Release(20);
        var responses = await Task.WhenAll(presses);

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}"));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await CountAnswersAsync(visit.Id));
    }

    [Fact]
    public async Task AnotherPatientsVisitIsNotFound()
    {
        var owner = await RegisterPatientAsync();
        var stranger = await RegisterPatientAsync();
        var visit = await FulfilledVisitAsync(owner, TestClinic.At(App.NextWorkday(), 15));

        await AssertErrorAsync(await AnswerAsync(stranger, visit.Id, 10), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await Api.GetAsync(FeedbackRoutes.Visit(visit.Id, stranger), Cancel), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        var pending = await Api.GetFromJsonAsync<PendingFeedbackResponse>(FeedbackRoutes.Pending(stranger), ClinicJson.Options, Cancel);
        Assert.Null(pending!.Visit);
        Assert.Equal(0, await CountAnswersAsync(visit.Id));
    }

    [Fact]
    public async Task AVisitThatWasNotFulfilledCannotBeRated()
    {
        var patient = await RegisterPatientAsync();
        var visit = await BookOkAsync(patient, TestClinic.At(App.NextWorkday(), 16), Clinic.BetaId);

        await AssertErrorAsync(await AnswerAsync(patient, visit.Id, 8), HttpStatusCode.Conflict, ErrorCodes.VisitNotFulfilled);
    }

    [Theory]
    [InlineData("""{"telegram_id":1,"appointment_id":1,"score":11}""", "score")]
    [InlineData("""{"telegram_id":1,"appointment_id":1,"score":-1}""", "score")]
    [InlineData("""{"telegram_id":1,"appointment_id":1,"score":5,"reasons":["rude_parrot"]}""", "reasons")]
    public async Task BadAnswersAreRefusedWithTheField(string json, string field)
    {
        var response = await Api.PostAsync(FeedbackRoutes.Feedback, RawJson(json), Cancel);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Contains(field, error.Errors!.Keys);
    }

    [Fact]
    public async Task TheFirstAnswerNeedsAScore()
    {
        var patient = await RegisterPatientAsync();
        var visit = await FulfilledVisitAsync(patient, TestClinic.At(App.NextWorkday(), 17));

        await AssertErrorAsync(await AnswerAsync(patient, visit.Id, null, comment: "без оценки"), HttpStatusCode.BadRequest, ErrorCodes.ScoreRequired);
    }

    [Fact]
    public async Task PendingIsTheLatestFulfilledVisitWithoutAnAnswer()
    {
        var patient = await RegisterPatientAsync();
        var older = await FulfilledVisitAsync(patient, TestClinic.At(App.NextWorkday(), 9));
        var newer = await FulfilledVisitAsync(patient, TestClinic.At(App.NextWorkday(), 9, 30));

        var pending = await Api.GetFromJsonAsync<PendingFeedbackResponse>(FeedbackRoutes.Pending(patient), ClinicJson.Options, Cancel);
        Assert.Equal(newer.Id, pending!.Visit!.AppointmentId);
        Assert.Equal("Alpha", pending.Visit.Doctor.FullName);
        Assert.Equal("Консультация", pending.Visit.Service.NameRu);
        Assert.Equal(newer.Start, pending.Visit.Start);

        await AnswerOkAsync(patient, newer.Id, 10);
        pending = await Api.GetFromJsonAsync<PendingFeedbackResponse>(FeedbackRoutes.Pending(patient), ClinicJson.Options, Cancel);
        Assert.Equal(older.Id, pending!.Visit!.AppointmentId);

        await AnswerOkAsync(patient, older.Id, 7);
        pending = await Api.GetFromJsonAsync<PendingFeedbackResponse>(FeedbackRoutes.Pending(patient), ClinicJson.Options, Cancel);
        Assert.Null(pending!.Visit);
    }
}

public sealed class FeedbackOnSqliteTests(SqliteApp app) : FeedbackTests(app), IClassFixture<SqliteApp>;

public sealed class FeedbackOnPostgresTests(PostgresApp app) : FeedbackTests(app), IClassFixture<PostgresApp>;
