using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Accounts.Persistence;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Accounts.Sessions;

/// <summary>What hosts sharing one database must share besides the data: the data-protection key ring (sign-in,
/// session and antiforgery cookies issued by one host are read by another) and the session cache.</summary>
internal static class SharedHostState
{
    public static void AddSharedHostState(this ModuleContext context)
    {
        var dataProtection = context.Services.AddDataProtection();
        if (DatabaseSettings.ProviderOf(context.Configuration[DatabaseSettings.ProviderSetting]) == DatabaseProvider.PostgreSql)
        {
            // ASP.NET's own EF Core key repository. A key is written from a scope of its own, on a connection of its
            // own, so making one in the middle of another change's transaction waits for nothing.
            dataProtection.PersistKeysToDbContext<AccountsDbContext>();
        }
        else
        {
            // SQLite is one host, and one writer at a time: a key written while a change holds the database would
            // wait for that change, which waits for the key. So the ring stays a folder of the one host.
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(ModularMonolith.DataFolder(context.Configuration, context.Environment), "keys")));
        }

        context.Services.AddSingleton<IDistributedCache, DatabaseCache>();
    }
}
