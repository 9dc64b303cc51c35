using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phso.Modules.Complaints.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_complaints_cases_AssignedToId",
                table: "complaints_cases");

            migrationBuilder.DropIndex(
                name: "IX_complaints_cases_ClockStatus",
                table: "complaints_cases");

            migrationBuilder.DropIndex(
                name: "IX_complaints_cases_OrganisationId",
                table: "complaints_cases");

            migrationBuilder.DropIndex(
                name: "IX_complaints_cases_Stage",
                table: "complaints_cases");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_AssignedToId_ReceivedAt",
                table: "complaints_cases",
                columns: new[] { "AssignedToId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_ClockStatus_ReceivedAt",
                table: "complaints_cases",
                columns: new[] { "ClockStatus", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_open_queue",
                table: "complaints_cases",
                column: "ReceivedAt",
                filter: "\"Stage\" NOT IN ('Closed', 'Declined', 'Withdrawn')");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_OrganisationId_ReceivedAt",
                table: "complaints_cases",
                columns: new[] { "OrganisationId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_Stage_ReceivedAt",
                table: "complaints_cases",
                columns: new[] { "Stage", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_complaints_cases_AssignedToId_ReceivedAt",
                table: "complaints_cases");

            migrationBuilder.DropIndex(
                name: "IX_complaints_cases_ClockStatus_ReceivedAt",
                table: "complaints_cases");

            migrationBuilder.DropIndex(
                name: "IX_complaints_cases_open_queue",
                table: "complaints_cases");

            migrationBuilder.DropIndex(
                name: "IX_complaints_cases_OrganisationId_ReceivedAt",
                table: "complaints_cases");

            migrationBuilder.DropIndex(
                name: "IX_complaints_cases_Stage_ReceivedAt",
                table: "complaints_cases");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_AssignedToId",
                table: "complaints_cases",
                column: "AssignedToId");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_ClockStatus",
                table: "complaints_cases",
                column: "ClockStatus");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_OrganisationId",
                table: "complaints_cases",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_Stage",
                table: "complaints_cases",
                column: "Stage");
        }
    }
}
