using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phso.Modules.Complaints.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DecisionsByPeriodIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_decided",
                schema: "complaints",
                table: "cases",
                columns: new[] { "DecidedOn", "OrganisationId", "Outcome" },
                filter: "\"Outcome\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_complaints_cases_decided",
                schema: "complaints",
                table: "cases");
        }
    }
}
