using Clinic.Api.Tests.Infrastructure;

namespace Clinic.Api.Tests.Features.Outbox;

/// <summary>REMINDER_OFFSETS, NPS_SURVEY_DELAY and OUTBOX_MAX_ATTEMPTS as an operator writes them.</summary>
public sealed class OutboxOptionsTests
{
    private static ClinicApiOptions Read(params (string Key, string? Value)[] values) => ApiSettingsHost.Read(values);

    [Fact]
    public void UnsetOrEmptyMeansRemindersADayAndTwoHoursBeforeAndTheSurveyTwoHoursAfter()
    {
        foreach (var options in new[] { Read(), Read(("REMINDER_OFFSETS", ""), ("NPS_SURVEY_DELAY", " "), ("OUTBOX_MAX_ATTEMPTS", "")) })
        {
            Assert.Equal([TimeSpan.FromHours(24), TimeSpan.FromHours(2)], options.ReminderOffsets);
            Assert.Equal(TimeSpan.FromHours(2), options.NpsSurveyDelay);
            Assert.Equal(5, options.OutboxMaxAttempts);
        }
    }

    [Fact]
    public void OffsetsTakeMinutesHoursAndDaysInAnyOrder()
    {
        var options = Read(("REMINDER_OFFSETS", "90m, 2d,3h"), ("NPS_SURVEY_DELAY", "30m"));

        Assert.Equal([TimeSpan.FromDays(2), TimeSpan.FromHours(3), TimeSpan.FromMinutes(90)], options.ReminderOffsets);
        Assert.Equal(TimeSpan.FromMinutes(30), options.NpsSurveyDelay);
    }

    [Fact]
    public void OffTurnsVisitRemindersOff() =>
        Assert.Empty(Read(("REMINDER_OFFSETS", "off")).ReminderOffsets);

    [Theory]
    [InlineData("REMINDER_OFFSETS", "24")]
    [InlineData("REMINDER_OFFSETS", "2 hours")]
    [InlineData("REMINDER_OFFSETS", "40d")]
    [InlineData("NPS_SURVEY_DELAY", "1h,2h")]
    [InlineData("NPS_SURVEY_DELAY", "soon")]
    [InlineData("OUTBOX_MAX_ATTEMPTS", "0")]
    public async Task AMalformedValueStopsStartupNamingTheVariable(string variable, string value)
    {
        var failure = Assert.Single(await ApiSettingsHost.RefusalAsync((variable, value)));

        Assert.StartsWith(variable + " ", failure);
    }
}
