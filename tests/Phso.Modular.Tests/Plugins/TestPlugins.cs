namespace Phso.Modular.Tests.Plugins;

/// <summary>The test plugins under tests/TestPlugins, built with the tests (same configuration), copied to a folder
/// of their own as an installed plugin would be.</summary>
internal static class TestPlugins
{
    public const string Faulty = "Phso.TestPlugins.Faulty";
    public const string ReferencesHost = "Phso.TestPlugins.ReferencesHost";

    public static string BuiltFolder(string project)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = RepositoryRoot();
        var folder = Path.Combine(root, "tests", "TestPlugins", project, "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(folder, project + ".dll")) ? folder : throw new InvalidOperationException($"{project} has not been built: {folder}");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Phso.Modular.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Phso.Modular.sln was not found above the tests' folder.");
    }

    /// <summary>A fresh copy of a test plugin's files, as the installer lays them out.</summary>
    public static string InstalledCopy(string project)
    {
        var target = Path.Combine(Path.GetTempPath(), "phso-plugin-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(BuiltFolder(project)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }
}
