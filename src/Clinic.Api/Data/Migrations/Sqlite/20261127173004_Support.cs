using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clinic.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Support : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "faq_categories",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organization_id = table.Column<long>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    title_ru = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    title_kk = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    title_en = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_faq_categories", x => x.id);
                    table.ForeignKey(
                        name: "FK_faq_categories_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_tickets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organization_id = table.Column<long>(type: "INTEGER", nullable: false),
                    patient_id = table.Column<long>(type: "INTEGER", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    topic = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_tickets", x => x.id);
                    table.ForeignKey(
                        name: "FK_support_tickets_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_support_tickets_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "faq_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    category_id = table.Column<long>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    question_ru = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    question_kk = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    question_en = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    answer_ru = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    answer_kk = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    answer_en = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    keywords_ru = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    keywords_kk = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    keywords_en = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_faq_entries", x => x.id);
                    table.ForeignKey(
                        name: "FK_faq_entries_faq_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "faq_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_ticket_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    author = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    attachment_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    attachment_file_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    attachment_file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    attachment_content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    attachment_storage_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    attachment_size = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_ticket_messages", x => x.id);
                    table.ForeignKey(
                        name: "FK_support_ticket_messages_support_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "support_tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_faq_categories_organization_id_position",
                table: "faq_categories",
                columns: new[] { "organization_id", "position" });

            migrationBuilder.CreateIndex(
                name: "IX_faq_entries_category_id",
                table: "faq_entries",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "IX_support_ticket_messages_ticket_id_created_at_utc",
                table: "support_ticket_messages",
                columns: new[] { "ticket_id", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "IX_support_tickets_organization_id_sequence",
                table: "support_tickets",
                columns: new[] { "organization_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_tickets_patient_id_updated_at_utc",
                table: "support_tickets",
                columns: new[] { "patient_id", "updated_at_utc" });

            migrationBuilder.CreateIndex(
                name: "IX_support_tickets_status_updated_at_utc",
                table: "support_tickets",
                columns: new[] { "status", "updated_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "faq_entries");

            migrationBuilder.DropTable(
                name: "support_ticket_messages");

            migrationBuilder.DropTable(
                name: "faq_categories");

            migrationBuilder.DropTable(
                name: "support_tickets");
        }
    }
}
