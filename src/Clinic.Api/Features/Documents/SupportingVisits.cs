using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Documents;

/// <summary>
/// Which of a patient's visits can back a certificate.
/// <list type="bullet">
/// <item>A visit certificate: any visit the patient came to (<c>arrived</c> or <c>fulfilled</c>).</item>
/// <item>A sport certificate: a <c>fulfilled</c> doctor's consultation (service category "Консультации"; a test or a
/// procedure alone does not establish fitness) within the last <see cref="SportExamValidDays"/> days.</item>
/// </list>
/// </summary>
public static class SupportingVisits
{
    public const int SportExamValidDays = 90;
    public const string ConsultationCategoryRu = "Консультации";

    public static bool CanBeRequested(DocumentKind kind) => kind is DocumentKind.VisitCertificate or DocumentKind.SportCertificate;

    public static IQueryable<Appointment> Of(ClinicDbContext db, long patientId, DocumentKind kind, DateTime nowUtc)
    {
        var mine = db.Appointments.Include(a => a.Branch).Include(a => a.Service).Include(a => a.Doctor)
            .Where(a => a.PatientId == patientId);
        if (kind == DocumentKind.SportCertificate)
        {
            var since = nowUtc.AddDays(-SportExamValidDays);
            return mine.Where(a => a.Status == AppointmentStatus.Fulfilled && a.Service!.CategoryRu == ConsultationCategoryRu && a.StartUtc >= since);
        }
        return mine.Where(a => a.Status == AppointmentStatus.Arrived || a.Status == AppointmentStatus.Fulfilled);
    }
}
