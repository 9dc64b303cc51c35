using Microsoft.Data.Sqlite;

namespace Phso.Modular.Tests.Persistence;

/// <summary>A SQLite database's schema as comparable text: tables, columns, keys, indexes and foreign keys.</summary>
public static class SchemaSnapshot
{
    public static SortedDictionary<string, string> Read(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        connection.Open();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name")
            .Select(r => (string)r[0]!).ToList();
        var schema = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var lines = new List<string>();
            lines.AddRange(Query(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY cid")
                .Select(r => $"column {r[0]} {r[1]} notnull={r[2]} pk={r[3]}"));
            foreach (var index in Query(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}') ORDER BY name"))
            {
                var columns = Query(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno").Select(r => r[0]);
                lines.Add($"index {(index[2] as string == "pk" ? "(primary key)" : index[0])} unique={index[1]} on ({string.Join(", ", columns)})");
            }

            lines.AddRange(Query(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\"")
                .Select(r => $"foreign key {r[1]} -> {r[0]}.{r[2]} on delete {r[3]}"));
            schema[table] = string.Join(Environment.NewLine, lines.Order(StringComparer.Ordinal));
        }

        return schema;
    }

    private static List<object?[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }

        return rows;
    }
}
