using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phso.Modules.Recommendations.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_recommendations_recommendations_DueOn_Id",
                table: "recommendations_recommendations",
                columns: new[] { "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_recommendations_OrganisationId_BodyName_IssuedAt",
                table: "recommendations_recommendations",
                columns: new[] { "OrganisationId", "BodyName", "IssuedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_recommendations_recommendations_DueOn_Id",
                table: "recommendations_recommendations");

            migrationBuilder.DropIndex(
                name: "IX_recommendations_recommendations_OrganisationId_BodyName_IssuedAt",
                table: "recommendations_recommendations");
        }
    }
}
