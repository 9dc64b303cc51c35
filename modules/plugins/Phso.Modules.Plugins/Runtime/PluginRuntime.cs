using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Domain;
using Phso.Modules.Plugins.Loading;
using Phso.Modules.Plugins.Packages;
using Phso.Plugins.Abstractions;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Plugins.Runtime;

/// <summary>
/// The plugins running in this process. Starting, stopping and the decision of where a plugin stands are made here, the
/// same way for the admin page, the command line and start-up; no restart is needed for any of them.
/// </summary>
internal sealed partial class PluginRuntime(
    IOptions<PluginOptions> options, IConfiguration configuration, IHostEnvironment environment, IServiceScopeFactory scopes, TimeProvider clock, ILogger<PluginRuntime> logger)
{
    private readonly ConcurrentDictionary<string, LoadedPlugin> _running = new(StringComparer.Ordinal);

    public PluginOptions Options => options.Value;

    public bool SafeMode => options.Value.SafeMode;

    public string Root => options.Value.Folder is { Length: > 0 } folder ? Path.GetFullPath(folder) : Path.Combine(ModularMonolith.DataFolder(configuration, environment), "plugins");

    public PluginTrust Trust => new() { Keys = options.Value.TrustedKeys, AllowUnsigned = options.Value.AllowUnsigned && environment.IsDevelopment() };

    public bool IsRunning(string id) => _running.ContainsKey(id);

    /// <summary>The running plugin's name, for people.</summary>
    public string NameOf(string id) => _names.GetValueOrDefault(id, id);

    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, string> _folders = new(StringComparer.Ordinal);

    /// <summary>The folder (so the version) a running plugin was loaded from; null when it is not running.</summary>
    public string? FolderOf(string id) => _folders.GetValueOrDefault(id);

    public IReadOnlyCollection<KeyValuePair<string, LoadedPlugin>> Running => _running.ToArray();

    /// <summary>Starts or stops the plugin as its record says, and records where it stands.</summary>
    public async Task ApplyAsync(InstalledPlugin plugin, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        Stop(plugin.Id);
        if (!plugin.Enabled)
        {
            plugin.MarkStatus(PluginStatus.Disabled, plugin.StatusReason ?? "Disabled by an admin.", now);
            return;
        }

        var sdk = PluginSdk.Version;
        if (sdk < PluginManifest.Parse(plugin.MinimumSdkVersion) || sdk > PluginManifest.Parse(plugin.MaximumSdkVersion))
        {
            plugin.MarkStatus(PluginStatus.Incompatible, $"It works with SDK versions {plugin.MinimumSdkVersion} to {plugin.MaximumSdkVersion}; this platform's SDK is {sdk.ToString(3)}.", now);
            return;
        }

        if (SafeMode)
        {
            // Safe mode changes nothing stored: the plugin is simply not run in this process.
            return;
        }

        var outcome = await PluginLoader.LoadAsync(plugin.Id, Path.Combine(Root, plugin.Folder), plugin.EntryAssembly, plugin.EntryType, options.Value.CallLimit);
        if (outcome.Plugin is { } loaded)
        {
            _running[plugin.Id] = loaded;
            _names[plugin.Id] = plugin.Name;
            _folders[plugin.Id] = plugin.Folder;
            plugin.MarkStatus(PluginStatus.Active, null, now);
        }
        else
        {
            LogSwitchedOff(logger, plugin.Id, outcome.Failure);
            plugin.MarkStatus(PluginStatus.Malfunctioned, outcome.Failure, now);
        }
    }

    /// <summary>Starts an enabled plugin outside an admin's action (at start-up, or following another process's change);
    /// if it does not start, its courses are withdrawn with the reason.</summary>
    public async Task StartOrWithdrawAsync(InstalledPlugin plugin, Persistence.PluginsDbContext db, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(db);
        await ApplyAsync(plugin, now);
        if (!IsRunning(plugin.Id))
        {
            db.Publish(new PluginCoursesWithdrawn(plugin.Id, $"{plugin.Name} did not start: {plugin.StatusReason}"));
        }
    }

    /// <summary>
    /// Calls into a running plugin behind the time limit. A failure is reported to the caller as no result; after
    /// <see cref="PluginOptions.FailuresBeforeSwitchOff"/> failures in a row the plugin is stopped and recorded as
    /// Malfunctioned with the last failure, so a broken plugin cannot keep slowing pages down.
    /// </summary>
    public async Task<PluginCallResult<T>> CallAsync<T>(string id, string what, Func<LoadedPlugin, T> call)
    {
        if (!_running.TryGetValue(id, out var plugin))
        {
            return PluginCallResult<T>.Failed("The plugin is not running");
        }

        var result = await PluginCalls.RunAsync(what, () => call(plugin), options.Value.CallLimit);
        if (result.Ok)
        {
            plugin.ConsecutiveFailures = 0;
            return result;
        }

        LogCallFailed(logger, id, result.Failure);
        if (Interlocked.Increment(ref plugin.FailureCount) >= options.Value.FailuresBeforeSwitchOff)
        {
            Stop(id);
            await RecordMalfunctionAsync(id, $"Switched off after {options.Value.FailuresBeforeSwitchOff} failed calls in a row; the last: {result.Failure}");
        }

        return result;
    }

    private async Task RecordMalfunctionAsync(string id, string reason)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("plugin watch");
        scope.ServiceProvider.GetRequiredService<UnitOfWorkContext>().Operation = "PluginMalfunctioned";
        var db = scope.ServiceProvider.GetRequiredService<Persistence.PluginsDbContext>();
        if (await db.Plugins.SingleOrDefaultAsync(p => p.Id == id) is { } plugin)
        {
            plugin.MarkStatus(PluginStatus.Malfunctioned, reason, clock.GetUtcNow());
            db.Publish(new PluginCoursesWithdrawn(id, $"{plugin.Name} was switched off: {reason}"));
            await db.SaveChangesAsync();
        }

        LogSwitchedOff(logger, id, reason);
    }

    /// <summary>The courses a running plugin brings, read from its folder, for the training module.</summary>
    public IReadOnlyList<OfferedCourse> CoursesOf(InstalledPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        return _running.TryGetValue(plugin.Id, out var loaded) ? [.. loaded.CourseFiles(Path.Combine(Root, plugin.Folder)).Select(c => c.Course)] : [];
    }

    public void Stop(string id)
    {
        _folders.TryRemove(id, out _);
        if (_running.TryRemove(id, out var plugin))
        {
            plugin.Unload();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A call into plugin {PluginId} failed: {Failure}")]
    private static partial void LogCallFailed(ILogger logger, string pluginId, string? failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {PluginId} was switched off: {Reason}")]
    private static partial void LogSwitchedOff(ILogger logger, string pluginId, string? reason);
}
