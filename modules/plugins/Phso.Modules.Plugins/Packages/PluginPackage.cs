using System.Security.Cryptography;
using System.Text.Json;
using Phso.SharedKernel.Files;

namespace Phso.Modules.Plugins.Packages;

/// <summary>
/// Checks a plugin package before any of its code is loaded: the manifest's schema, the publisher's signature over the
/// manifest, the SHA-256 of every file against the manifest, and the SDK version range. The signature covers the
/// manifest and the manifest covers every file, so one signature vouches for the whole package.
/// </summary>
public static class PluginPackage
{
    public const string ManifestName = "plugin.json";
    public const string SignatureName = "plugin.sig";
    public const string SdkAssembly = "Phso.Plugins.Abstractions.dll";
    public static readonly ZipLimits Limits = new(MaxFiles: 500, MaxFileBytes: 20 * 1024 * 1024, MaxTotalBytes: 50 * 1024 * 1024);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads a package zip. Throws <see cref="PluginPackageException"/> for an unsafe or oversized zip.</summary>
    public static IReadOnlyDictionary<string, byte[]> FilesOfZip(Stream zip)
    {
        try
        {
            return SafeZip.Read(zip, Limits);
        }
        catch (SafeZipException e)
        {
            throw new PluginPackageException(e.Problem == "The file is not a zip file" ? PluginRefusal.Malformed : PluginRefusal.UnsafeZip, $"{e.Path}: {e.Problem}");
        }
    }

    /// <summary>Verifies a package's files. Throws <see cref="PluginPackageException"/> with the first kind of problem
    /// found and every problem of that kind.</summary>
    /// <param name="files">The package's files by relative path.</param>
    /// <param name="trust">The publishers' keys this platform trusts, and whether unsigned packages are allowed.</param>
    /// <param name="sdk">This platform's SDK version.</param>
    public static PluginManifest Verify(IReadOnlyDictionary<string, byte[]> files, PluginTrust trust, Version sdk)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(sdk);
        if (!files.TryGetValue(ManifestName, out var manifestBytes))
        {
            throw new PluginPackageException(PluginRefusal.Malformed, "The package has no plugin.json at its top level");
        }

        PluginManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(manifestBytes, Json) ?? throw new JsonException("plugin.json is empty");
        }
        catch (JsonException e)
        {
            throw new PluginPackageException(PluginRefusal.Malformed, $"plugin.json{(e.LineNumber is { } line ? $" line {line + 1}" : "")}: {Plain(e.Message)}");
        }

        var problems = SchemaProblems(manifest, files).ToList();
        if (problems.Count > 0)
        {
            throw new PluginPackageException(PluginRefusal.Malformed, problems);
        }

        VerifySignature(manifest, manifestBytes, files.GetValueOrDefault(SignatureName), trust);

        var hashProblems = (from listed in manifest.Files!
                            let actual = files.TryGetValue(listed.Key, out var bytes) ? Convert.ToHexStringLower(SHA256.HashData(bytes)) : null
                            where actual is null || !string.Equals(actual, listed.Value, StringComparison.OrdinalIgnoreCase)
                            select actual is null ? $"{listed.Key} is listed in plugin.json but not in the package" : $"{listed.Key} does not match its SHA-256 in plugin.json: it was changed after the package was made")
            .Concat(files.Keys.Where(f => f is not ManifestName and not SignatureName && !manifest.Files!.ContainsKey(f))
                .Select(f => $"{f} is in the package but not listed in plugin.json"))
            .ToList();
        if (hashProblems.Count > 0)
        {
            throw new PluginPackageException(PluginRefusal.HashMismatch, hashProblems);
        }

        if (sdk < manifest.ParsedMinimumSdk! || sdk > manifest.ParsedMaximumSdk!)
        {
            throw new PluginPackageException(PluginRefusal.Incompatible,
                $"The plugin works with SDK versions {manifest.MinimumSdkVersion} to {manifest.MaximumSdkVersion}; this platform's SDK is {sdk.ToString(3)}");
        }

        return manifest;
    }

    private static IEnumerable<string> SchemaProblems(PluginManifest m, IReadOnlyDictionary<string, byte[]> files)
    {
        if (string.IsNullOrWhiteSpace(m.Id) || m.Id.Length > 100 || !m.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
        {
            yield return "plugin.json: \"id\" must be 1 to 100 lower-case letters, digits, dots or hyphens, for example \"coldharbour-complaint-standard\"";
        }

        if (string.IsNullOrWhiteSpace(m.Name) || m.Name.Length > 200)
        {
            yield return "plugin.json: \"name\" must be 1 to 200 characters";
        }

        if (string.IsNullOrWhiteSpace(m.Publisher) || m.Publisher.Length > 200)
        {
            yield return "plugin.json: \"publisher\" must be 1 to 200 characters";
        }

        foreach (var (field, value, parsed) in new[] { ("version", m.Version, m.ParsedVersion), ("minimumSdkVersion", m.MinimumSdkVersion, m.ParsedMinimumSdk), ("maximumSdkVersion", m.MaximumSdkVersion, m.ParsedMaximumSdk) })
        {
            if (parsed is null)
            {
                yield return $"plugin.json: \"{field}\" must be a version such as 1.0.0{(value is null ? "" : $", not \"{value}\"")}";
            }
        }

        if (m.ParsedMinimumSdk is { } min && m.ParsedMaximumSdk is { } max && min > max)
        {
            yield return "plugin.json: \"minimumSdkVersion\" is higher than \"maximumSdkVersion\"";
        }

        if (string.IsNullOrWhiteSpace(m.EntryAssembly) || !m.EntryAssembly.EndsWith(".dll", StringComparison.Ordinal) || m.EntryAssembly.Contains('/', StringComparison.Ordinal))
        {
            yield return "plugin.json: \"entryAssembly\" must name a .dll at the package's top level";
        }
        else if (!files.ContainsKey(m.EntryAssembly))
        {
            yield return $"plugin.json: the entry assembly \"{m.EntryAssembly}\" is not in the package";
        }

        if (string.IsNullOrWhiteSpace(m.EntryType))
        {
            yield return "plugin.json: \"entryType\" must name the class that implements IPartnerPlugin";
        }

        if (m.ExtensionPoints is not { Count: > 0 } || m.ExtensionPoints.Any(p => !ExtensionPointNames.All.Contains(p)))
        {
            yield return $"plugin.json: \"extensionPoints\" must list one or more of {string.Join(", ", ExtensionPointNames.All.Select(p => $"\"{p}\""))}";
        }

        // dotnet publish copies the SDK into the output. A plugin carrying its own copy would implement that copy's
        // IPartnerPlugin, not the platform's, and could not be loaded: say so now rather than at load.
        if (files.Keys.FirstOrDefault(f => string.Equals(Path.GetFileName(f), SdkAssembly, StringComparison.OrdinalIgnoreCase)) is { } sdkCopy)
        {
            yield return $"{sdkCopy}: the package contains the plugin SDK itself. Leave it out: the platform provides {SdkAssembly}, and a plugin with its own copy " +
                "cannot be loaded. Reference the SDK with ExcludeAssets=\"runtime\" in your .csproj (docs/plugins.md, step 1) and build again, or leave the file out when you pack";
        }

        if (m.Files is not { Count: > 0 })
        {
            yield return "plugin.json: \"files\" must list every file in the package with its SHA-256";
        }
        else if (m.Files.Values.Any(h => h is not { Length: 64 } || !h.All(char.IsAsciiHexDigit)))
        {
            yield return "plugin.json: each entry in \"files\" must be a SHA-256 in hexadecimal (64 characters)";
        }
    }

    /// <summary>The signature is an ECDSA P-256 / SHA-256 signature over plugin.json's exact bytes, in the DER form
    /// <c>openssl dgst -sha256 -sign</c> writes, by a key trusted for the manifest's publisher.</summary>
    private static void VerifySignature(PluginManifest manifest, byte[] manifestBytes, byte[]? signature, PluginTrust trust)
    {
        if (signature is null)
        {
            if (trust.AllowUnsigned)
            {
                return;
            }

            throw new PluginPackageException(PluginRefusal.NotSigned, "The package is not signed (no plugin.sig): only signed plugins can be installed");
        }

        var keys = trust.KeysFor(manifest.Publisher!);
        if (keys.Count == 0)
        {
            throw new PluginPackageException(PluginRefusal.Untrusted,
                $"No key is trusted for the publisher \"{manifest.Publisher}\": an admin must add the publisher's public key to the configuration (Plugins:TrustedKeys) first");
        }

        foreach (var key in keys)
        {
            using var ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportFromPem(key.PublicKeyPem);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (ecdsa.VerifyData(manifestBytes, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            {
                return;
            }
        }

        throw new PluginPackageException(PluginRefusal.BadSignature,
            $"The signature does not match plugin.json for any key trusted for \"{manifest.Publisher}\": the package was changed after signing, or signed with another key");
    }

    private static string Plain(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}

/// <summary>The publishers' public keys this platform trusts (configuration <c>Plugins:TrustedKeys</c>), and whether
/// unsigned packages are allowed (only ever in Development, and only when configured).</summary>
public sealed class PluginTrust
{
    public IReadOnlyList<TrustedKey> Keys { get; init; } = [];

    public bool AllowUnsigned { get; init; }

    public IReadOnlyList<TrustedKey> KeysFor(string publisher) =>
        [.. Keys.Where(k => string.Equals(k.Publisher, publisher, StringComparison.Ordinal))];
}

/// <summary>A publisher's public key, PEM (-----BEGIN PUBLIC KEY-----), ECDSA P-256.</summary>
public sealed record TrustedKey(string Publisher, string PublicKeyPem);

/// <summary>Why a package was refused.</summary>
public enum PluginRefusal
{
    Malformed,
    UnsafeZip,
    NotSigned,
    BadSignature,
    Untrusted,
    HashMismatch,
    Incompatible,
    DuplicateId,
}

public sealed class PluginPackageException : Exception
{
    public PluginPackageException(PluginRefusal refusal, params IReadOnlyList<string> problems)
        : base(string.Join("\n", problems))
    {
        Refusal = refusal;
        Problems = problems;
    }

    public PluginRefusal Refusal { get; }

    public IReadOnlyList<string> Problems { get; }
}
