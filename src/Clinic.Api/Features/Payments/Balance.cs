using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Payments;

/// <summary>
/// What a patient owes: the prices of the visits they came to (arrived or fulfilled) minus what they paid for those
/// visits or towards the balance. Booked visits are not owed yet (they may be paid ahead, per visit); a visit paid
/// ahead and then attended nets to zero. Overpayments are not carried as credit: the balance never goes below zero.
/// </summary>
public static class Balance
{
    public static readonly AppointmentStatus[] Attended = [AppointmentStatus.Arrived, AppointmentStatus.Fulfilled];

    /// <summary>Visits an invoice can be made for: to come (paid ahead) or attended.</summary>
    public static readonly AppointmentStatus[] Payable = [AppointmentStatus.Booked, AppointmentStatus.Arrived, AppointmentStatus.Fulfilled];

    public static async Task<long> OfAsync(ClinicDbContext db, long patientId, CancellationToken cancellationToken)
    {
        var charged = await db.Appointments.Where(a => a.PatientId == patientId && Attended.Contains(a.Status))
            .Select(a => a.Service!.PriceTiyn).ToListAsync(cancellationToken);
        var paid = await db.Invoices.Where(i => i.PatientId == patientId && i.Status == InvoiceStatus.Paid &&
                                                (i.AppointmentId == null || Attended.Contains(i.Appointment!.Status)))
            .Select(i => i.AmountTiyn).ToListAsync(cancellationToken);
        return Math.Max(0, charged.Sum() - paid.Sum());
    }
}
