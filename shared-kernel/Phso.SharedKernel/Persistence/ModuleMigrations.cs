using Microsoft.EntityFrameworkCore.Migrations;

namespace Phso.SharedKernel.Persistence;

/// <summary>
/// What EF's generated migrations cannot say from a model, added by hand to a module's first migration for each engine
/// (a shipped migration is never edited afterwards: docs/adr/0010-generated-migrations-and-postgresql.md).
/// </summary>
public static class ModuleMigrations
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
    private const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Makes the module's audit table append-only in the database itself: an update or delete is refused by
    /// a trigger, whatever code sends it (the unit of work refuses them first).</summary>
    public static void MakeAuditTrailAppendOnly(this MigrationBuilder migrationBuilder, string moduleName)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        switch (migrationBuilder.ActiveProvider)
        {
            case SqliteProvider:
                var audit = $"{moduleName}_audit_entries";
                migrationBuilder.Sql($"CREATE TRIGGER \"{audit}_no_update\" BEFORE UPDATE ON \"{audit}\" BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"{audit}_no_delete\" BEFORE DELETE ON \"{audit}\" BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;");
                break;
            case PostgreSqlProvider:
                migrationBuilder.Sql($"""
                    CREATE FUNCTION "{moduleName}".audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON "{moduleName}".audit_entries
                    FOR EACH ROW EXECUTE FUNCTION "{moduleName}".audit_entries_append_only();
                    """);
                break;
            default:
                throw new NotSupportedException($"No append-only audit trail for {migrationBuilder.ActiveProvider}.");
        }
    }
}
