using Phso.Modules.Plugins.Packages;

namespace Phso.Modules.Plugins.Runtime;

/// <summary>Configuration section <c>Plugins</c>.</summary>
public sealed class PluginOptions
{
    /// <summary>Start with every plugin off (also the host's <c>--safe-mode</c> switch). Nothing stored changes: turning
    /// safe mode off brings back every plugin that was on.</summary>
    public bool SafeMode { get; set; }

    /// <summary>The publishers' public keys an admin trusts.</summary>
    public List<TrustedKey> TrustedKeys { get; set; } = [];

    /// <summary>Accept unsigned packages. Honoured only in the Development environment.</summary>
    public bool AllowUnsigned { get; set; }

    /// <summary>How long plugin code may take for one call (creating, registering, describing, assessing).</summary>
    public double CallTimeoutSeconds { get; set; } = 2;

    /// <summary>How many calls in a row may fail before the plugin is switched off as Malfunctioned.</summary>
    public int FailuresBeforeSwitchOff { get; set; } = 3;

    /// <summary>Where installed plugins are unpacked; default <c>plugins</c> in the data folder.</summary>
    public string? Folder { get; set; }

    /// <summary>How often a running host looks for changes made from the command line (another process); 0 turns
    /// the check off. A change is acted on when two checks in a row see it, so one in flight here is never undone.</summary>
    public int SyncIntervalSeconds { get; set; } = 15;

    public TimeSpan CallLimit => TimeSpan.FromSeconds(CallTimeoutSeconds);
}
