using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phso.Modules.Recommendations.Persistence.Migrations.Sqlite
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
                table: "recommendations_recommendations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Nation",
                table: "recommendations_recommendations",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "England");

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublicReportDecidedOn",
                table: "recommendations_recommendations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicReportReason",
                table: "recommendations_recommendations",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ReportPublicly",
                table: "recommendations_recommendations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "recommendations_reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendations_reminders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_recommendations_EscalatedOn_Status",
                table: "recommendations_recommendations",
                columns: new[] { "EscalatedOn", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_reminders_RecommendationId_Kind_DueOn",
                table: "recommendations_reminders",
                columns: new[] { "RecommendationId", "Kind", "DueOn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recommendations_reminders");

            migrationBuilder.DropIndex(
                name: "IX_recommendations_recommendations_EscalatedOn_Status",
                table: "recommendations_recommendations");

            migrationBuilder.DropColumn(
                name: "EscalatedOn",
                table: "recommendations_recommendations");

            migrationBuilder.DropColumn(
                name: "Nation",
                table: "recommendations_recommendations");

            migrationBuilder.DropColumn(
                name: "PublicReportDecidedOn",
                table: "recommendations_recommendations");

            migrationBuilder.DropColumn(
                name: "PublicReportReason",
                table: "recommendations_recommendations");

            migrationBuilder.DropColumn(
                name: "ReportPublicly",
                table: "recommendations_recommendations");
        }
    }
}
