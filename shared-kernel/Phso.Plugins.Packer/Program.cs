using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Phso.Plugins.Packer;

/// <summary>
/// <c>Phso.Plugins.Packer --manifest plugin.json --files &lt;folder&gt; [--content &lt;folder&gt;] --key key.pem --out plugin.zip</c>:
/// copies the manifest, fills in <c>files</c> with the SHA-256 of every file in the package, signs the manifest's
/// exact bytes with the ECDSA P-256 private key (the same signature <c>openssl dgst -sha256 -sign</c> makes) into
/// <c>plugin.sig</c>, and zips the lot. The SDK itself is left out: the host provides it.
/// </summary>
public static class Program
{
    /// <summary>The SDK (the host provides it) and this packer, which a build may leave beside the plugin.</summary>
    private static readonly string[] NotPlugin = ["Phso.Plugins.Abstractions.", "Phso.Plugins.Packer."];

    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = Options(args);
        if (!options.TryGetValue("--manifest", out var manifestPath) || !options.TryGetValue("--files", out var filesFolder) || !options.TryGetValue("--out", out var output))
        {
            Console.Error.WriteLine("Usage: Phso.Plugins.Packer --manifest plugin.json --files <build output folder> [--content <folder>] [--key key.pem] --out plugin.zip");
            return 2;
        }

        try
        {
            var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var path in Directory.GetFiles(filesFolder).Where(IsPluginFile))
            {
                files[Path.GetFileName(path)] = File.ReadAllBytes(path);
            }

            if (options.TryGetValue("--content", out var content) && Directory.Exists(content))
            {
                foreach (var path in Directory.GetFiles(content, "*", SearchOption.AllDirectories))
                {
                    files[Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(content).TrimEnd(Path.DirectorySeparatorChar))!, path).Replace('\\', '/')] = File.ReadAllBytes(path);
                }
            }

            var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
            manifest["files"] = new JsonObject(files.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(Convert.ToHexStringLower(SHA256.HashData(f.Value))))));
            var manifestBytes = Encoding.UTF8.GetBytes(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            File.Delete(output);
            using (var zip = ZipFile.Open(output, ZipArchiveMode.Create))
            {
                Add(zip, "plugin.json", manifestBytes);
                if (options.TryGetValue("--key", out var keyPath))
                {
                    using var key = ECDsa.Create();
                    key.ImportFromPem(File.ReadAllText(keyPath));
                    Add(zip, "plugin.sig", key.SignData(manifestBytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
                }

                foreach (var (name, bytes) in files)
                {
                    Add(zip, name, bytes);
                }
            }

            Console.WriteLine($"Packed {files.Count} files into {output}{(options.ContainsKey("--key") ? ", signed" : ", unsigned")}.");
            return 0;
        }
        catch (Exception e) when (e is IOException or JsonException or CryptographicException or ArgumentException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not pack the plugin: {e.Message}");
            return 1;
        }
    }

    /// <summary>The plugin's own assemblies and their dependency file; never the SDK (the host provides it) or build leftovers.</summary>
    private static bool IsPluginFile(string path)
    {
        var name = Path.GetFileName(path);
        return !NotPlugin.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))
            && (name.EndsWith(".dll", StringComparison.Ordinal) || name.EndsWith(".deps.json", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        return options;
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(content);
    }
}
