namespace Phso.Modules.Plugins.Contracts;

/// <summary>Where a partner plugin stands.</summary>
public enum PluginStatus
{
    /// <summary>Loaded and in use.</summary>
    Active,

    /// <summary>Installed but switched off by an admin (or by safe mode).</summary>
    Disabled,

    /// <summary>Made for another version of the plugin SDK than this platform's.</summary>
    Incompatible,

    /// <summary>Failed at load, at registration or repeatedly when called; switched off with the reason recorded.</summary>
    Malfunctioned,
}
