using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Phso.Modular.Tests.Training;
using Phso.Modules.Plugins.Packages;

namespace Phso.Modular.Tests.Plugins;

/// <summary>A plugin package is checked before any of its code is loaded: schema, signature, hashes, SDK range, and a
/// safe zip. Each refusal says what is wrong.</summary>
public sealed class PluginPackageTests : IDisposable
{
    private const string Publisher = "Coldharbour Teaching Hospitals NHS Trust";
    private static readonly Version Sdk = new(1, 0, 0);
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _key.Dispose();
        _otherKey.Dispose();
    }

    private PluginTrust Trust(bool allowUnsigned = false) => new() { Keys = [new TrustedKey(Publisher, _key.ExportSubjectPublicKeyInfoPem())], AllowUnsigned = allowUnsigned };

    /// <summary>A well-made package: an entry assembly (any bytes: nothing is loaded here), a course file, the manifest
    /// listing both with their hashes, signed with <see cref="_key"/>.</summary>
    private Dictionary<string, byte[]> Package(Action<JsonObject>? change = null, ECDsa? signer = null)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["Coldharbour.Standard.dll"] = [0x4D, 0x5A, 1, 2, 3],
            ["courses/local/course.json"] = "{}"u8.ToArray(),
        };
        var manifest = new JsonObject
        {
            ["id"] = "coldharbour-complaint-standard",
            ["name"] = "Coldharbour complaint standard",
            ["version"] = "1.2.0",
            ["publisher"] = Publisher,
            ["minimumSdkVersion"] = "1.0.0",
            ["maximumSdkVersion"] = "1.9.0",
            ["entryAssembly"] = "Coldharbour.Standard.dll",
            ["entryType"] = "Coldharbour.Standard.Plugin",
            ["extensionPoints"] = new JsonArray("complaint-standard", "courses"),
            ["files"] = new JsonObject(files.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(Convert.ToHexStringLower(SHA256.HashData(f.Value)))))),
        };
        change?.Invoke(manifest);
        var bytes = Encoding.UTF8.GetBytes(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        files[PluginPackage.ManifestName] = bytes;
        files[PluginPackage.SignatureName] = (signer ?? _key).SignData(bytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return files;
    }

    private PluginPackageException Refused(Dictionary<string, byte[]> files, PluginTrust? trust = null, Version? sdk = null) =>
        Assert.Throws<PluginPackageException>(() => PluginPackage.Verify(files, trust ?? Trust(), sdk ?? Sdk));

    [Fact]
    public void A_signed_package_whose_files_match_is_accepted()
    {
        var manifest = PluginPackage.Verify(Package(), Trust(), Sdk);

        Assert.Equal("coldharbour-complaint-standard", manifest.Id);
        Assert.Equal(new Version(1, 2, 0), manifest.ParsedVersion);
    }

    [Fact]
    public void A_package_without_a_manifest_or_with_broken_json_is_malformed()
    {
        var files = Package();
        files.Remove(PluginPackage.ManifestName);
        Assert.Equal("The package has no plugin.json at its top level", Assert.Single(Refused(files).Problems));

        files[PluginPackage.ManifestName] = "{\n  \"id\": \"x\",\n  \"name\": \n}"u8.ToArray();
        var broken = Refused(files);
        Assert.Equal(PluginRefusal.Malformed, broken.Refusal);
        Assert.StartsWith("plugin.json line 4:", Assert.Single(broken.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_schema_problem_is_listed()
    {
        var refused = Refused(Package(m =>
        {
            m["id"] = "Not An Id";
            m["version"] = "1.2";
            m["minimumSdkVersion"] = "2.0.0";
            m["entryAssembly"] = "Missing.dll";
            m["extensionPoints"] = new JsonArray("complaint-standard", "payroll");
            m["surprise"] = true;
        }));

        Assert.Equal(PluginRefusal.Malformed, refused.Refusal);
        Assert.Contains("'surprise'", Assert.Single(refused.Problems), StringComparison.Ordinal);

        refused = Refused(Package(m =>
        {
            m["id"] = "Not An Id";
            m["version"] = "1.2";
            m["minimumSdkVersion"] = "2.0.0";
            m["entryAssembly"] = "Missing.dll";
            m["extensionPoints"] = new JsonArray("complaint-standard", "payroll");
        }));
        Assert.Equal(
            [
                "plugin.json: \"id\" must be 1 to 100 lower-case letters, digits, dots or hyphens, for example \"coldharbour-complaint-standard\"",
                "plugin.json: \"version\" must be a version such as 1.0.0, not \"1.2\"",
                "plugin.json: \"minimumSdkVersion\" is higher than \"maximumSdkVersion\"",
                "plugin.json: the entry assembly \"Missing.dll\" is not in the package",
                "plugin.json: \"extensionPoints\" must list one or more of \"complaint-standard\", \"intake-questions\", \"courses\"",
            ],
            refused.Problems);
    }

    [Fact]
    public void An_unsigned_package_is_refused_unless_unsigned_ones_are_allowed()
    {
        var files = Package();
        files.Remove(PluginPackage.SignatureName);

        Assert.Equal(PluginRefusal.NotSigned, Refused(files).Refusal);
        Assert.Equal("coldharbour-complaint-standard", PluginPackage.Verify(files, Trust(allowUnsigned: true), Sdk).Id);
    }

    [Fact]
    public void A_signature_by_another_key_or_over_a_changed_manifest_is_invalid()
    {
        Assert.Equal(PluginRefusal.BadSignature, Refused(Package(signer: _otherKey)).Refusal);

        var changed = Package();
        changed[PluginPackage.ManifestName] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(changed[PluginPackage.ManifestName]).Replace("1.9.0", "9.9.0", StringComparison.Ordinal));
        var refused = Refused(changed);
        Assert.Equal(PluginRefusal.BadSignature, refused.Refusal);
        Assert.Contains("changed after signing", refused.Message, StringComparison.Ordinal);

        var garbage = Package();
        garbage[PluginPackage.SignatureName] = [1, 2, 3];
        Assert.Equal(PluginRefusal.BadSignature, Refused(garbage).Refusal);
    }

    [Fact]
    public void A_publisher_without_a_trusted_key_is_untrusted()
    {
        var refused = Refused(Package(m => m["publisher"] = "Someone Else Ltd"));

        Assert.Equal(PluginRefusal.Untrusted, refused.Refusal);
        Assert.Contains("No key is trusted for the publisher \"Someone Else Ltd\"", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_changed_added_or_missing_after_the_manifest_was_made_is_a_hash_mismatch()
    {
        var files = Package();
        files["Coldharbour.Standard.dll"] = [0x4D, 0x5A, 9, 9, 9];
        files["extra.dll"] = [1];
        files.Remove("courses/local/course.json");

        var refused = Refused(files);

        Assert.Equal(PluginRefusal.HashMismatch, refused.Refusal);
        Assert.Equal(
            [
                "Coldharbour.Standard.dll does not match its SHA-256 in plugin.json: it was changed after the package was made",
                "courses/local/course.json is listed in plugin.json but not in the package",
                "extra.dll is in the package but not listed in plugin.json",
            ],
            refused.Problems);
    }

    [Theory]
    [InlineData("0.9.0")]
    [InlineData("2.0.0")]
    public void A_platform_sdk_outside_the_plugins_range_is_incompatible(string sdk)
    {
        var refused = Refused(Package(), sdk: Version.Parse(sdk));

        Assert.Equal(PluginRefusal.Incompatible, refused.Refusal);
        Assert.Equal($"The plugin works with SDK versions 1.0.0 to 1.9.0; this platform's SDK is {sdk}", refused.Message);
    }

    [Theory]
    [InlineData("../escape.dll")]
    [InlineData("plugin/../../escape.dll")]
    [InlineData("C:/Windows/escape.dll")]
    public void A_zip_entry_that_escapes_the_folder_is_refused(string path)
    {
        using var zip = new MemoryStream(Packages.Zip(new Dictionary<string, byte[]>(Package()) { [path] = [1] }));

        var refused = Assert.Throws<PluginPackageException>(() => PluginPackage.FilesOfZip(zip));

        Assert.Equal(PluginRefusal.UnsafeZip, refused.Refusal);
        Assert.EndsWith("This file's path leads outside the package", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_that_inflates_beyond_the_limit_is_stopped_while_reading()
    {
        // 21 MB of zeros compresses to a few kilobytes: the limit is on what comes out, not what the zip declares.
        using var zip = new MemoryStream(Packages.Zip(new Dictionary<string, byte[]> { ["plugin.json"] = "{}"u8.ToArray(), ["big.dll"] = new byte[21 * 1024 * 1024] }));
        Assert.True(zip.Length < 1024 * 1024);

        var refused = Assert.Throws<PluginPackageException>(() => PluginPackage.FilesOfZip(zip));

        Assert.Equal(PluginRefusal.UnsafeZip, refused.Refusal);
        Assert.Equal("big.dll: This file is larger than 20 MB", refused.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_malformed()
    {
        using var notZip = new MemoryStream("%PDF-1.4"u8.ToArray());
        Assert.Equal(PluginRefusal.Malformed, Assert.Throws<PluginPackageException>(() => PluginPackage.FilesOfZip(notZip)).Refusal);
    }
}
