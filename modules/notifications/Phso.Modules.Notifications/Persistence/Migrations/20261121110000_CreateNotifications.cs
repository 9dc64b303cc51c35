using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Notifications.Persistence.Migrations;

[DbContext(typeof(NotificationsDbContext))]
[Migration("20261121110000_CreateNotifications")]
internal sealed class CreateNotifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateModuleInfrastructure(NotificationsDbContext.Module);
        migrationBuilder.CreateTable(
            name: "notifications_in_app",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                RecipientId = table.Column<Guid>(type: "TEXT", nullable: false),
                Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_notifications_in_app", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_notifications_in_app_RecipientId_ReadAt", table: "notifications_in_app", columns: ["RecipientId", "ReadAt"]);

        migrationBuilder.CreateTable(
            name: "notifications_emails",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                ToAddress = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                ToName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                Body = table.Column<string>(type: "TEXT", nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                LastError = table.Column<string>(type: "TEXT", nullable: true),
                SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                FailedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_notifications_emails", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_notifications_emails_SentAt_FailedAt_NextAttemptAt", table: "notifications_emails", columns: ["SentAt", "FailedAt", "NextAttemptAt"]);
    }
}
