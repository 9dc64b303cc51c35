using Microsoft.EntityFrameworkCore.Migrations;

namespace Phso.SharedKernel.Persistence;

/// <summary>
/// Migration steps every module's first migration calls. Migrations are hand-written (docs/adr/0003-migrations.md);
/// MigrationsMatchModelTests proves that what they create equals what each module's model describes.
/// </summary>
public static class ModuleMigrations
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>Creates the module's outbox, inbox and audit tables, and makes the audit table append-only.</summary>
    public static void CreateModuleInfrastructure(this MigrationBuilder migrationBuilder, string moduleName)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var outbox = $"{moduleName}_outbox_messages";
        migrationBuilder.CreateTable(
            name: outbox,
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                EventType = table.Column<string>(type: "TEXT", nullable: false),
                Payload = table.Column<string>(type: "TEXT", nullable: false),
                OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                CorrelationId = table.Column<string>(type: "TEXT", nullable: true),
                Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                LastError = table.Column<string>(type: "TEXT", nullable: true),
                ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                DeadLetteredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{outbox}", x => x.Id));
        migrationBuilder.CreateIndex(
            name: $"IX_{outbox}_ProcessedAt_DeadLetteredAt_NextAttemptAt",
            table: outbox,
            columns: ["ProcessedAt", "DeadLetteredAt", "NextAttemptAt"]);

        var inbox = $"{moduleName}_inbox";
        migrationBuilder.CreateTable(
            name: inbox,
            columns: table => new
            {
                EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                Handler = table.Column<string>(type: "TEXT", nullable: false),
                ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{inbox}", x => new { x.EventId, x.Handler }));

        var audit = $"{moduleName}_audit_entries";
        migrationBuilder.CreateTable(
            name: audit,
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                ActorId = table.Column<string>(type: "TEXT", nullable: true),
                ActorName = table.Column<string>(type: "TEXT", nullable: false),
                Command = table.Column<string>(type: "TEXT", nullable: false),
                RecordType = table.Column<string>(type: "TEXT", nullable: false),
                RecordId = table.Column<string>(type: "TEXT", nullable: false),
                EntityType = table.Column<string>(type: "TEXT", nullable: false),
                Action = table.Column<string>(type: "TEXT", nullable: false),
                Changes = table.Column<string>(type: "TEXT", nullable: false),
                CorrelationId = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{audit}", x => x.Id));
        migrationBuilder.CreateIndex(
            name: $"IX_{audit}_RecordType_RecordId",
            table: audit,
            columns: ["RecordType", "RecordId"]);

        if (migrationBuilder.ActiveProvider == SqliteProvider)
        {
            migrationBuilder.Sql($"CREATE TRIGGER \"{audit}_no_update\" BEFORE UPDATE ON \"{audit}\" BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;");
            migrationBuilder.Sql($"CREATE TRIGGER \"{audit}_no_delete\" BEFORE DELETE ON \"{audit}\" BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;");
        }
    }
}
