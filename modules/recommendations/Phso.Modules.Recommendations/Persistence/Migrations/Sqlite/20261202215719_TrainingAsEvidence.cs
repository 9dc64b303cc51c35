using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phso.Modules.Recommendations.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrainingAsEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TraineeIds",
                table: "recommendations_recommendations",
                type: "TEXT",
                maxLength: 7400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "TrainingAssignmentId",
                table: "recommendations_recommendations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TrainingCourseId",
                table: "recommendations_recommendations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrainingCourseTitle",
                table: "recommendations_recommendations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_recommendations_TrainingCourseId",
                table: "recommendations_recommendations",
                column: "TrainingCourseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_recommendations_recommendations_TrainingCourseId",
                table: "recommendations_recommendations");

            migrationBuilder.DropColumn(
                name: "TraineeIds",
                table: "recommendations_recommendations");

            migrationBuilder.DropColumn(
                name: "TrainingAssignmentId",
                table: "recommendations_recommendations");

            migrationBuilder.DropColumn(
                name: "TrainingCourseId",
                table: "recommendations_recommendations");

            migrationBuilder.DropColumn(
                name: "TrainingCourseTitle",
                table: "recommendations_recommendations");
        }
    }
}
