using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phso.Modules.Accounts.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HostsShareOneDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClaimId",
                table: "accounts_outbox_messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntil",
                table: "accounts_outbox_messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "accounts_data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", maxLength: 16384, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accounts_session_cache",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 449, nullable: false),
                    Value = table.Column<byte[]>(type: "BLOB", maxLength: 262144, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SlidingExpiration = table.Column<TimeSpan>(type: "TEXT", nullable: true),
                    AbsoluteExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_session_cache", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_session_cache_ExpiresAt",
                table: "accounts_session_cache",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts_data_protection_keys");

            migrationBuilder.DropTable(
                name: "accounts_session_cache");

            migrationBuilder.DropColumn(
                name: "ClaimId",
                table: "accounts_outbox_messages");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "accounts_outbox_messages");
        }
    }
}
