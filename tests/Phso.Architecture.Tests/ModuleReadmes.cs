namespace Phso.Architecture.Tests;

/// <summary>Each module folder has a short README saying what the module owns, publishes and listens to.</summary>
public static class ModuleReadmes
{
    public static readonly string[] RequiredHeadings = ["## Owns", "## Publishes", "## Listens to"];

    public static IEnumerable<string> Check(string modulesFolder) =>
        from folder in Directory.GetDirectories(modulesFolder)
        let readme = Path.Combine(folder, "README.md")
        let text = File.Exists(readme) ? File.ReadAllText(readme) : null
        from problem in text is null
            ? [$"{Path.GetFileName(folder)} has no README.md"]
            : RequiredHeadings.Where(h => !text.Contains(h, StringComparison.Ordinal)).Select(h => $"{Path.GetFileName(folder)}/README.md has no \"{h}\" section")
        select problem;
}
