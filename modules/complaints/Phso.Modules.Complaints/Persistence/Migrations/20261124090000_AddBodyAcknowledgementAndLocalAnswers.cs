using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Phso.Modules.Complaints.Persistence.Migrations;

/// <summary>The date the organisation acknowledged the complaint, and the answers to partner plugins' questions.</summary>
[DbContext(typeof(ComplaintsDbContext))]
[Migration("20261124090000_AddBodyAcknowledgementAndLocalAnswers")]
internal sealed class AddBodyAcknowledgementAndLocalAnswers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>(name: "BodyAcknowledgedOn", table: "complaints_cases", type: "TEXT", nullable: true);
        migrationBuilder.CreateTable(
            name: "complaints_local_answers",
            columns: table => new
            {
                ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                Position = table.Column<int>(type: "INTEGER", nullable: false),
                Answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                Choices = table.Column<string>(type: "TEXT", maxLength: 2100, nullable: true),
                Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                PluginId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                PluginName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Question = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                Type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_complaints_local_answers", x => new { x.ComplaintId, x.Position });
                table.ForeignKey("FK_complaints_local_answers_complaints_cases_ComplaintId", x => x.ComplaintId, "complaints_cases", "Id", onDelete: ReferentialAction.Cascade);
            });
    }
}
