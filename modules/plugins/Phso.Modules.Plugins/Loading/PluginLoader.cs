using System.Reflection;
using Phso.Plugins.Abstractions;

namespace Phso.Modules.Plugins.Loading;

/// <summary>
/// Loads one installed plugin from its folder: checks its references, loads every assembly into the plugin's own
/// context and reads every type up front (so a binary mismatch fails now, not in the middle of a caseworker's page),
/// creates the entry type, and asks it to register, each step behind a time limit. Any failure unloads the context and
/// returns the reason; nothing a plugin does can stop the host.
/// </summary>
internal static class PluginLoader
{
    public static async Task<PluginLoadOutcome> LoadAsync(string id, string folder, string entryAssembly, string entryType, TimeSpan limit)
    {
        var references = PluginAssemblies.Check(folder);
        if (references.Count > 0)
        {
            return PluginLoadOutcome.Failed($"Refused at load: {string.Join("; ", references)}");
        }

        var context = new PluginLoadContext(id, Path.Combine(folder, entryAssembly));
        var outcome = await LoadIntoAsync(context, folder, entryAssembly, entryType, limit);
        if (outcome.Plugin is null)
        {
            context.Unload();
        }

        return outcome;
    }

    private static async Task<PluginLoadOutcome> LoadIntoAsync(PluginLoadContext context, string folder, string entryAssembly, string entryType, TimeSpan limit)
    {
        Assembly entry;
        try
        {
            var assemblies = Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal).Select(context.LoadFromAssemblyPath).ToList();
            foreach (var assembly in assemblies)
            {
                _ = assembly.GetTypes();
            }

            entry = assemblies.Single(a => string.Equals(Path.GetFileName(a.Location), entryAssembly, StringComparison.OrdinalIgnoreCase));
        }
        catch (ReflectionTypeLoadException e)
        {
            var first = e.LoaderExceptions.FirstOrDefault(x => x is not null)?.Message ?? e.Message;
            return PluginLoadOutcome.Failed($"Failed at load: its types could not be read ({first}); it may have been built for another SDK");
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            return PluginLoadOutcome.Failed($"Failed at load: {e.Message}");
        }

        var type = entry.GetType(entryType, throwOnError: false);
        if (type is null || !typeof(IPartnerPlugin).IsAssignableFrom(type) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return PluginLoadOutcome.Failed(
                $"Failed at load: {entryAssembly} has no public class {entryType} implementing IPartnerPlugin with a public parameterless constructor");
        }

        var created = await PluginCalls.RunAsync("Creating the plugin", () => (IPartnerPlugin)Activator.CreateInstance(type)!, limit);
        if (!created.Ok)
        {
            return PluginLoadOutcome.Failed($"Failed at load: {created.Failure}");
        }

        var registry = new CollectingRegistry();
        var registered = await PluginCalls.RunAsync("Registering", () =>
        {
            created.Value!.Register(registry);
            return true;
        }, limit);
        if (!registered.Ok)
        {
            return PluginLoadOutcome.Failed($"Failed at registration: {registered.Failure}");
        }

        var standards = new List<RegisteredStandard>();
        foreach (var standard in registry.Standards)
        {
            var described = await PluginCalls.RunAsync("Describing its complaint standard", standard.Describe, limit);
            if (!described.Ok || described.Value is null)
            {
                return PluginLoadOutcome.Failed($"Failed at registration: {described.Failure ?? "its complaint standard described nothing"}");
            }

            standards.Add(new RegisteredStandard(standard, described.Value));
        }

        var problems = Registrations.Problems(standards.Select(s => s.Description), registry.Intake, registry.Courses, folder).ToList();
        return problems.Count > 0
            ? PluginLoadOutcome.Failed($"Failed at registration: {string.Join("; ", problems)}")
            : PluginLoadOutcome.Loaded(new LoadedPlugin(context, standards, registry.Intake, registry.Courses));
    }

    private sealed class CollectingRegistry : IPluginRegistry
    {
        public List<IComplaintStandard> Standards { get; } = [];

        public List<IntakeQuestionSet> Intake { get; } = [];

        public List<PluginCourse> Courses { get; } = [];

        public void AddComplaintStandard(IComplaintStandard standard) => Standards.Add(standard ?? throw new ArgumentNullException(nameof(standard)));

        public void AddIntakeQuestions(IntakeQuestionSet questions) => Intake.Add(questions ?? throw new ArgumentNullException(nameof(questions)));

        public void AddCourse(PluginCourse course) => Courses.Add(course ?? throw new ArgumentNullException(nameof(course)));
    }
}

/// <summary>A loaded plugin: its context (to unload it) and what it registered.</summary>
internal sealed class LoadedPlugin(PluginLoadContext context, IReadOnlyList<RegisteredStandard> standards, IReadOnlyList<IntakeQuestionSet> intake, IReadOnlyList<PluginCourse> courses)
{
    public IReadOnlyList<RegisteredStandard> Standards { get; } = standards;

    public IReadOnlyList<IntakeQuestionSet> Intake { get; } = intake;

    public IReadOnlyList<PluginCourse> Courses { get; } = courses;

    /// <summary>Calls that failed in a row; reset by a call that succeeds. A field, for Interlocked.</summary>
    public int FailureCount;

    public int ConsecutiveFailures
    {
        get => Volatile.Read(ref FailureCount);
        set => Volatile.Write(ref FailureCount, value);
    }

    public void Unload() => context.Unload();

    /// <summary>Each course's package files, read from the plugin's folder, with the course's folder in the package.</summary>
    public IReadOnlyList<(string Folder, Contracts.OfferedCourse Course)> CourseFiles(string pluginFolder) =>
        [.. Courses.Select(course =>
        {
            var folder = Path.Combine(pluginFolder, course.Folder);
            return (course.Folder.Replace('\\', '/').TrimEnd('/'), new Contracts.OfferedCourse(
                Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal),
                course.Organisations));
        })];
}

internal sealed record RegisteredStandard(IComplaintStandard Standard, ComplaintStandardDescription Description);

internal sealed record PluginLoadOutcome(LoadedPlugin? Plugin, string? Failure)
{
    public static PluginLoadOutcome Loaded(LoadedPlugin plugin) => new(plugin, null);

    public static PluginLoadOutcome Failed(string failure) => new(null, failure);
}
