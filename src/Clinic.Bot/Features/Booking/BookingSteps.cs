namespace Clinic.Bot.Features.Booking;

/// <summary>The booking flow's states in order; Back walks this list, skipping steps that had only one choice.</summary>
public static class BookingSteps
{
    public const string Branch = "branch";
    public const string Category = "category";
    public const string Service = "service";
    public const string Doctor = "doctor";
    public const string Date = "date";
    public const string Time = "time";
    public const string Confirm = "confirm";
    public const string Menu = "menu";

    public const string StatePrefix = "bk:";

    public static readonly string[] Order = [Branch, Category, Service, Doctor, Date, Time, Confirm];

    public static string State(string step) => StatePrefix + step;

    public static string? StepOf(string? state) =>
        state is not null && state.StartsWith(StatePrefix, StringComparison.Ordinal) ? state[StatePrefix.Length..] : null;
}
