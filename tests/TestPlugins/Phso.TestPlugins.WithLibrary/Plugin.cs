using Newtonsoft.Json;
using Phso.Plugins.Abstractions;

namespace Phso.TestPlugins.WithLibrary;

/// <summary>A working plugin whose standard's summary comes through Json.NET, so it runs only if the bundled library loads.</summary>
public sealed class Plugin : IPartnerPlugin
{
    public void Register(IPluginRegistry registry) => registry.AddComplaintStandard(new Standard());

    internal sealed class Standard : IComplaintStandard
    {
        public ComplaintStandardDescription Describe() => new(
            "Library standard", JsonConvert.DeserializeObject<string>("\"Read through a bundled library.\"")!, ["Coldharbour Teaching Hospitals NHS Trust"], Nation.EnglandAndWales,
            [new StandardStage("Acknowledge", Milestones.Complained, Milestones.Acknowledged, new Period(3, DayCounting.WorkingDays))], []);

        public IReadOnlyList<StandardFinding> Assess(ComplaintHistory history) => [];
    }
}
