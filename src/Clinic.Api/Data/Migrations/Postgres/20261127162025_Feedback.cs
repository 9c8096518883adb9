using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clinic.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Feedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "deleted_at_utc",
                table: "patients",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "visit_feedback",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    patient_id = table.Column<long>(type: "bigint", nullable: false),
                    appointment_id = table.Column<long>(type: "bigint", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    reasons = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    public_review = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    needs_follow_up = table.Column<bool>(type: "boolean", nullable: false),
                    followed_up_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    follow_up_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visit_feedback", x => x.id);
                    table.ForeignKey(
                        name: "FK_visit_feedback_appointments_appointment_id",
                        column: x => x.appointment_id,
                        principalTable: "appointments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_visit_feedback_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_visit_feedback_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_visit_feedback_appointment_id",
                table: "visit_feedback",
                column: "appointment_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_visit_feedback_needs_follow_up_created_at_utc",
                table: "visit_feedback",
                columns: new[] { "needs_follow_up", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "IX_visit_feedback_organization_id",
                table: "visit_feedback",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_visit_feedback_patient_id",
                table: "visit_feedback",
                column: "patient_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "visit_feedback");

            migrationBuilder.DropColumn(
                name: "deleted_at_utc",
                table: "patients");
        }
    }
}
