using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.SharedKernel.Modules;

namespace Phso.Modular.Tests.Persistence;

/// <summary>A database made before the migration history restarted (ADR 0010) is refused with what to do, not with
/// "table already exists"; on either engine.</summary>
public sealed class MigrationHistoryTests
{
    [Fact]
    public async Task A_database_from_the_hand_written_migrations_is_refused_with_what_to_do()
    {
        using var host = new PhsoFactory();
        _ = host.Services;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // As the register looked under the old, hand-written history: the same tables, another migration's name.
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(host.Services.GetRequiredService<ModuleCatalogue>().Find("organisations")!.PrimaryDbContextType!);
            var history = db.GetService<IHistoryRepository>();
            var rewrite = string.Concat(db.Database.GetMigrations().Select(history.GetDeleteScript)) + history.GetInsertScript(new HistoryRow("20261121090000_CreateRegister", "10.0.0"));
            await db.Database.ExecuteSqlRawAsync(rewrite);
        }

        var refused = await Assert.ThrowsAsync<DatabaseNotPreparedException>(() => host.Services.PrepareDatabaseAsync(seedDemoData: false, CancellationToken.None));
        Assert.Contains("organisations tables in this database were made by migrations this build does not have (20261121090000_CreateRegister)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("delete it", refused.Message, StringComparison.Ordinal);
    }
}
