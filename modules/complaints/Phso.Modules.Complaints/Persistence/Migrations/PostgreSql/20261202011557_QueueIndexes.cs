using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phso.Modules.Complaints.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class QueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_AssignedToId",
                schema: "complaints",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_ClockStatus",
                schema: "complaints",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_OrganisationId",
                schema: "complaints",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_Stage",
                schema: "complaints",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "IX_cases_AssignedToId_ReceivedAt",
                schema: "complaints",
                table: "cases",
                columns: new[] { "AssignedToId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_ClockStatus_ReceivedAt",
                schema: "complaints",
                table: "cases",
                columns: new[] { "ClockStatus", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_OrganisationId_ReceivedAt",
                schema: "complaints",
                table: "cases",
                columns: new[] { "OrganisationId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_Stage_ReceivedAt",
                schema: "complaints",
                table: "cases",
                columns: new[] { "Stage", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_open_queue",
                schema: "complaints",
                table: "cases",
                column: "ReceivedAt",
                filter: "\"Stage\" NOT IN ('Closed', 'Declined', 'Withdrawn')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_AssignedToId_ReceivedAt",
                schema: "complaints",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_ClockStatus_ReceivedAt",
                schema: "complaints",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_OrganisationId_ReceivedAt",
                schema: "complaints",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_Stage_ReceivedAt",
                schema: "complaints",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_complaints_cases_open_queue",
                schema: "complaints",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "IX_cases_AssignedToId",
                schema: "complaints",
                table: "cases",
                column: "AssignedToId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_ClockStatus",
                schema: "complaints",
                table: "cases",
                column: "ClockStatus");

            migrationBuilder.CreateIndex(
                name: "IX_cases_OrganisationId",
                schema: "complaints",
                table: "cases",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Stage",
                schema: "complaints",
                table: "cases",
                column: "Stage");
        }
    }
}
