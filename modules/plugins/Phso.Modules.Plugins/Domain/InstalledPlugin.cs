using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Packages;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Plugins.Domain;

/// <summary>
/// An installed plugin: what its manifest says, where its files are, whether an admin wants it on, and where it stands
/// (Active, Disabled, Incompatible, Malfunctioned) with the reason. Every change is audited.
/// </summary>
public sealed class InstalledPlugin : IVersioned
{
    private InstalledPlugin()
    {
    }

    public string Id { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public string Publisher { get; private set; } = "";

    public string PluginVersion { get; private set; } = "";

    public string MinimumSdkVersion { get; private set; } = "";

    public string MaximumSdkVersion { get; private set; } = "";

    public string EntryAssembly { get; private set; } = "";

    public string EntryType { get; private set; } = "";

    /// <summary>Comma-separated extension points, as the manifest lists them.</summary>
    public string ExtensionPoints { get; private set; } = "";

    /// <summary>Whether the package was signed by a trusted key (false only where unsigned packages are allowed).</summary>
    public bool IsSigned { get; private set; }

    /// <summary>The folder its files were unpacked to, relative to the plugins folder.</summary>
    public string Folder { get; private set; } = "";

    /// <summary>Whether an admin wants it switched on.</summary>
    public bool Enabled { get; private set; }

    public PluginStatus Status { get; private set; }

    /// <summary>Why it is not Active, in words for an admin.</summary>
    public string? StatusReason { get; private set; }

    public DateTimeOffset InstalledAt { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public int Version { get; set; }

    public Version ParsedVersion => PluginManifest.Parse(PluginVersion)!;

    public static InstalledPlugin Install(PluginManifest manifest, bool isSigned, string folder, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var plugin = new InstalledPlugin { Id = manifest.Id!, InstalledAt = at, Enabled = true };
        plugin.Take(manifest, isSigned, folder, at);
        return plugin;
    }

    /// <summary>Replaces the plugin with another version of it; its data (keyed by its id) is kept.</summary>
    public void Upgrade(PluginManifest manifest, bool isSigned, string folder, bool force, DateTimeOffset at)
    {
        EnsureCanUpgradeTo(manifest, force);
        Take(manifest, isSigned, folder, at);
    }

    /// <summary>Refuses the same version, and an older one unless forced.</summary>
    public void EnsureCanUpgradeTo(PluginManifest manifest, bool force)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var incoming = manifest.ParsedVersion!;
        if (incoming == ParsedVersion)
        {
            throw new RuleViolationException($"Version {PluginVersion} of {Name} is already installed.");
        }

        if (incoming < ParsedVersion && !force)
        {
            throw new RuleViolationException($"Version {manifest.Version} is older than the installed {PluginVersion}: a downgrade must be forced.");
        }
    }

    public void Enable(DateTimeOffset at)
    {
        if (Enabled && Status == PluginStatus.Active)
        {
            throw new RuleViolationException($"{Name} is already enabled.");
        }

        Enabled = true;
        ChangedAt = at;
    }

    /// <summary>Switches the plugin off; who did it and why is its status reason (and so in its history).</summary>
    public void Disable(string by, string reason, DateTimeOffset at)
    {
        if (!Enabled)
        {
            throw new RuleViolationException($"{Name} is already disabled.");
        }

        Enabled = false;
        MarkStatus(PluginStatus.Disabled, $"Disabled by {by}: {reason}", at);
    }

    /// <summary>Records who uninstalled the plugin and why, as the last state of the record before it is removed.</summary>
    public void Uninstall(string by, string reason, DateTimeOffset at)
    {
        Enabled = false;
        MarkStatus(PluginStatus.Disabled, $"Uninstalled by {by}: {reason}", at);
    }

    /// <summary>Records where the plugin stands after the platform tried (or declined) to run it.</summary>
    public void MarkStatus(PluginStatus status, string? reason, DateTimeOffset at)
    {
        if (Status == status && StatusReason == reason)
        {
            return;
        }

        Status = status;
        StatusReason = reason;
        ChangedAt = at;
    }

    private void Take(PluginManifest manifest, bool isSigned, string folder, DateTimeOffset at)
    {
        Name = manifest.Name!.Trim();
        Description = manifest.Description?.Trim();
        Publisher = manifest.Publisher!.Trim();
        PluginVersion = manifest.Version!;
        MinimumSdkVersion = manifest.MinimumSdkVersion!;
        MaximumSdkVersion = manifest.MaximumSdkVersion!;
        EntryAssembly = manifest.EntryAssembly!;
        EntryType = manifest.EntryType!;
        ExtensionPoints = string.Join(",", manifest.ExtensionPoints!);
        IsSigned = isSigned;
        Folder = folder;
        ChangedAt = at;
    }
}
