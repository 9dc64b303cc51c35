using System.Data.Common;

namespace Phso.SharedKernel.Persistence;

/// <summary>
/// One database connection per DI scope (a web request, a job run, an event delivery), shared by every module's
/// DbContext in that scope, and the transaction open on it, if any. SQLite has a single writer: two connections in
/// one piece of work (a command in one module sending a command to another) would wait on each other. Sharing the
/// connection lets the inner module's unit of work join the outer one's transaction, so the two commit or roll back
/// together (on PostgreSQL too, for the same reason: one piece of work, one transaction). Each module still reads and writes only its own tables through its own DbContext.
/// </summary>
public sealed class ScopedConnection(DatabaseSettings settings) : IDisposable
{
    private DbConnection? _connection;

    public DbConnection Connection => _connection ??= settings.CreateConnection();

    /// <summary>The unit of work's transaction while one is open in this scope.</summary>
    public DbTransaction? Transaction { get; set; }

    public void Dispose() => _connection?.Dispose();
}

/// <summary>Enlists commands of module contexts that are not part of the open unit of work (a query another module
/// answers in the middle of a command) in the scope's transaction, as the shared connection requires.</summary>
public sealed class AmbientTransactionInterceptor(ScopedConnection connection) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    public override DbCommand CommandInitialized(Microsoft.EntityFrameworkCore.Diagnostics.CommandEndEventData eventData, DbCommand result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Transaction is null && connection.Transaction is { } transaction && ReferenceEquals(result.Connection, transaction.Connection))
        {
            result.Transaction = transaction;
        }

        return result;
    }
}
