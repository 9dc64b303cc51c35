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

namespace Phso.Modules.Plugins.Features.Lifecycle;

// A plugin's life, the same from the admin page and the command line: install, enable, disable, upgrade, uninstall.
// Each step is audited (the record's history) and takes effect at once, without a restart.

/// <summary>What the lifecycle requests share: verifying and unpacking a package, trying it out, announcing a change to the
/// runtime and to other modules, and finding an installed plugin at the version the admin saw.</summary>
internal sealed class PluginInstallation(PluginsDbContext db, PluginRuntime runtime, PluginContent content)
{
    /// <summary>Tells the training module what the plugin now offers: its courses while it runs, none when it does not.</summary>
    public void Announce(InstalledPlugin plugin)
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

    public (PluginManifest Manifest, IReadOnlyDictionary<string, byte[]> Files) Verify(byte[] package)
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
    public async Task<string> TryOutAsync(PluginManifest manifest, string folder, CancellationToken cancellationToken)
    {
        if (runtime.SafeMode)
        {
            return folder;
        }

        var path = Path.Combine(runtime.Root, folder);
        if ((await PluginLoader.LoadAsync(manifest.Id!, path, manifest.EntryAssembly!, manifest.EntryType!, runtime.Options.CallLimit)).Plugin is not { } trial)
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
            throw RequestValidationException.For<IPluginPackageRequest>(r => r.Package, problems);
        }

        return folder;
    }

    public static RequestValidationException Refused(PluginPackageException e) =>
        RequestValidationException.For<IPluginPackageRequest>(r => r.Package, e.Problems);

    /// <summary>Unpacks to a folder of its own per version, so an upgrade never writes over files a running version uses.</summary>
    public string Unpack(PluginManifest manifest, IReadOnlyDictionary<string, byte[]> files)
    {
        var folder = Path.Combine(manifest.Id!, $"{manifest.Version}-{Guid.NewGuid():N}"[..(manifest.Version!.Length + 9)]);
        var root = Path.Combine(runtime.Root, folder);
        foreach (var (name, bytes) in files)
        {
            var path = Path.GetFullPath(Path.Combine(root, name));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw RequestValidationException.For<IPluginPackageRequest>(r => r.Package, $"{name}: This file's path leads outside the package");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }

        return folder;
    }

    public void DeleteFolder(string folder)
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

    public async Task<InstalledPlugin> FindAsync(string id, int version, CancellationToken cancellationToken)
    {
        var plugin = await db.Plugins.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("There is no such plugin installed.");
        db.ExpectVersion(plugin, version);
        return plugin;
    }
}
