using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Phso.Modules.Plugins.Loading;

/// <summary>
/// Reads a plugin's assemblies without running them: each may reference only the SDK, the .NET base library and the
/// plugin's own assemblies. A plugin referencing the host, a module or a framework such as ASP.NET is refused before
/// any of its code is loaded, with the reference named.
/// </summary>
internal static class PluginAssemblies
{
    public const string SdkName = "Phso.Plugins.Abstractions";

    /// <summary>The problems with the assemblies in <paramref name="folder"/>; empty when they are all allowed.</summary>
    public static IReadOnlyList<string> Check(string folder)
    {
        var dlls = Directory.GetFiles(folder, "*.dll", SearchOption.TopDirectoryOnly);
        var own = dlls.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var dll in dlls.Order(StringComparer.Ordinal))
        {
            try
            {
                using var stream = File.OpenRead(dll);
                using var pe = new PEReader(stream);
                if (!pe.HasMetadata)
                {
                    continue;
                }

                var metadata = pe.GetMetadataReader();
                foreach (var handle in metadata.AssemblyReferences)
                {
                    var name = metadata.GetString(metadata.GetAssemblyReference(handle).Name);
                    if (name != SdkName && !IsBaseLibrary(name) && !own.Contains(name))
                    {
                        problems.Add($"{Path.GetFileName(dll)} references {name}, which is neither the SDK nor part of the plugin: a plugin may reference only {SdkName} and the .NET base library");
                    }
                }
            }
            catch (BadImageFormatException)
            {
                problems.Add($"{Path.GetFileName(dll)} is not a .NET assembly");
            }
        }

        return problems;
    }

    public static bool IsBaseLibrary(string name) =>
        name is "netstandard" or "mscorlib" or "System" || name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal)
        || name == "Microsoft.VisualBasic" || name == "Microsoft.CSharp";
}
