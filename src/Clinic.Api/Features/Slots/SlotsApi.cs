using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Slots;

public static class SlotsApi
{
    /// <summary>The longest calendar range one request may ask for.</summary>
    public const int MaxRangeDays = 62;

    public static RouteGroupBuilder MapSlotsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/slots/", GetSlots).WithName("GetSlots").WithTags("Slots");
        return group;
    }

    /// <summary>Find free slots for a service at a branch</summary>
    /// <remarks>
    /// The bot's date and time steps. One day (<c>date</c>) with its free slots, or a range (<c>from</c>..<c>to</c>) with
    /// only the days that have any. Without <c>doctor_id</c> the slots of every doctor providing the service at the branch
    /// are merged. Times are in the branch's time zone; dates in the past or beyond the booking horizon are refused.
    /// </remarks>
    /// <response code="400"><c>validation_failed</c>: no date or range, both, a past date, a range too long or beyond the horizon.</response>
    /// <response code="404"><c>not_found</c>: no such branch or service, or the doctor does not provide the service there.</response>
    public static async Task<Results<Ok<SlotSearchResponse>, BadRequest<ApiError>, NotFound<ApiError>>> GetSlots(
        [FromQuery(Name = "branch_id")] long branchId,
        [FromQuery(Name = "service_id")] long serviceId,
        [FromQuery(Name = "doctor_id")] long? doctorId,
        [FromQuery(Name = "date")] DateOnly? date,
        [FromQuery(Name = "from")] DateOnly? from,
        [FromQuery(Name = "to")] DateOnly? to,
        ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var organizationId = options.DefaultOrganizationId;
        var branch = await db.Branches.AsNoTracking()
            .SingleOrDefaultAsync(b => b.Id == branchId && b.OrganizationId == organizationId && b.IsActive, cancellationToken);
        if (branch is null)
            return Errors.NotFound("No such branch.");
        var service = await db.Services.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == serviceId && s.OrganizationId == organizationId && s.IsActive, cancellationToken);
        if (service is null)
            return Errors.NotFound("No such service.");

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), branch.Zone()).DateTime);
        if (ValidateDates(date, from, to, today, options.HorizonDays) is { } invalid)
            return invalid;
        var (first, last) = date is { } day ? (day, day) : (from!.Value, to!.Value);

        var doctors = await SlotSearch.DoctorsForAsync(db, branch.Id, service.Id, cancellationToken);
        if (doctorId is { } requested)
        {
            if (!doctors.Contains(requested))
                return Errors.NotFound("This doctor does not provide the service at the branch.");
            doctors = [requested];
        }

        var slots = await SlotSearch.FindAsync(db, branch, service, doctors, first, last, options, clock, includeBusy: true, cancellationToken);
        var days = slots
            .GroupBy(s => s.LocalDate)
            .OrderBy(g => g.Key)
            .Select(g => MergeDay(g.Key, g, withSlots: date is not null))
            .ToList();
        if (date is { } single && days.Count == 0)
            days.Add(new SlotDay(single, 0, []));
        return TypedResults.Ok(new SlotSearchResponse(branch.Id, service.Id, doctorId, branch.TimeZone, days));
    }

    private static SlotDay MergeDay(DateOnly date, IEnumerable<FreeSlot> slots, bool withSlots)
    {
        var merged = slots
            .GroupBy(s => s.Start)
            .OrderBy(g => g.Key)
            .Select(g => new SlotDto(g.Key.ToUniversalTime(), g.First().End.ToUniversalTime(), g.First().LocalTime.ToString("HH:mm"),
                g.Select(s => s.DoctorId).Order().ToList()))
            .ToList();
        return new SlotDay(date, merged.Count, withSlots ? merged : null);
    }

    private static BadRequest<ApiError>? ValidateDates(DateOnly? date, DateOnly? from, DateOnly? to, DateOnly today, int horizonDays)
    {
        var lastBookable = today.AddDays(horizonDays);
        if (date is { } day)
        {
            if (from is not null || to is not null)
                return Errors.Validation("date", "Give either date or from and to, not both.");
            if (day < today)
                return Errors.Validation("date", "The date is in the past.");
            if (day > lastBookable)
                return Errors.Validation("date", $"Booking is open only {horizonDays} days ahead.");
            return null;
        }
        if (from is not { } start || to is not { } end)
            return Errors.Validation(from is null ? "from" : "to", "Give date, or both from and to.");
        if (start < today)
            return Errors.Validation("from", "The date is in the past.");
        if (end < start)
            return Errors.Validation("to", "Must not be before from.");
        // Longer than the bookable window (or the hard cap) can only be a client bug.
        var maxDays = Math.Min(MaxRangeDays, horizonDays + 1);
        if (end.DayNumber - start.DayNumber + 1 > maxDays)
            return Errors.Validation("to", $"A range may span at most {maxDays} days.");
        if (start > lastBookable)
            return Errors.Validation("from", $"Booking is open only {horizonDays} days ahead.");
        return null;
    }
}
