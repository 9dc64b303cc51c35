using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Time;
using Phso.SharedKernel.Web.TagHelpers;

namespace Phso.Modules.Organisations.Pages.Organisations;

/// <summary>What the add and change pages post.</summary>
public sealed class OrganisationForm
{
    public string? Name { get; set; }
    public OrganisationType? Type { get; set; }
    public Sector? Sector { get; set; }
    public Nation? Nation { get; set; }
    public bool? InRemit { get; set; }
    public bool? IsPartner { get; set; }
    public string? OdsCode { get; set; }
    public int Version { get; set; }

    public static OrganisationForm From(OrganisationSummary o) => new()
    {
        Name = o.Name, Type = o.Type, Sector = o.Sector, Nation = o.Nation, InRemit = o.InRemit, IsPartner = o.IsPartner, OdsCode = o.OdsCode, Version = o.Version,
    };
}

/// <summary>The choices the organisation pages offer.</summary>
public static class OrganisationChoices
{
    public static IReadOnlyList<ChoiceItem> Types { get; } = [.. Enum.GetValues<OrganisationType>().Select(t => new ChoiceItem(t.ToString(), t.Describe()))];

    public static IReadOnlyList<ChoiceItem> Sectors { get; } =
    [
        new(nameof(Sector.Health), "Health", "The NHS: complaints come to the ombudsman directly"),
        new(nameof(Sector.Parliamentary), "Parliamentary", "Government departments and other public bodies: complaints are referred by an MP"),
    ];

    public static IReadOnlyList<ChoiceItem> Nations { get; } = [.. Enum.GetValues<Nation>().Select(n => new ChoiceItem(n.ToString(), n.Describe()))];

    public static IReadOnlyList<ChoiceItem> YesNo { get; } = [new("true", "Yes"), new("false", "No")];
}
