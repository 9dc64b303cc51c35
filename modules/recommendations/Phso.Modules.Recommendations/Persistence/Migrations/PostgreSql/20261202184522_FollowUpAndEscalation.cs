using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phso.Modules.Recommendations.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FollowUpAndEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows written before the nation was kept take England's calendar (earlier rows for bodies elsewhere would be set from the register).
            migrationBuilder.AddColumn<DateOnly>(
                name: "EscalatedOn",
                schema: "recommendations",
                table: "recommendations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Nation",
                schema: "recommendations",
                table: "recommendations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "England");

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublicReportDecidedOn",
                schema: "recommendations",
                table: "recommendations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicReportReason",
                schema: "recommendations",
                table: "recommendations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ReportPublicly",
                schema: "recommendations",
                table: "recommendations",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reminders",
                schema: "recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reminders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_EscalatedOn_Status",
                schema: "recommendations",
                table: "recommendations",
                columns: new[] { "EscalatedOn", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_reminders_RecommendationId_Kind_DueOn",
                schema: "recommendations",
                table: "reminders",
                columns: new[] { "RecommendationId", "Kind", "DueOn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reminders",
                schema: "recommendations");

            migrationBuilder.DropIndex(
                name: "IX_recommendations_EscalatedOn_Status",
                schema: "recommendations",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "EscalatedOn",
                schema: "recommendations",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "Nation",
                schema: "recommendations",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "PublicReportDecidedOn",
                schema: "recommendations",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "PublicReportReason",
                schema: "recommendations",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "ReportPublicly",
                schema: "recommendations",
                table: "recommendations");
        }
    }
}
