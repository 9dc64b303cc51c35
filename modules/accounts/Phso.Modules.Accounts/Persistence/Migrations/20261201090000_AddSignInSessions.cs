using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Phso.Modules.Accounts.Persistence.Migrations;

[DbContext(typeof(AccountsDbContext))]
[Migration("20261201090000_AddSignInSessions")]
internal sealed class AddSignInSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "accounts_sessions",
            columns: table => new
            {
                Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                Ticket = table.Column<byte[]>(type: "BLOB", maxLength: 16384, nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_accounts_sessions", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_accounts_sessions_PersonId", table: "accounts_sessions", column: "PersonId");
    }
}
