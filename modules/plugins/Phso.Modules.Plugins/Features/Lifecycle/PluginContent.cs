using MediatR;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Loading;
using Phso.Modules.Plugins.Runtime;

namespace Phso.Modules.Plugins.Features.Lifecycle;

/// <summary>
/// What a running plugin brings, checked against the rest of the platform: the organisations it names must be in the
/// register (a name that is not applies the plugin to nobody), and its courses must be ones the training module can
/// import. Install and upgrade refuse a package with any such problem; a problem that appears later (an organisation
/// closed or renamed in the register) is shown on the plugin's page and counted on the admin's home.
/// </summary>
internal sealed class PluginContent(IMediator mediator, PluginRuntime runtime)
{
    /// <summary>Everything that would make a loaded plugin (from <paramref name="folder"/>) do less than it says, with
    /// what to fix.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(string pluginId, LoadedPlugin loaded, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var problems = new List<string>(await MissingOrganisationsAsync(NamedOrganisations(loaded), cancellationToken));
        foreach (var (courseFolder, offered) in loaded.CourseFiles(folder))
        {
            var found = await mediator.Send(new CheckPluginCourse(pluginId, offered.Files), cancellationToken);
            problems.AddRange(found.Select(p => $"{courseFolder}/{p}"));
        }

        return problems;
    }

    /// <summary>The organisations a running plugin names that the register does not have (now), with what to fix.</summary>
    public async Task<IReadOnlyList<string>> OrganisationProblemsAsync(string pluginId, CancellationToken cancellationToken) =>
        (await OrganisationProblemsAsync([pluginId], cancellationToken)).GetValueOrDefault(pluginId, []);

    /// <summary>For each running plugin asked about, the organisations it names that the register does not have.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> OrganisationProblemsAsync(IReadOnlyCollection<string> pluginIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (id, loaded) in runtime.Running.Where(r => pluginIds.Contains(r.Key)))
        {
            if (await MissingOrganisationsAsync(NamedOrganisations(loaded), cancellationToken) is { Count: > 0 } problems)
            {
                result[id] = problems;
            }
        }

        return result;
    }

    private async Task<IReadOnlyList<string>> MissingOrganisationsAsync(List<(string What, string Name)> uses, CancellationToken cancellationToken)
    {
        if (uses.Count == 0)
        {
            return [];
        }

        var registered = (await mediator.Send(new FindOrganisationsByName([.. uses.Select(u => u.Name).Distinct(StringComparer.OrdinalIgnoreCase)]), cancellationToken))
            .Select(o => Tidy(o.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var messages = new List<string>();
        foreach (var use in uses.Where(u => !registered.Contains(Tidy(u.Name))))
        {
            var suggestion = await ClosestAsync(use.Name, cancellationToken);
            messages.Add($"{use.What} names the organisation \"{use.Name}\", which is not an open organisation in the ombudsman's register, so it applies to nobody: " +
                (suggestion is null ? "use the organisation's name exactly as the register gives it" : $"did you mean \"{suggestion}\"? Use the name exactly as the register gives it"));
        }

        return messages;
    }

    private static List<(string What, string Name)> NamedOrganisations(LoadedPlugin plugin) =>
        [.. plugin.Standards.SelectMany(s => (s.Description.Organisations ?? []).Select(o => ($"The standard \"{s.Description.Name}\"", o)))
            .Concat(plugin.Intake.SelectMany(set => (set.Organisations ?? []).Select(o => ("Its questions for the complaint form", o))))
            .Concat(plugin.Courses.SelectMany(c => (c.Organisations ?? []).Select(o => ($"The course in \"{c.Folder}\"", o))))
            .Where(u => !string.IsNullOrWhiteSpace(u.Item2))
            .Distinct()];

    /// <summary>The register's name sharing the most words with a name that is not in it, if any shares a distinctive one.</summary>
    private async Task<string?> ClosestAsync(string name, CancellationToken cancellationToken)
    {
        var words = Words(name).Where(w => w.Length > 3 && !CommonWords.Contains(w)).OrderByDescending(w => w.Length).Take(2).ToList();
        var candidates = new List<string>();
        foreach (var word in words)
        {
            candidates.AddRange((await mediator.Send(new FindOrganisations(NameContains: word, PageSize: 20), cancellationToken)).Items.Select(o => o.Name));
        }

        var wanted = Words(name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return candidates.Distinct().Select(c => (Name: c, Shared: Words(c).Count(wanted.Contains)))
            .Where(c => c.Shared > 0).OrderByDescending(c => c.Shared).ThenBy(c => c.Name.Length).Select(c => c.Name).FirstOrDefault();
    }

    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase) { "trust", "health", "board", "foundation", "the", "and", "department", "council", "service", "services", "hospital", "hospitals" };

    private static string[] Words(string name) => name.Split([' ', ',', '-', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries);

    private static string Tidy(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
