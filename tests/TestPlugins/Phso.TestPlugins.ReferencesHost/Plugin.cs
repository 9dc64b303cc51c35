using Phso.Plugins.Abstractions;

namespace Phso.TestPlugins.ReferencesHost;

/// <summary>Uses a host type, which a plugin may not.</summary>
public sealed class Plugin : IPartnerPlugin
{
    public void Register(IPluginRegistry registry) => _ = Phso.SharedKernel.Security.Roles.StaffRoles.Count;
}
