using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Plugins.Persistence.Migrations;

[DbContext(typeof(PluginsDbContext))]
[Migration("20261123100000_CreatePlugins")]
internal sealed class CreatePlugins : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateModuleInfrastructure(PluginsDbContext.Module);
        migrationBuilder.CreateTable(
            name: "plugins_installed",
            columns: table => new
            {
                Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                EntryAssembly = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                EntryType = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                ExtensionPoints = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Folder = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                InstalledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                IsSigned = table.Column<bool>(type: "INTEGER", nullable: false),
                MaximumSdkVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                MinimumSdkVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                PluginVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Publisher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                StatusReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                Version = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_plugins_installed", x => x.Id);
            });
    }
}
