using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clinic.Api.Data.Migrations.Postgres
{
    /// <summary>
    /// Double booking is impossible in the database itself: no two active appointments of one doctor (widened by their
    /// service buffers) or of one patient may overlap. Violations raise 23P01. EF cannot express exclusion constraints,
    /// so they live here, in SQL, apart from the generated schema (btree_gist comes from the model, in Initial).
    /// </summary>
    public partial class OverlapGuards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE appointments ADD CONSTRAINT ex_appointments_doctor_overlap
                EXCLUDE USING gist (doctor_id WITH =, tstzrange(blocked_start_utc, blocked_end_utc) WITH &&)
                WHERE (status IN ('pending', 'booked', 'arrived'));
                """);
            migrationBuilder.Sql("""
                ALTER TABLE appointments ADD CONSTRAINT ex_appointments_patient_overlap
                EXCLUDE USING gist (patient_id WITH =, tstzrange(start_utc, end_utc) WITH &&)
                WHERE (status IN ('pending', 'booked', 'arrived'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE appointments DROP CONSTRAINT IF EXISTS ex_appointments_patient_overlap;");
            migrationBuilder.Sql("ALTER TABLE appointments DROP CONSTRAINT IF EXISTS ex_appointments_doctor_overlap;");
        }
    }
}
