using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Phso.SharedKernel.Persistence;

/// <summary>
/// Writes the rows a context has been given to add as multi-row INSERTs, for loading data in bulk (the scale data):
/// EF's own save spends most of its time ordering and tracking single-row commands. The rows are the change tracker's
/// (so keys, owned parts and shadow foreign keys are fixed up as for a save) and go through the same preparation as a
/// save (audit entries, text limits: <see cref="UnitOfWorkInterceptor"/>); each value is bound by its property's own type
/// mapping, so what lands is what EF would have written. Only additions; tables in foreign-key order; one transaction.
/// </summary>
public static class BulkInsert
{
    /// <summary>Parameters per multi-row statement (PostgreSQL takes up to 65,535). SQLite instead runs one prepared
    /// single-row statement per table, as it finds a parameter by name with a linear search (a statement of many rows
    /// costs the square of its parameters) and a prepared statement in a transaction is its fastest way in.</summary>
    private const int ParametersPerStatement = 30_000;

    public static async Task<int> InsertAddedAsync(this DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.DetectChanges();
        UnitOfWorkInterceptorOf(db)?.PrepareBulk(db);
        var entries = db.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.State is not (EntityState.Added or EntityState.Unchanged or EntityState.Detached)))
        {
            throw new InvalidOperationException("A bulk insert writes new rows only; save changes to existing rows first.");
        }

        var tables = Rows(entries.Where(e => e.State == EntityState.Added));
        var written = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var table in InForeignKeyOrder(tables.Values))
        {
            written += db.Database.IsSqlite()
                ? await WriteRowByRowAsync(connection, transaction.GetDbTransaction(), sql, table, cancellationToken)
                : await WriteAsync(connection, transaction.GetDbTransaction(), sql, table, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return written;
    }

    private static UnitOfWorkInterceptor? UnitOfWorkInterceptorOf(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?.OfType<UnitOfWorkInterceptor>().FirstOrDefault();

    /// <summary>One table's rows: entity types that share a table (owned parts) are merged by key into one row.</summary>
    private sealed class Table(StoreObjectIdentifier id)
    {
        public StoreObjectIdentifier Id { get; } = id;
        public HashSet<IEntityType> EntityTypes { get; } = [];
        public List<string> Columns { get; } = [];
        public Dictionary<string, RelationalTypeMapping> Mappings { get; } = [];
        public Dictionary<object, Dictionary<string, object?>> Rows { get; } = [];
    }

    private static Dictionary<StoreObjectIdentifier, Table> Rows(IEnumerable<EntityEntry> added)
    {
        var tables = new Dictionary<StoreObjectIdentifier, Table>();
        var shapes = new Dictionary<IEntityType, (Table Table, IProperty[] Key, (IProperty Property, string Column, bool MayBeTemporary)[] Columns)>();
        foreach (var entry in added)
        {
            var entityType = entry.Metadata;
            if (!shapes.TryGetValue(entityType, out var shape))
            {
                var id = StoreObjectIdentifier.Create(entityType, StoreObjectType.Table)
                    ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
                if (!tables.TryGetValue(id, out var table))
                {
                    tables[id] = table = new Table(id);
                }

                table.EntityTypes.Add(entityType);
                var columns = entityType.GetProperties()
                    .Select(p => (Property: p, Column: p.GetColumnName(id), MayBeTemporary: p.ValueGenerated != ValueGenerated.Never))
                    .Where(c => c.Column is not null)
                    .Select(c => (c.Property, c.Column!, c.MayBeTemporary))
                    .ToArray();
                foreach (var (property, column, _) in columns.Where(c => !table.Mappings.ContainsKey(c.Item2)))
                {
                    table.Columns.Add(column);
                    table.Mappings[column] = (RelationalTypeMapping)property.GetRelationalTypeMapping();
                }

                shapes[entityType] = shape = (table, [.. entityType.FindPrimaryKey()!.Properties], columns);
            }

            var values = entry.CurrentValues;
            var key = shape.Key.Length == 1
                ? values[shape.Key[0]] ?? ""
                : string.Join("|", shape.Key.Select(p => Convert.ToString(values[p], System.Globalization.CultureInfo.InvariantCulture)));
            if (!shape.Table.Rows.TryGetValue(key, out var row))
            {
                shape.Table.Rows[key] = row = [];
            }

            foreach (var (property, column, mayBeTemporary) in shape.Columns)
            {
                if (!mayBeTemporary || !entry.Property(property).IsTemporary)
                {
                    row[column] = values[property];
                }
            }
        }

        return tables;
    }

    /// <summary>Principal tables before their dependants (a table's own foreign keys to itself are left to the data).</summary>
    private static List<Table> InForeignKeyOrder(IEnumerable<Table> tables)
    {
        var pending = tables.ToList();
        var ordered = new List<Table>();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(table => !pending.Any(other => other != table && DependsOn(table, other)))
                ?? throw new InvalidOperationException("The tables' foreign keys form a cycle; a bulk insert cannot order them.");
            ordered.Add(next);
            pending.Remove(next);
        }

        return ordered;

        static bool DependsOn(Table table, Table other) => table.EntityTypes
            .SelectMany(t => t.GetForeignKeys())
            .Any(fk => other.EntityTypes.Contains(fk.PrincipalEntityType) && !table.EntityTypes.Contains(fk.PrincipalEntityType));
    }

    private static async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sqlHelper, Table table, CancellationToken cancellationToken)
    {
        var name = sqlHelper.DelimitIdentifier(table.Id.Name, table.Id.Schema);
        var columns = string.Join(", ", table.Columns.Select(c => sqlHelper.DelimitIdentifier(c)));
        var perStatement = Math.Max(1, ParametersPerStatement / table.Columns.Count);
        var rows = table.Rows.Values.ToList();
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"INSERT INTO {name} ({columns}) VALUES ");
            var parameter = 0;
            foreach (var row in rows.Skip(start).Take(perStatement))
            {
                sql.Append(parameter == 0 ? "(" : ", (");
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var column = table.Columns[i];
                    var parameterName = $"@p{parameter++}";
                    sql.Append(i == 0 ? parameterName : ", " + parameterName);
                    command.Parameters.Add(table.Mappings[column].CreateParameter(command, parameterName, row.GetValueOrDefault(column), nullable: true));
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return rows.Count;
    }

    private static async Task<int> WriteRowByRowAsync(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sqlHelper, Table table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {sqlHelper.DelimitIdentifier(table.Id.Name, table.Id.Schema)} ({string.Join(", ", table.Columns.Select(c => sqlHelper.DelimitIdentifier(c)))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})";
        var parameters = table.Columns.Select((column, i) =>
        {
            var parameter = table.Mappings[column].CreateParameter(command, $"@p{i}", null, nullable: true);
            command.Parameters.Add(parameter);
            return (parameter, table.Mappings[column].Converter);
        }).ToArray();
        foreach (var row in table.Rows.Values)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var value = row.GetValueOrDefault(table.Columns[i]);
                var (parameter, converter) = parameters[i];
                parameter.Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return table.Rows.Count;
    }
}
