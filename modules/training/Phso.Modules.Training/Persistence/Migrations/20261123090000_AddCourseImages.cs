using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Phso.Modules.Training.Persistence.Migrations;

[DbContext(typeof(TrainingDbContext))]
[Migration("20261123090000_AddCourseImages")]
internal sealed class AddCourseImages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "training_images",
            columns: table => new
            {
                Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                ContentType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                StoredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_training_images", x => x.Sha256);
            });
    }
}
