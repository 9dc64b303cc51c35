using Microsoft.EntityFrameworkCore.Infrastructure;
using Phso.SharedKernel.Domain;
using Microsoft.EntityFrameworkCore.Migrations;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Organisations.Persistence.Migrations;

[DbContext(typeof(OrganisationsDbContext))]
[Migration("20261121090000_CreateRegister")]
internal sealed class CreateRegister : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateModuleInfrastructure(OrganisationsDbContext.Module);
        migrationBuilder.CreateTable(
            name: "organisations_register",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Sector = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                Nation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                InRemit = table.Column<bool>(type: "INTEGER", nullable: false),
                IsPartner = table.Column<bool>(type: "INTEGER", nullable: false),
                OdsCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                ClosedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                Version = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_organisations_register", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_organisations_register_NameKey", table: "organisations_register", column: "NameKey", unique: true);
        migrationBuilder.CreateIndex(name: "IX_organisations_register_OdsCode", table: "organisations_register", column: "OdsCode", unique: true);
    }
}
