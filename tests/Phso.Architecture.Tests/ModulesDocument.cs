using System.Text.RegularExpressions;

namespace Phso.Architecture.Tests;

/// <summary>What a module calls, publishes and listens to, as the built assemblies say.</summary>
public sealed record ModuleFacts(string Name, IReadOnlySet<string> Calls, IReadOnlySet<string> Publishes, IReadOnlySet<string> ListensTo);

/// <summary>
/// docs/modules.md, checked against the assemblies so that it cannot drift: for each module, a section
/// <c>## name</c> with the lines <c>- **Calls:** a, b</c> (the modules whose contracts it references),
/// <c>- **Publishes:** `EventA`, `EventB`</c> (the integration events its contracts define) and
/// <c>- **Listens to:** `EventC` (module)</c> (the other modules' events it handles). "nothing" stands for none.
/// </summary>
public static partial class ModulesDocument
{
    private const string IntegrationEvent = "Phso.SharedKernel.Messaging.IIntegrationEvent";

    public static IReadOnlyList<ModuleFacts> Facts(IReadOnlyList<AssemblyFacts> assemblies)
    {
        var events = assemblies.Where(a => ArchitectureRules.IsModuleAssembly(a.Name) && ArchitectureRules.IsContracts(a.Name))
            .SelectMany(a => a.Types.Where(t => t.Interfaces.Contains(IntegrationEvent)).Select(t => (Module: ArchitectureRules.ModuleOf(a.Name), Type: t.FullName)))
            .ToList();
        return [.. assemblies.Where(a => ArchitectureRules.IsModuleAssembly(a.Name) && !ArchitectureRules.IsContracts(a.Name))
            .Select(a =>
            {
                var module = ArchitectureRules.ModuleOf(a.Name);
                var name = a.Types.Where(t => t.Interfaces.Contains("Phso.SharedKernel.Modules.IModule")).Select(t => (t.Strings.GetValueOrDefault("Name") is [var first, ..] ? first : null)).FirstOrDefault(n => n is not null)
                    ?? module.ToLowerInvariant();
                var handled = a.Types.SelectMany(t => t.HandledNotifications).ToHashSet(StringComparer.Ordinal);
                return new ModuleFacts(
                    name,
                    a.References.Where(r => ArchitectureRules.IsModuleAssembly(r) && ArchitectureRules.IsContracts(r) && ArchitectureRules.ModuleOf(r) != module)
                        .Select(r => ArchitectureRules.ModuleOf(r).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
                    events.Where(e => e.Module == module).Select(e => Short(e.Type)).ToHashSet(StringComparer.Ordinal),
                    events.Where(e => e.Module != module && handled.Contains(e.Type)).Select(e => $"{Short(e.Type)} ({e.Module.ToLowerInvariant()})").ToHashSet(StringComparer.Ordinal));
            })];
    }

    /// <summary>Every way the document and the assemblies differ, each saying what to write.</summary>
    public static IEnumerable<string> Differences(string document, IReadOnlyList<ModuleFacts> facts)
    {
        var sections = Section().Matches(document).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["body"].Value, StringComparer.Ordinal);
        foreach (var module in facts)
        {
            if (!sections.TryGetValue(module.Name, out var body))
            {
                yield return $"docs/modules.md has no section \"## {module.Name}\".";
                continue;
            }

            foreach (var (label, actual) in new[] { ("Calls", module.Calls), ("Publishes", module.Publishes), ("Listens to", module.ListensTo) })
            {
                var line = Regex.Match(body, $@"^- \*\*{label}:\*\* (?<items>.*)$", RegexOptions.Multiline);
                var written = line.Success ? Items(line.Groups["items"].Value) : null;
                if (written is null || !written.SetEquals(actual))
                {
                    yield return $"docs/modules.md, {module.Name}: write \"- **{label}:** {Write(label, actual)}\"" + (written is null ? " (the line is missing)." : $" (it says {Write(label, written)}).");
                }
            }
        }

        foreach (var extra in sections.Keys.Where(k => facts.All(f => f.Name != k)))
        {
            yield return $"docs/modules.md describes \"{extra}\", which is not a module of this build.";
        }
    }

    private static HashSet<string> Items(string text) =>
        text.Trim() is "nothing" or "nothing." ? [] : [.. text.TrimEnd('.').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(i => i.Replace("`", "", StringComparison.Ordinal))];

    private static string Write(string label, IReadOnlySet<string> items) =>
        items.Count == 0 ? "nothing" : string.Join(", ", items.Order(StringComparer.Ordinal).Select(i => label == "Calls" ? i : Quote(i)));

    private static string Quote(string item) => item.Contains(' ', StringComparison.Ordinal) ? $"`{item[..item.IndexOf(' ', StringComparison.Ordinal)]}`{item[item.IndexOf(' ', StringComparison.Ordinal)..]}" : $"`{item}`";

    private static string Short(string fullName) => fullName[(fullName.LastIndexOf('.') + 1)..];

    [GeneratedRegex(@"^## (?<name>[a-z]+)\b[^\n]*\n(?<body>(?:(?!^## )[\s\S])*)", RegexOptions.Multiline)]
    private static partial Regex Section();
}
