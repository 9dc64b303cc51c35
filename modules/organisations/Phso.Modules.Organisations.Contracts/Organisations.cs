using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Organisations.Contracts;

/// <summary>The kinds of organisation in the register.</summary>
public enum OrganisationType
{
    /// <summary>An NHS trust or NHS foundation trust.</summary>
    NhsTrust,

    /// <summary>An integrated care board, which commissions NHS services for an area.</summary>
    IntegratedCareBoard,

    /// <summary>A general practice.</summary>
    GpPractice,

    /// <summary>A UK government department.</summary>
    GovernmentDepartment,

    /// <summary>Any other public body (an executive agency, an arm's-length body, a regulator).</summary>
    OtherPublicBody,
}

/// <summary>An organisation as other modules see it.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Full name, e.g. "Department for Work and Pensions".</param>
/// <param name="Type">Kind of organisation.</param>
/// <param name="Sector">Health or parliamentary.</param>
/// <param name="Nation">Nation whose working-day calendar its deadlines follow.</param>
/// <param name="InRemit">Whether the ombudsman can look at complaints about it.</param>
/// <param name="IsPartner">Whether it takes part as a partner (its complaint handlers have accounts here).</param>
/// <param name="OdsCode">NHS Organisation Data Service code, for NHS bodies.</param>
/// <param name="ClosedOn">The day it stopped operating, or null while it operates.</param>
/// <param name="Version">Concurrency version, for updates.</param>
public sealed record OrganisationSummary(
    Guid Id, string Name, OrganisationType Type, Sector Sector, Nation Nation, bool InRemit, bool IsPartner, string? OdsCode, DateOnly? ClosedOn, int Version);

/// <summary>A page of organisations and the total that matched.</summary>
/// <param name="Items">The organisations on this page, by name.</param>
/// <param name="Total">How many matched in all.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Organisations per page.</param>
public sealed record OrganisationPage(IReadOnlyList<OrganisationSummary> Items, int Total, int Page, int PageSize);

/// <summary>One organisation, or null when there is none with that id. Register entries are public information.</summary>
/// <param name="Id">The organisation's id.</param>
[AnyCaller]
public sealed record GetOrganisation(Guid Id) : IQuery<OrganisationSummary?>;

/// <summary>The organisations with these ids (unknown ids are left out).</summary>
/// <param name="Ids">Ids to look up.</param>
[AnyCaller]
public sealed record GetOrganisations(IReadOnlyCollection<Guid> Ids) : IQuery<IReadOnlyList<OrganisationSummary>>;

/// <summary>The open organisations whose names are exactly these (any case, spaces tidied); names not in the register,
/// or of a closed organisation, are left out. For other modules that refer to organisations by name (partner plugins).</summary>
/// <param name="Names">Names to look up; at most 200.</param>
[AnyCaller]
public sealed record FindOrganisationsByName(IReadOnlyCollection<string> Names) : IQuery<IReadOnlyList<OrganisationSummary>>;

/// <summary>Searches the register. Every filter is optional; closed organisations are left out unless asked for.</summary>
/// <param name="NameContains">Part of the name (or the ODS code), any case.</param>
/// <param name="Sector">Only this sector.</param>
/// <param name="Type">Only this kind.</param>
/// <param name="Nation">Only this nation.</param>
/// <param name="InRemit">Only those in (true) or out of (false) remit.</param>
/// <param name="IsPartner">Only partners (true) or non-partners (false).</param>
/// <param name="IncludeClosed">Include organisations that have closed.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Between 1 and 200.</param>
[AnyCaller]
public sealed record FindOrganisations(
    string? NameContains = null, Sector? Sector = null, OrganisationType? Type = null, Nation? Nation = null,
    bool? InRemit = null, bool? IsPartner = null, bool IncludeClosed = false, int Page = 1, int PageSize = 50) : IQuery<OrganisationPage>;

/// <summary>Every open organisation that matches, by name: the whole register rather than a page, for choice lists
/// (a filter of bodies, the partner organisations a person can belong to). Kept for a few seconds (reference data).</summary>
/// <param name="InRemit">Only those in (true) or out of (false) remit.</param>
/// <param name="IsPartner">Only partners (true) or non-partners (false).</param>
[AnyCaller]
public sealed record ListOrganisations(bool? InRemit = null, bool? IsPartner = null) : IQuery<IReadOnlyList<OrganisationSummary>>;

/// <summary>The register's policies.</summary>
public static class OrganisationPolicies
{
    /// <summary>Add an organisation: admins, and caseworkers (for a body a complaint names that is not registered yet).</summary>
    public const string Register = "Organisations.Register";
}

/// <summary>Adds an organisation to the register. Returns its id. Refused when the name or ODS code is already used,
/// or the sector does not fit the type. Admins and caseworkers may add; only admins change or close.</summary>
/// <param name="Name">Full name.</param>
/// <param name="Type">Kind of organisation.</param>
/// <param name="Sector">Health or parliamentary.</param>
/// <param name="Nation">Nation.</param>
/// <param name="InRemit">Whether the ombudsman can look at complaints about it.</param>
/// <param name="IsPartner">Whether it takes part as a partner.</param>
/// <param name="OdsCode">NHS ODS code (3 to 6 letters and digits), optional.</param>
[RequiresPolicy(OrganisationPolicies.Register)]
public sealed record RegisterOrganisation(
    string Name, OrganisationType? Type, Sector? Sector, Nation? Nation, bool? InRemit, bool? IsPartner, string? OdsCode) : ICommand<Guid>;

/// <summary>Changes an organisation's details. Refused with a conflict when <paramref name="Version"/> is not the current one.</summary>
/// <param name="Id">The organisation.</param>
/// <param name="Version">The version the caller read.</param>
/// <param name="Name">Full name.</param>
/// <param name="Type">Kind of organisation.</param>
/// <param name="Sector">Health or parliamentary.</param>
/// <param name="Nation">Nation.</param>
/// <param name="InRemit">In remit.</param>
/// <param name="IsPartner">Partner.</param>
/// <param name="OdsCode">NHS ODS code, optional.</param>
[RequiresPolicy(Policies.Admin)]
public sealed record UpdateOrganisation(
    Guid Id, int Version, string Name, OrganisationType? Type, Sector? Sector, Nation? Nation, bool? InRemit, bool? IsPartner, string? OdsCode) : ICommand;

/// <summary>Records that an organisation has stopped operating (for example merged into another). It stays in the
/// register, so cases about it keep their link, but is no longer offered for new complaints.</summary>
/// <param name="Id">The organisation.</param>
/// <param name="Version">The version the caller read.</param>
/// <param name="Reason">Why it closed, e.g. "Merged into Northmoor and Dales NHS Foundation Trust".</param>
[RequiresPolicy(Policies.Admin)]
public sealed record CloseOrganisation(Guid Id, int Version, string Reason) : ICommand;

/// <summary>Undoes <see cref="CloseOrganisation"/>.</summary>
/// <param name="Id">The organisation.</param>
/// <param name="Version">The version the caller read.</param>
[RequiresPolicy(Policies.Admin)]
public sealed record ReopenOrganisation(Guid Id, int Version) : ICommand;

/// <summary>Words for people.</summary>
public static class OrganisationText
{
    /// <summary>"NHS trust", "Government department"...</summary>
    public static string Describe(this OrganisationType type) => type switch
    {
        OrganisationType.NhsTrust => "NHS trust",
        OrganisationType.IntegratedCareBoard => "Integrated care board",
        OrganisationType.GpPractice => "GP practice",
        OrganisationType.GovernmentDepartment => "Government department",
        OrganisationType.OtherPublicBody => "Other public body",
        _ => type.ToString(),
    };

    /// <summary>"Health" or "Parliamentary".</summary>
    public static string Describe(this Sector sector) => sector.ToString();

    /// <summary>"England", "Northern Ireland"...</summary>
    public static string Describe(this Nation nation) => nation == Nation.NorthernIreland ? "Northern Ireland" : nation.ToString();
}
