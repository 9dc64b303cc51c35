using System.Reflection;
using System.Runtime.Loader;

namespace Phso.Modules.Plugins.Loading;

/// <summary>
/// One plugin's own, collectible load context (Jellyfin's way): its assemblies and their dependencies come from its
/// folder, resolved with its <c>.deps.json</c>; only the SDK is shared with the host, so that the plugin's
/// <c>IPartnerPlugin</c> is the host's. Anything else falls to the default context, which is safe only because
/// <see cref="PluginAssemblies.Check"/> has already refused a plugin referencing more than the SDK and the base library.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly string _folder;
    private readonly AssemblyDependencyResolver? _resolver;

    public PluginLoadContext(string id, string entryAssemblyPath)
        : base($"plugin:{id}", isCollectible: true)
    {
        _folder = Path.GetDirectoryName(entryAssemblyPath)!;
        try
        {
            _resolver = new AssemblyDependencyResolver(entryAssemblyPath);
        }
        catch (InvalidOperationException)
        {
            // No .deps.json beside the entry assembly: probe the plugin's folder instead.
            _resolver = null;
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        ArgumentNullException.ThrowIfNull(assemblyName);
        if (assemblyName.Name == PluginAssemblies.SdkName)
        {
            return null;
        }

        var path = _resolver?.ResolveAssemblyToPath(assemblyName);
        if (path is null && assemblyName.Name is { } name && File.Exists(Path.Combine(_folder, name + ".dll")))
        {
            path = Path.Combine(_folder, name + ".dll");
        }

        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver?.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
