using Phso.Plugins.Abstractions;

namespace Phso.TestPlugins.Faulty;

/// <summary>A plugin that works: a standard for the demo's Coldharbour trust, acknowledge in 3 working days.</summary>
public sealed class Working : IPartnerPlugin
{
    public void Register(IPluginRegistry registry) => registry.AddComplaintStandard(new Standard());

    internal sealed class Standard : IComplaintStandard
    {
        public ComplaintStandardDescription Describe() => new(
            "Test standard", "For tests.", ["Coldharbour Teaching Hospitals NHS Trust"], Nation.EnglandAndWales,
            [new StandardStage("Acknowledge", Milestones.Complained, Milestones.Acknowledged, new Period(3, DayCounting.WorkingDays))], []);

        public IReadOnlyList<StandardFinding> Assess(ComplaintHistory history) => [new StandardFinding("Checked by the test plugin.", true)];
    }
}

/// <summary>Counts the checks it is asked for, so a test can see when the platform asks again.</summary>
public sealed class CountsCalls : IPartnerPlugin
{
    private static int _calls;

    public void Register(IPluginRegistry registry) => registry.AddComplaintStandard(new Standard());

    internal sealed class Standard : IComplaintStandard
    {
        public ComplaintStandardDescription Describe() => new(
            "Counting standard", "For tests.", ["Coldharbour Teaching Hospitals NHS Trust"], Nation.EnglandAndWales,
            [new StandardStage("Acknowledge", Milestones.Complained, Milestones.Acknowledged, new Period(3, DayCounting.WorkingDays))], []);

        public IReadOnlyList<StandardFinding> Assess(ComplaintHistory history) => [new StandardFinding($"Check number {Interlocked.Increment(ref _calls)}.", null)];
    }
}

/// <summary>Throws as soon as it is created.</summary>
public sealed class ThrowsAtLoad : IPartnerPlugin
{
    public ThrowsAtLoad() => throw new InvalidOperationException("The test plugin failed to start.");

    public void Register(IPluginRegistry registry)
    {
    }
}

/// <summary>Throws when asked to register.</summary>
public sealed class ThrowsAtRegistration : IPartnerPlugin
{
    public void Register(IPluginRegistry registry) => throw new InvalidOperationException("The test plugin cannot register.");
}

/// <summary>Registers, then throws whenever it is called.</summary>
public sealed class ThrowsAtCall : IPartnerPlugin
{
    public void Register(IPluginRegistry registry) => registry.AddComplaintStandard(new Standard());

    internal sealed class Standard : IComplaintStandard
    {
        public ComplaintStandardDescription Describe() => new Working.Standard().Describe();

        public IReadOnlyList<StandardFinding> Assess(ComplaintHistory history) => throw new InvalidOperationException("The test plugin failed during a call.");
    }
}

/// <summary>Registers, then never returns when called.</summary>
public sealed class HangsAtCall : IPartnerPlugin
{
    public void Register(IPluginRegistry registry) => registry.AddComplaintStandard(new Standard());

    internal sealed class Standard : IComplaintStandard
    {
        public ComplaintStandardDescription Describe() => new Working.Standard().Describe();

        public IReadOnlyList<StandardFinding> Assess(ComplaintHistory history)
        {
            Thread.Sleep(Timeout.Infinite);
            return [];
        }
    }
}

/// <summary>Never returns from registration.</summary>
public sealed class HangsAtRegistration : IPartnerPlugin
{
    public void Register(IPluginRegistry registry) => Thread.Sleep(Timeout.Infinite);
}

/// <summary>Names the organisations listed in names.txt beside it (one a line), so a test chooses them: a standard for
/// them and, when the package has courses/test-course, a course for their handlers.</summary>
public sealed class NamesOrganisationsFromFile : IPartnerPlugin
{
    public void Register(IPluginRegistry registry)
    {
        var folder = Path.GetDirectoryName(typeof(NamesOrganisationsFromFile).Assembly.Location)!;
        var names = File.ReadAllLines(Path.Combine(folder, "names.txt")).Where(n => n.Trim().Length > 0).ToList();
        registry.AddComplaintStandard(new Standard(names));
        if (Directory.Exists(Path.Combine(folder, "courses", "test-course")))
        {
            registry.AddCourse(new PluginCourse("courses/test-course", names));
        }
    }

    internal sealed class Standard(IReadOnlyList<string> names) : IComplaintStandard
    {
        public ComplaintStandardDescription Describe() => new(
            "Named standard", "For tests.", names, Nation.EnglandAndWales,
            [new StandardStage("Acknowledge", Milestones.Complained, Milestones.Acknowledged, new Period(3, DayCounting.WorkingDays), Note: "Sooner when the person is at risk.")], []);

        public IReadOnlyList<StandardFinding> Assess(ComplaintHistory history) => [];
    }
}
