namespace Phso.SharedKernel.Domain;

/// <summary>Possessives of organisations' names, as the ombudsman writes them: "NHS Glenmorven Health Board's",
/// "Department for Work and Pensions'" (a name ending in s takes the apostrophe alone).</summary>
public static class Possessive
{
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.TrimEnd();
        return trimmed.EndsWith('s') || trimmed.EndsWith('S') ? trimmed + "'" : trimmed + "'s";
    }
}
