using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Accounts.Persistence.Migrations;

[DbContext(typeof(AccountsDbContext))]
[Migration("20261121100000_CreateAccounts")]
internal sealed class CreateAccounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateModuleInfrastructure(AccountsDbContext.Module);

        migrationBuilder.CreateTable(
            name: "accounts_people",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                LineManagerId = table.Column<Guid>(type: "TEXT", nullable: true),
                OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                Version = table.Column<int>(type: "INTEGER", nullable: false),
                UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                LockoutEnd = table.Column<DateTime>(type: "TEXT", nullable: true),
                LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_accounts_people", x => x.Id));

        migrationBuilder.CreateTable(
            name: "accounts_roles",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_accounts_roles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "accounts_teams",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                NameKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                Version = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_accounts_teams", x => x.Id));

        migrationBuilder.CreateTable(
            name: "accounts_person_claims",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                ClaimValue = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_person_claims", x => x.Id);
                table.ForeignKey("FK_accounts_person_claims_accounts_people_UserId", x => x.UserId, "accounts_people", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "accounts_person_logins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                UserId = table.Column<Guid>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_person_logins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey("FK_accounts_person_logins_accounts_people_UserId", x => x.UserId, "accounts_people", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "accounts_person_tokens",
            columns: table => new
            {
                UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                Name = table.Column<string>(type: "TEXT", nullable: false),
                Value = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_person_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey("FK_accounts_person_tokens_accounts_people_UserId", x => x.UserId, "accounts_people", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "accounts_person_roles",
            columns: table => new
            {
                UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_person_roles", x => new { x.UserId, x.RoleId });
                table.ForeignKey("FK_accounts_person_roles_accounts_people_UserId", x => x.UserId, "accounts_people", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_accounts_person_roles_accounts_roles_RoleId", x => x.RoleId, "accounts_roles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "accounts_role_claims",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                ClaimValue = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_role_claims", x => x.Id);
                table.ForeignKey("FK_accounts_role_claims_accounts_roles_RoleId", x => x.RoleId, "accounts_roles", "Id", onDelete: ReferentialAction.Cascade);
            });

        foreach (var (name, id) in AccountsDbContext.RoleIds)
        {
            migrationBuilder.InsertData(
                table: "accounts_roles",
                columns: ["Id", "ConcurrencyStamp", "Name", "NormalizedName"],
                columnTypes: ["TEXT", "TEXT", "TEXT", "TEXT"],
                values: new object[] { id, id.ToString(), name, name.ToUpperInvariant() });
        }

        migrationBuilder.CreateIndex(name: "EmailIndex", table: "accounts_people", column: "NormalizedEmail");
        migrationBuilder.CreateIndex(name: "IX_accounts_people_LineManagerId", table: "accounts_people", column: "LineManagerId");
        migrationBuilder.CreateIndex(name: "IX_accounts_people_OrganisationId", table: "accounts_people", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_accounts_people_TeamId", table: "accounts_people", column: "TeamId");
        migrationBuilder.CreateIndex(name: "UserNameIndex", table: "accounts_people", column: "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex(name: "IX_accounts_person_claims_UserId", table: "accounts_person_claims", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_accounts_person_logins_UserId", table: "accounts_person_logins", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_accounts_person_roles_RoleId", table: "accounts_person_roles", column: "RoleId");
        migrationBuilder.CreateIndex(name: "IX_accounts_role_claims_RoleId", table: "accounts_role_claims", column: "RoleId");
        migrationBuilder.CreateIndex(name: "RoleNameIndex", table: "accounts_roles", column: "NormalizedName", unique: true);
        migrationBuilder.CreateIndex(name: "IX_accounts_teams_NameKey", table: "accounts_teams", column: "NameKey", unique: true);
    }
}
