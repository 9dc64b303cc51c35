using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Persistence;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Plugins.Runtime;

/// <summary>
/// Starts the installed plugins when the host starts (after the database is migrated). A plugin that fails is marked
/// Malfunctioned with the reason and stays off until an admin enables it again; the host starts regardless. In safe
/// mode nothing is started.
/// </summary>
internal sealed partial class PluginStartup(IServiceScopeFactory scopes, PluginRuntime runtime, TimeProvider clock, ILogger<PluginStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (runtime.SafeMode)
        {
            LogSafeMode(logger);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("plugin start-up");
        scope.ServiceProvider.GetRequiredService<UnitOfWorkContext>().Operation = "StartPlugins";
        var db = scope.ServiceProvider.GetRequiredService<PluginsDbContext>();
        var plugins = await db.Plugins.Where(p => p.Enabled && (p.Status == PluginStatus.Active || p.Status == PluginStatus.Incompatible)).ToListAsync(cancellationToken);
        foreach (var plugin in plugins)
        {
            await runtime.StartOrWithdrawAsync(plugin, db, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Safe mode: no partner plugin is started.")]
    private static partial void LogSafeMode(ILogger logger);
}
