using Clinic.Api.Infrastructure.Telemetry;
using Clinic.Contracts;

namespace Clinic.Api.Features.Appointments;

/// <summary>
/// Counts a booking route's answers in <c>clinic.api.bookings</c> by outcome: <c>booked</c>, <c>held</c>, or the error's
/// code (<c>slot_taken</c>, <c>patient_overlap</c>, ...). Read from the typed result, so the handler stays as it is.
/// </summary>
public static class BookingOutcomes
{
    public static RouteHandlerBuilder CountsBookings(this RouteHandlerBuilder route, string operation) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var metrics = context.HttpContext.RequestServices.GetRequiredService<ApiMetrics>();
            try
            {
                var result = await next(context);
                metrics.Booking(operation, Outcome(result));
                return result;
            }
            catch
            {
                metrics.Booking(operation, "error");
                throw;
            }
        });

    private static string Outcome(object? result) => (result is INestedHttpResult nested ? nested.Result : result) switch
    {
        IValueHttpResult { Value: ApiError error } => error.Code,
        IValueHttpResult { Value: AppointmentDto { Status: AppointmentStatus.Pending } } => "held",
        IValueHttpResult { Value: AppointmentDto } => "booked",
        IStatusCodeHttpResult { StatusCode: { } status } => $"http_{status}",
        _ => "unknown",
    };
}
