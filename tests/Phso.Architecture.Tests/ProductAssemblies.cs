namespace Phso.Architecture.Tests;

/// <summary>The product's built assemblies (host, shared kernel, modules) and any built plugins, read once.</summary>
public static class ProductAssemblies
{
    private static readonly Lazy<IReadOnlyList<AssemblyFacts>> Product = new(() =>
        Directory.GetFiles(AppContext.BaseDirectory, "Phso.*.dll")
            .Where(path => !Path.GetFileName(path).StartsWith("Phso.Architecture.Tests", StringComparison.Ordinal))
            .Select(AssemblyFacts.Read)
            .ToList());

    public static IReadOnlyList<AssemblyFacts> All => Product.Value;

    /// <summary>Plugin assemblies built under plugins/ (each plugin's own assembly, not the SDK it ships with).</summary>
    public static IReadOnlyList<AssemblyFacts> Plugins() =>
        Directory.Exists(Path.Combine(RepositoryRoot, "plugins"))
            ? [.. Directory.GetFiles(Path.Combine(RepositoryRoot, "plugins"), "*.dll", SearchOption.AllDirectories)
                .Where(path => path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Where(path => Path.GetFileNameWithoutExtension(path) == Path.GetFileName(Path.GetDirectoryName(path)!.Split($"{Path.DirectorySeparatorChar}bin")[0]))
                .Select(AssemblyFacts.Read)]
            : [];

    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Phso.Modular.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("Phso.Modular.sln was not found above the test's folder.");
        }
    }
}
