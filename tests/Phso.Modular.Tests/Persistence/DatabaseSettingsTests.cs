using Phso.Host.Composition;

namespace Phso.Modular.Tests.Persistence;

/// <summary>Choosing the engine: SQLite unless told otherwise; a wrong or incomplete choice stops the host with what to set.</summary>
public sealed class DatabaseSettingsTests
{
    [Fact]
    public void PostgreSql_without_a_connection_string_says_what_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PhsoApplication.Build([], new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Phso"] = "" }, serving: false));
        Assert.Contains("set ConnectionStrings:Phso", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_engine_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PhsoApplication.Build([], new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" }, serving: false));
        Assert.Equal("Database:Provider must be Sqlite or PostgreSQL, not \"Oracle\".", error.Message);
    }
}
