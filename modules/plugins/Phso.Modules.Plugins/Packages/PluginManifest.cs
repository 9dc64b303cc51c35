using System.Text.Json.Serialization;

namespace Phso.Modules.Plugins.Packages;

/// <summary>A plugin's <c>plugin.json</c>: who made it, what it is, which SDK versions it works with, where its code
/// starts, what it extends, and the SHA-256 of every other file in the package.</summary>
public sealed class PluginManifest
{
    /// <summary>Stable id, e.g. "coldharbour-complaint-standard": lower-case letters, digits, dots and hyphens.</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The plugin's own version, major.minor.patch.</summary>
    public string? Version { get; set; }

    /// <summary>Who made and signed it; must be the publisher a trusted key is listed for.</summary>
    public string? Publisher { get; set; }

    /// <summary>The lowest SDK version it works with (inclusive).</summary>
    public string? MinimumSdkVersion { get; set; }

    /// <summary>The highest SDK version it works with (inclusive): stating it is what lets the host refuse an old
    /// plugin up front instead of failing later.</summary>
    public string? MaximumSdkVersion { get; set; }

    /// <summary>The assembly holding the entry type, e.g. "Coldharbour.Standard.dll".</summary>
    public string? EntryAssembly { get; set; }

    /// <summary>The full name of the class implementing IPartnerPlugin.</summary>
    public string? EntryType { get; set; }

    /// <summary>What it extends: any of "complaint-standard", "intake-questions", "courses".</summary>
    public List<string>? ExtensionPoints { get; set; }

    /// <summary>Every file in the package but plugin.json and plugin.sig, by path, with its SHA-256 in hex.</summary>
    public Dictionary<string, string>? Files { get; set; }

    [JsonIgnore]
    public Version? ParsedVersion => Parse(Version);

    [JsonIgnore]
    public Version? ParsedMinimumSdk => Parse(MinimumSdkVersion);

    [JsonIgnore]
    public Version? ParsedMaximumSdk => Parse(MaximumSdkVersion);

    /// <summary>A major.minor.patch version, or null when the text is not one.</summary>
    public static Version? Parse(string? text) =>
        text is not null && text.Split('.').Length == 3 && System.Version.TryParse(text, out var version) ? version : null;
}

/// <summary>The extension points a manifest may declare.</summary>
public static class ExtensionPointNames
{
    public const string ComplaintStandard = "complaint-standard";
    public const string IntakeQuestions = "intake-questions";
    public const string Courses = "courses";

    public static readonly IReadOnlyList<string> All = [ComplaintStandard, IntakeQuestions, Courses];
}
