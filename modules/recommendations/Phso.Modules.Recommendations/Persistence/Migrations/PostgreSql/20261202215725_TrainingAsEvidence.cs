using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phso.Modules.Recommendations.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TrainingAsEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TraineeIds",
                schema: "recommendations",
                table: "recommendations",
                type: "character varying(7400)",
                maxLength: 7400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "TrainingAssignmentId",
                schema: "recommendations",
                table: "recommendations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TrainingCourseId",
                schema: "recommendations",
                table: "recommendations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrainingCourseTitle",
                schema: "recommendations",
                table: "recommendations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_TrainingCourseId",
                schema: "recommendations",
                table: "recommendations",
                column: "TrainingCourseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_recommendations_TrainingCourseId",
                schema: "recommendations",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "TraineeIds",
                schema: "recommendations",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "TrainingAssignmentId",
                schema: "recommendations",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "TrainingCourseId",
                schema: "recommendations",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "TrainingCourseTitle",
                schema: "recommendations",
                table: "recommendations");
        }
    }
}
