using System.Security.Cryptography;
using Phso.Modular.Tests.Infrastructure;

namespace Phso.Modular.Tests.Plugins;

/// <summary>A host that trusts one test publisher's key (made afresh for each host) and gives plugin calls two seconds.</summary>
public sealed class PluginHostFactory : PhsoFactory
{
    public const string Publisher = "Test Publisher Ltd";

    public PluginHostFactory()
    {
        Trust(Key);
    }

    /// <summary>Another start of an existing deployment (same data folder), trusting the same key.</summary>
    internal PluginHostFactory(string dataFolder, ECDsa key, bool safeMode)
        : base(dataFolder)
    {
        Key = key;
        Trust(key);
        Settings["Plugins:SafeMode"] = safeMode ? "true" : "false";
    }

    private void Trust(ECDsa key)
    {
        Settings["Plugins:TrustedKeys:0:Publisher"] = Publisher;
        Settings["Plugins:TrustedKeys:0:PublicKeyPem"] = key.ExportSubjectPublicKeyInfoPem();
        Settings["Plugins:CallTimeoutSeconds"] = "2";

        // The sample plugins' publisher, signed by the build with the repository's test key.
        Settings["Plugins:TrustedKeys:1:Publisher"] = "Phso.Modular samples (test key)";
        Settings["Plugins:TrustedKeys:1:PublicKeyPem"] = File.ReadAllText(Path.Combine(TestPlugins.RepositoryRoot(), "plugins", "test-signing-key.pub.pem"));
    }

    public ECDsa Key { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);
}
