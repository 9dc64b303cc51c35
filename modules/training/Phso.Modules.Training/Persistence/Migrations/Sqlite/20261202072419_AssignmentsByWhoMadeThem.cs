using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phso.Modules.Training.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssignmentsByWhoMadeThem : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_training_assignments_AssignedById_RemovedAt",
                table: "training_assignments",
                columns: new[] { "AssignedById", "RemovedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_training_assignments_AssignedById_RemovedAt",
                table: "training_assignments");
        }
    }
}
