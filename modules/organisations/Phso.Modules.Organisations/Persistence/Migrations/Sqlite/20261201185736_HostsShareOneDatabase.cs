using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phso.Modules.Organisations.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HostsShareOneDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClaimId",
                table: "organisations_outbox_messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntil",
                table: "organisations_outbox_messages",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimId",
                table: "organisations_outbox_messages");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "organisations_outbox_messages");
        }
    }
}
