using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phso.Modules.Training.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AssignmentsByWhoMadeThem : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_assignments_AssignedById_RemovedAt",
                schema: "training",
                table: "assignments",
                columns: new[] { "AssignedById", "RemovedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assignments_AssignedById_RemovedAt",
                schema: "training",
                table: "assignments");
        }
    }
}
