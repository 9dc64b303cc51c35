using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Phso.Modules.Plugins.Packages;

namespace Phso.Modular.Tests.Plugins;

/// <summary>The test plugins under tests/TestPlugins, built with the tests (same configuration), copied to a folder
/// of their own as an installed plugin would be.</summary>
internal static class TestPlugins
{
    public const string Faulty = "Phso.TestPlugins.Faulty";
    public const string ReferencesHost = "Phso.TestPlugins.ReferencesHost";
    public const string WithLibrary = "Phso.TestPlugins.WithLibrary";

    public static string BuiltFolder(string project)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = RepositoryRoot();
        var folder = Path.Combine(root, "tests", "TestPlugins", project, "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(folder, project + ".dll")) ? folder : throw new InvalidOperationException($"{project} has not been built: {folder}");
    }

    public static string RepositoryRoot()
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

    /// <summary>A package of a built test plugin, as a publisher makes one: its files, a manifest listing them with their
    /// SHA-256, and a signature over the manifest (none when <paramref name="key"/> is null).</summary>
    public static byte[] Package(string entryType, ECDsa? key, string id = "test-plugin", string version = "1.0.0", string publisher = PluginHostFactory.Publisher,
        string project = Faulty, Action<JsonObject>? change = null, IReadOnlyDictionary<string, byte[]>? extra = null)
    {
        var files = Directory.GetFiles(BuiltFolder(project)).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        foreach (var (name, content) in extra ?? new Dictionary<string, byte[]>())
        {
            files[name] = content;
        }

        var manifest = new JsonObject
        {
            ["id"] = id,
            ["name"] = $"Test plugin {id}",
            ["version"] = version,
            ["publisher"] = publisher,
            ["minimumSdkVersion"] = "1.0.0",
            ["maximumSdkVersion"] = "1.99.0",
            ["entryAssembly"] = project + ".dll",
            ["entryType"] = entryType,
            ["extensionPoints"] = new JsonArray("complaint-standard"),
            ["files"] = new JsonObject(files.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(Convert.ToHexStringLower(SHA256.HashData(f.Value)))))),
        };
        change?.Invoke(manifest);
        var bytes = Encoding.UTF8.GetBytes(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        files[PluginPackage.ManifestName] = bytes;
        if (key is not null)
        {
            files[PluginPackage.SignatureName] = key.SignData(bytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }

        return Training.Packages.Zip(files);
    }

    /// <summary>A sample plugin's package, as the build packed and signed it.</summary>
    public static byte[] Sample(string project, string id)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return File.ReadAllBytes(Path.Combine(RepositoryRoot(), "plugins", project, "bin", configuration, "net10.0", "package", id + ".zip"));
    }
}
