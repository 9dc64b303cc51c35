using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phso.Modules.Complaints.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenQueueByBodyAndCaseworker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_open_by_caseworker",
                table: "complaints_cases",
                columns: new[] { "AssignedToId", "ReceivedAt" },
                filter: "\"Stage\" NOT IN ('Closed', 'Declined', 'Withdrawn')");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_open_by_organisation",
                table: "complaints_cases",
                columns: new[] { "OrganisationId", "ReceivedAt" },
                filter: "\"Stage\" NOT IN ('Closed', 'Declined', 'Withdrawn')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_complaints_cases_open_by_caseworker",
                table: "complaints_cases");

            migrationBuilder.DropIndex(
                name: "IX_complaints_cases_open_by_organisation",
                table: "complaints_cases");
        }
    }
}
