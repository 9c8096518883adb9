using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clinic.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Broadcasts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "broadcast_id",
                table: "outbox_messages",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "broadcasts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    photo_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    photo_file_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    button_text = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    button_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    click_token = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    clicks = table.Column<int>(type: "integer", nullable: false),
                    segment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    scheduled_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    audience = table.Column<int>(type: "integer", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    completed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcasts", x => x.id);
                    table.ForeignKey(
                        name: "FK_broadcasts_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_broadcast_id_status",
                table: "outbox_messages",
                columns: new[] { "broadcast_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_broadcasts_click_token",
                table: "broadcasts",
                column: "click_token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_broadcasts_organization_id",
                table: "broadcasts",
                column: "organization_id");

            migrationBuilder.AddForeignKey(
                name: "FK_outbox_messages_broadcasts_broadcast_id",
                table: "outbox_messages",
                column: "broadcast_id",
                principalTable: "broadcasts",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_outbox_messages_broadcasts_broadcast_id",
                table: "outbox_messages");

            migrationBuilder.DropTable(
                name: "broadcasts");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_broadcast_id_status",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "broadcast_id",
                table: "outbox_messages");
        }
    }
}
