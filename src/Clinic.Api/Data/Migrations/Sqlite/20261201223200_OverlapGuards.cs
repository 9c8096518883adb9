using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clinic.Api.Data.Migrations.Sqlite
{
    /// <summary>
    /// SQLite has no exclusion constraints; these triggers are its equivalent of the PostgreSQL ones, so that
    /// two overlapping active appointments of one doctor (with buffers) or one patient cannot be stored by any writer.
    /// The API's BEGIN IMMEDIATE transaction re-checks first and answers before a trigger ever fires.
    /// </summary>
    public partial class OverlapGuards : Migration
    {
        private const string Active = "('pending', 'booked', 'arrived')";

        private static string Guards(string otherThanSelf) => $"""
                SELECT RAISE(ABORT, 'ex_appointments_doctor_overlap')
                WHERE EXISTS (SELECT 1 FROM appointments a
                    WHERE a.doctor_id = NEW.doctor_id AND a.status IN {Active}{otherThanSelf}
                      AND a.blocked_start_utc < NEW.blocked_end_utc AND a.blocked_end_utc > NEW.blocked_start_utc);
                SELECT RAISE(ABORT, 'ex_appointments_patient_overlap')
                WHERE EXISTS (SELECT 1 FROM appointments a
                    WHERE a.patient_id = NEW.patient_id AND a.status IN {Active}{otherThanSelf}
                      AND a.start_utc < NEW.end_utc AND a.end_utc > NEW.start_utc);
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER tr_appointments_overlap_insert BEFORE INSERT ON appointments
                WHEN NEW.status IN {Active}
                BEGIN
                {Guards("")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER tr_appointments_overlap_update
                BEFORE UPDATE OF status, doctor_id, patient_id, start_utc, end_utc, blocked_start_utc, blocked_end_utc ON appointments
                WHEN NEW.status IN {Active}
                BEGIN
                {Guards(" AND a.id <> NEW.id")}
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS tr_appointments_overlap_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS tr_appointments_overlap_update;");
        }
    }
}
