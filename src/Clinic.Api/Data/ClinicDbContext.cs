using System.Text;
using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Broadcasts;
using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Outbox;
using Clinic.Api.Features.Documents;
using Clinic.Api.Features.Feedback;
using Clinic.Api.Features.Patients;
using Clinic.Api.Features.Payments;
using Clinic.Api.Features.Slots;
using Clinic.Api.Features.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Clinic.Api.Data;

/// <summary>
/// The clinic database. Provider-specific subclasses (<see cref="SqliteClinicDbContext"/>,
/// <see cref="PostgresClinicDbContext"/>) exist only so each provider keeps its own migrations.
/// </summary>
public abstract class ClinicDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Branch> Branches => Set<Branch>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Doctor> Doctors => Set<Doctor>();
    public DbSet<DoctorBranch> DoctorBranches => Set<DoctorBranch>();
    public DbSet<DoctorService> DoctorServices => Set<DoctorService>();
    public DbSet<WeeklyPlanEntry> WeeklyPlan => Set<WeeklyPlanEntry>();
    public DbSet<ScheduleExceptionEntry> ScheduleExceptions => Set<ScheduleExceptionEntry>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<IinAttempt> IinAttempts => Set<IinAttempt>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<VisitFeedback> Feedback => Set<VisitFeedback>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<SupportTicket> SupportTickets => Set<SupportTicket>();
    public DbSet<SupportTicketMessage> SupportTicketMessages => Set<SupportTicketMessage>();
    public DbSet<FaqCategory> FaqCategories => Set<FaqCategory>();
    public DbSet<FaqEntry> FaqEntries => Set<FaqEntry>();
    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ClinicDbContext).Assembly);
        UseSnakeCaseNames(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are written as UTC; SQLite hands them back as Unspecified, so mark them UTC on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>Tables and columns in snake_case, so raw SQL (the PostgreSQL exclusion constraint) reads naturally.</summary>
    private static void UseSnakeCaseNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.IsOwned())
                continue; // owned breaks live in a JSON column of their owner
            entity.SetTableName(SnakeCase(entity.GetTableName()!));
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.GetColumnName()));
        }
    }

    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && name[i - 1] != '_' && !char.IsUpper(name[i - 1]))
                builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
