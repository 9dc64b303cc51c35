using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Domain;
using Phso.Modules.Plugins.Loading;
using Phso.Modules.Plugins.Packages;
using Phso.Modules.Plugins.Persistence;
using Phso.Modules.Plugins.Runtime;
using Phso.Plugins.Abstractions;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Plugins.Features.Lifecycle;

// A plugin's life, the same from the admin page and the command line: install, enable, disable, upgrade, uninstall.
// Each step is audited (the record's history) and takes effect at once, without a restart.

/// <summary>Installs a plugin package (zip bytes) and starts it. Returns the plugin's id.</summary>
[RequiresPolicy(Policies.Admin)]
public sealed record InstallPlugin(byte[] Package) : ICommand<string>;

/// <summary>Replaces an installed plugin with another version of the same id; its data is kept. A lower version is
/// refused unless forced.</summary>
[RequiresPolicy(Policies.Admin)]
public sealed record UpgradePlugin(string Id, int Version, byte[] Package, bool Force) : ICommand;

[RequiresPolicy(Policies.Admin)]
public sealed record EnablePlugin(string Id, int Version) : ICommand;

/// <summary>Switches a plugin off; it stays installed. The reason is recorded in its status and history.</summary>
[RequiresPolicy(Policies.Admin)]
public sealed record DisablePlugin(string Id, int Version, string Reason) : ICommand;

/// <summary>Stops and removes a plugin and its files. What it brought is withdrawn; records made with it are kept. The
/// reason is recorded in its history.</summary>
[RequiresPolicy(Policies.Admin)]
public sealed record UninstallPlugin(string Id, int Version, string Reason) : ICommand;

internal sealed class DisablePluginValidator : AbstractValidator<DisablePlugin>
{
    public DisablePluginValidator() => RuleFor(r => r.Reason).MustBeAReason("switching the plugin off");
}

internal sealed class UninstallPluginValidator : AbstractValidator<UninstallPlugin>
{
    public UninstallPluginValidator() => RuleFor(r => r.Reason).MustBeAReason("uninstalling the plugin");
}

internal static class ReasonRules
{
    public const int MaxLength = 500;

    public static IRuleBuilderOptions<T, string> MustBeAReason<T>(this IRuleBuilderInitial<T, string> rule, string what) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage($"Enter your reason for {what}")
            .MaximumLength(MaxLength).WithMessage($"The reason must be {MaxLength} characters or fewer");
}

/// <summary>Every installed plugin, with whether it is running in this process.</summary>
[RequiresPolicy(Policies.Admin)]
public sealed record ListPlugins : IQuery<PluginList>;

public sealed record PluginList(IReadOnlyList<PluginRow> Plugins, bool SafeMode, string SdkVersion);

public sealed record PluginRow(InstalledPlugin Plugin, bool Running);

/// <summary>One installed plugin, with what it brings while it runs.</summary>
[RequiresPolicy(Policies.Admin)]
public sealed record GetPlugin(string Id) : IQuery<PluginDetails?>;

// Problems: what stops the running plugin doing all it says (an organisation it names that is no longer in the
// register), with what to fix.
public sealed record PluginDetails(
    InstalledPlugin Plugin, bool Running, bool SafeMode, IReadOnlyList<ComplaintStandardDescription> Standards, IReadOnlyList<IntakeQuestionSet> Intake, IReadOnlyList<PluginCourse> Courses,
    IReadOnlyList<string> Problems);

internal sealed class LifecycleHandlers(PluginsDbContext db, PluginRuntime runtime, PluginContent content, ICurrentUser me, TimeProvider clock)
    : IRequestHandler<InstallPlugin, string>, IRequestHandler<UpgradePlugin, Unit>, IRequestHandler<EnablePlugin, Unit>, IRequestHandler<DisablePlugin, Unit>,
        IRequestHandler<UninstallPlugin, Unit>, IRequestHandler<ListPlugins, PluginList>, IRequestHandler<GetPlugin, PluginDetails?>
{
    public async Task<string> Handle(InstallPlugin request, CancellationToken cancellationToken)
    {
        var (manifest, files) = Verify(request.Package);
        if (await db.Plugins.AsNoTracking().SingleOrDefaultAsync(p => p.Id == manifest.Id, cancellationToken) is { } existing)
        {
            throw Refused(new PluginPackageException(PluginRefusal.DuplicateId,
                $"A plugin with the id \"{manifest.Id}\" is already installed ({existing.Name}, version {existing.PluginVersion}): upgrade it instead"));
        }

        var now = clock.GetUtcNow();
        var folder = await TryOutAsync(manifest, Unpack(manifest, files), cancellationToken);
        var plugin = InstalledPlugin.Install(manifest, files.ContainsKey(PluginPackage.SignatureName), folder, now);
        db.Plugins.Add(plugin);
        runtime.Apply(plugin, now);
        Announce(plugin);
        return plugin.Id;
    }

    public async Task<Unit> Handle(UpgradePlugin request, CancellationToken cancellationToken)
    {
        var plugin = await FindAsync(request.Id, request.Version, cancellationToken);
        var (manifest, files) = Verify(request.Package);
        if (manifest.Id != plugin.Id)
        {
            throw RequestValidationException.For("Package", $"This package is the plugin \"{manifest.Id}\", not \"{plugin.Id}\"");
        }

        plugin.EnsureCanUpgradeTo(manifest, request.Force);
        var now = clock.GetUtcNow();
        var previousFolder = plugin.Folder;
        var folder = await TryOutAsync(manifest, Unpack(manifest, files), cancellationToken);
        plugin.Upgrade(manifest, files.ContainsKey(PluginPackage.SignatureName), folder, request.Force, now);
        runtime.Apply(plugin, now);
        Announce(plugin);
        DeleteFolder(previousFolder);
        return Unit.Value;
    }

    public async Task<Unit> Handle(EnablePlugin request, CancellationToken cancellationToken)
    {
        var plugin = await FindAsync(request.Id, request.Version, cancellationToken);
        plugin.Enable(clock.GetUtcNow());
        runtime.Apply(plugin, clock.GetUtcNow());
        Announce(plugin);
        return Unit.Value;
    }

    public async Task<Unit> Handle(DisablePlugin request, CancellationToken cancellationToken)
    {
        var plugin = await FindAsync(request.Id, request.Version, cancellationToken);
        plugin.Disable(me.DisplayName, request.Reason.Trim(), clock.GetUtcNow());
        runtime.Stop(plugin.Id);
        Announce(plugin);
        return Unit.Value;
    }

    public async Task<Unit> Handle(UninstallPlugin request, CancellationToken cancellationToken)
    {
        var plugin = await FindAsync(request.Id, request.Version, cancellationToken);
        runtime.Stop(plugin.Id);
        plugin.Uninstall(me.DisplayName, request.Reason.Trim(), clock.GetUtcNow());
        db.Publish(new PluginCoursesWithdrawn(plugin.Id, $"{plugin.Name} was uninstalled: {request.Reason.Trim()}"));
        db.Plugins.Remove(plugin);
        DeleteFolder(plugin.Folder);
        return Unit.Value;
    }

    public async Task<PluginList> Handle(ListPlugins request, CancellationToken cancellationToken)
    {
        var plugins = await db.Plugins.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return new PluginList([.. plugins.Select(p => new PluginRow(p, runtime.IsRunning(p.Id)))], runtime.SafeMode, PluginSdk.Version.ToString(3));
    }

    public async Task<PluginDetails?> Handle(GetPlugin request, CancellationToken cancellationToken)
    {
        if (await db.Plugins.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken) is not { } plugin)
        {
            return null;
        }

        var loaded = runtime.Running.Where(r => r.Key == plugin.Id).Select(r => r.Value).SingleOrDefault();
        return new PluginDetails(plugin, loaded is not null, runtime.SafeMode,
            [.. loaded?.Standards.Select(s => s.Description) ?? []], loaded?.Intake ?? [], loaded?.Courses ?? [],
            loaded is null ? [] : await content.OrganisationProblemsAsync(plugin.Id, cancellationToken));
    }

    /// <summary>Tells the training module what the plugin now offers: its courses while it runs, none when it does not.</summary>
    private void Announce(InstalledPlugin plugin)
    {
        if (runtime.IsRunning(plugin.Id))
        {
            if (runtime.CoursesOf(plugin) is { Count: > 0 } courses)
            {
                db.Publish(new PluginCoursesOffered(plugin.Id, plugin.Name, courses));
            }
        }
        else
        {
            db.Publish(new PluginCoursesWithdrawn(plugin.Id, $"{plugin.Name} is {plugin.Status.ToString().ToLowerInvariant()}: {plugin.StatusReason}"));
        }
    }

    private (PluginManifest Manifest, IReadOnlyDictionary<string, byte[]> Files) Verify(byte[] package)
    {
        try
        {
            using var zip = new MemoryStream(package ?? []);
            var files = PluginPackage.FilesOfZip(zip);
            return (PluginPackage.Verify(files, runtime.Trust, PluginSdk.Version), files);
        }
        catch (PluginPackageException e)
        {
            throw Refused(e);
        }
    }

    /// <summary>
    /// Loads an unpacked plugin on trial, in a context of its own that is unloaded again, and refuses the package when
    /// what it brings would not work here (an organisation not in the register, a course training cannot import): such
    /// a plugin would otherwise show Active while doing less than it says. The running version, if any, is untouched
    /// until the package is accepted. A plugin that does not load at all is left to be recorded as Malfunctioned with
    /// the reason; in safe mode no plugin code runs, so nothing is tried.
    /// </summary>
    private async Task<string> TryOutAsync(PluginManifest manifest, string folder, CancellationToken cancellationToken)
    {
        if (runtime.SafeMode)
        {
            return folder;
        }

        var path = Path.Combine(runtime.Root, folder);
        if (PluginLoader.Load(manifest.Id!, path, manifest.EntryAssembly!, manifest.EntryType!, runtime.Options.CallLimit).Plugin is not { } trial)
        {
            return folder;
        }

        IReadOnlyList<string> problems;
        try
        {
            problems = await content.ProblemsAsync(manifest.Id!, trial, path, cancellationToken);
        }
        finally
        {
            trial.Unload();
        }

        if (problems.Count > 0)
        {
            DeleteFolder(folder);
            throw new RequestValidationException(new Dictionary<string, string[]> { ["Package"] = [.. problems] });
        }

        return folder;
    }

    private static RequestValidationException Refused(PluginPackageException e) =>
        new(new Dictionary<string, string[]> { ["Package"] = [.. e.Problems] });

    /// <summary>Unpacks to a folder of its own per version, so an upgrade never writes over files a running version uses.</summary>
    private string Unpack(PluginManifest manifest, IReadOnlyDictionary<string, byte[]> files)
    {
        var folder = Path.Combine(manifest.Id!, $"{manifest.Version}-{Guid.NewGuid():N}"[..(manifest.Version!.Length + 9)]);
        var root = Path.Combine(runtime.Root, folder);
        foreach (var (name, bytes) in files)
        {
            var path = Path.GetFullPath(Path.Combine(root, name));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw RequestValidationException.For("Package", $"{name}: This file's path leads outside the package");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }

        return folder;
    }

    private void DeleteFolder(string folder)
    {
        var path = Path.Combine(runtime.Root, folder);
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held by the unloading context: the folder is left behind, harmlessly, to be removed by hand.
        }
    }

    private async Task<InstalledPlugin> FindAsync(string id, int version, CancellationToken cancellationToken)
    {
        var plugin = await db.Plugins.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("There is no such plugin installed.");
        db.ExpectVersion(plugin, version);
        return plugin;
    }
}
