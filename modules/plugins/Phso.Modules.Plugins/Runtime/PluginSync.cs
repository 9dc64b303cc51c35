using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Persistence;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Quartz;

namespace Phso.Modules.Plugins.Runtime;

/// <summary>
/// Brings this process's running plugins into line with the database, for changes made by another process (the
/// command line): a plugin installed, enabled or upgraded there starts here, one disabled or uninstalled stops. A
/// difference is acted on only when two checks in a row see the same one: a change this process is making has loaded
/// or stopped the plugin a moment before saving it, and must not be undone in between.
/// </summary>
internal sealed partial class PluginSync(IServiceScopeFactory scopes, PluginRuntime runtime, TimeProvider clock, ILogger<PluginSync> logger)
{
    private readonly Dictionary<string, string> _seenBefore = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Checks once; returns how many plugins were started or stopped.</summary>
    public async Task<int> SyncAsync(CancellationToken cancellationToken)
    {
        if (runtime.SafeMode)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("plugin sync");
        scope.ServiceProvider.GetRequiredService<UnitOfWorkContext>().Operation = "SyncPlugins";
        var db = scope.ServiceProvider.GetRequiredService<PluginsDbContext>();
        var plugins = await db.Plugins.ToListAsync(cancellationToken);
        var differences = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in runtime.Running.Select(r => r.Key).Except(plugins.Select(p => p.Id), StringComparer.Ordinal))
        {
            differences[id] = "uninstalled";
        }

        foreach (var plugin in plugins)
        {
            var wanted = plugin.Enabled && plugin.Status == PluginStatus.Active ? plugin.Folder : null;
            if (wanted != runtime.FolderOf(plugin.Id))
            {
                differences[plugin.Id] = wanted is null ? "stopped" : $"started from {wanted}";
            }
        }

        List<string> confirmed;
        lock (_gate)
        {
            confirmed = [.. differences.Where(d => _seenBefore.TryGetValue(d.Key, out var before) && before == d.Value).Select(d => d.Key)];
            _seenBefore.Clear();
            foreach (var (id, difference) in differences.Where(d => !confirmed.Contains(d.Key)))
            {
                _seenBefore[id] = difference;
            }
        }

        foreach (var id in confirmed)
        {
            if (plugins.SingleOrDefault(p => p.Id == id) is { Enabled: true, Status: PluginStatus.Active } plugin)
            {
                await runtime.StartOrWithdrawAsync(plugin, db, clock.GetUtcNow());
            }
            else
            {
                runtime.Stop(id);
            }

            LogSynced(logger, id, differences[id]);
        }

        await db.SaveChangesAsync(cancellationToken);
        return confirmed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {PluginId} changed in another process and was {Change} here")]
    private static partial void LogSynced(ILogger logger, string pluginId, string change);
}

[DisallowConcurrentExecution]
internal sealed class SyncPluginsJob(PluginSync sync) : IJob
{
    public static readonly JobKey Key = new("sync-plugins", "plugins");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await sync.SyncAsync(cancellationToken);
}
