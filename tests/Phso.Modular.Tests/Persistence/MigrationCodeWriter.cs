using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Phso.Modular.Tests.Persistence;

/// <summary>
/// Writes the MigrationBuilder calls that create a module's tables as its EF model describes them (the module
/// infrastructure tables excepted: CreateModuleInfrastructure makes those). Migrations are hand-written here
/// (docs/adr/0003-migrations.md); this gives the developer code to paste and check, and MigrationsMatchModelTests
/// prints it when a module's migrations and model differ.
/// </summary>
public static class MigrationCodeWriter
{
    private static readonly string[] InfrastructureSuffixes = ["_outbox_messages", "_inbox", "_audit_entries"];

    public static string Write(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.Model.GetRelationalModel();
        var tables = model.Tables.Where(t => !InfrastructureSuffixes.Any(s => t.Name.EndsWith(s, StringComparison.Ordinal))).ToList();
        var code = new StringBuilder();
        foreach (var table in InDependencyOrder(tables))
        {
            code.AppendLine(CultureInfo.InvariantCulture, $"migrationBuilder.CreateTable(");
            code.AppendLine(CultureInfo.InvariantCulture, $"    name: \"{table.Name}\",");
            code.AppendLine("    columns: table => new");
            code.AppendLine("    {");
            foreach (var column in table.Columns)
            {
                var type = Nullable.GetUnderlyingType(column.ProviderClrType) ?? column.ProviderClrType;
                var maxLength = column.MaxLength is { } length ? $", maxLength: {length}" : "";
                var identity = column.PropertyMappings.Any(m => m.Property.ValueGenerated == ValueGenerated.OnAdd && type == typeof(int) && table.PrimaryKey!.Columns.Contains(column))
                    ? ".Annotation(\"Sqlite:Autoincrement\", true)" : "";
                code.AppendLine(CultureInfo.InvariantCulture, $"        {column.Name} = table.Column<{TypeName(type)}>(type: \"{column.StoreType}\"{maxLength}, nullable: {(column.IsNullable ? "true" : "false")}){identity},");
            }

            code.AppendLine("    },");
            code.AppendLine("    constraints: table =>");
            code.AppendLine("    {");
            var key = table.PrimaryKey!;
            code.AppendLine(CultureInfo.InvariantCulture, $"        table.PrimaryKey(\"{key.Name}\", x => {Columns(key.Columns)});");
            foreach (var foreignKey in table.ForeignKeyConstraints)
            {
                code.AppendLine(CultureInfo.InvariantCulture,
                    $"        table.ForeignKey(\"{foreignKey.Name}\", x => {Columns(foreignKey.Columns)}, \"{foreignKey.PrincipalTable.Name}\", {PrincipalColumns(foreignKey.PrincipalColumns)}, onDelete: ReferentialAction.{foreignKey.OnDeleteAction});");
            }

            code.AppendLine("    });");
        }

        foreach (var index in tables.SelectMany(t => t.Indexes).OrderBy(i => i.Table.Name, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal))
        {
            var columns = index.Columns.Count == 1 ? $"column: \"{index.Columns[0].Name}\"" : $"columns: [{string.Join(", ", index.Columns.Select(c => $"\"{c.Name}\""))}]";
            code.AppendLine(CultureInfo.InvariantCulture, $"migrationBuilder.CreateIndex(name: \"{index.Name}\", table: \"{index.Table.Name}\", {columns}{(index.IsUnique ? ", unique: true" : "")});");
        }

        return code.ToString();
    }

    private static IEnumerable<ITable> InDependencyOrder(List<ITable> tables)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (done.Count < tables.Count)
        {
            var ready = tables.Where(t => !done.Contains(t.Name) && t.ForeignKeyConstraints.All(f => f.PrincipalTable.Name == t.Name || done.Contains(f.PrincipalTable.Name) || tables.All(o => o.Name != f.PrincipalTable.Name))).ToList();
            if (ready.Count == 0)
            {
                ready = [tables.First(t => !done.Contains(t.Name))];
            }

            foreach (var table in ready)
            {
                done.Add(table.Name);
                yield return table;
            }
        }
    }

    private static string Columns(IReadOnlyList<IColumn> columns) =>
        columns.Count == 1 ? $"x.{columns[0].Name}" : $"new {{ {string.Join(", ", columns.Select(c => $"x.{c.Name}"))} }}";

    private static string PrincipalColumns(IReadOnlyList<IColumn> columns) =>
        columns.Count == 1 ? $"\"{columns[0].Name}\"" : $"new[] {{ {string.Join(", ", columns.Select(c => $"\"{c.Name}\""))} }}";

    private static string TypeName(Type type) => type switch
    {
        _ when type == typeof(string) => "string",
        _ when type == typeof(int) => "int",
        _ when type == typeof(long) => "long",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(double) => "double",
        _ when type == typeof(decimal) => "decimal",
        _ when type == typeof(byte[]) => "byte[]",
        _ => type.Name,
    };
}
