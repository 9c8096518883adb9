using Clinic.Api.Features.Patients;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Bot.Tests.Features.Feedback;

/// <summary>
/// The whole system with the staff API open, and past visits: a visit is written as booked some days ago (the API's
/// clock is real, so nothing can be booked in the past) and then marked fulfilled by "reception" through the staff API.
/// </summary>
public sealed class VisitsEnvironment : BotEnvironment
{
    /// <summary>A fulfilled visit of the patient behind <paramref name="telegramId"/>, a few days ago (each call earlier than the last).</summary>
    public async Task<long> FulfilledVisitAsync(long telegramId)
    {
        var id = await PastVisitAsync(telegramId);
        await MarkVisitAsync(id, AppointmentStatus.Fulfilled);
        return id;
    }

    public Task<Patient?> PatientAsync(long telegramId) =>
        QueryAsync(db => db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.TelegramId == telegramId));
}
