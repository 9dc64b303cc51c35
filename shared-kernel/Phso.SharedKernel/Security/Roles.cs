namespace Phso.SharedKernel.Security;

/// <summary>The roles people hold. Staff roles are for the ombudsman's own people; partner roles are for people of
/// an outside organisation, each tied to exactly one organisation. A person never holds both kinds.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Caseworker = "Caseworker";
    public const string Publisher = "Publisher";
    public const string Manager = "Manager";
    public const string Coach = "Coach";
    public const string EdiLead = "EdiLead";

    /// <summary>Every member of staff is a learner; staff accounts always hold this role.</summary>
    public const string Staff = "Staff";

    public const string PartnerLead = "PartnerLead";
    public const string PartnerHandler = "PartnerHandler";

    public static readonly IReadOnlyList<string> StaffRoles = [Admin, Caseworker, Publisher, Manager, Coach, EdiLead, Staff];
    public static readonly IReadOnlyList<string> PartnerRoles = [PartnerLead, PartnerHandler];
    public static readonly IReadOnlyList<string> All = [.. StaffRoles, .. PartnerRoles];

    /// <summary>Words for people, for the admin pages.</summary>
    public static string Describe(string role) => role switch
    {
        Admin => "Administrator",
        Caseworker => "Caseworker",
        Publisher => "Publisher of casework",
        Manager => "People manager",
        Coach => "Coach",
        EdiLead => "Equality, diversity and inclusion lead",
        Staff => "Member of staff (learner)",
        PartnerLead => "Partner organisation lead",
        PartnerHandler => "Partner complaint handler",
        _ => role,
    };
}

/// <summary>Claim types the accounts module issues and the rest of the system reads.</summary>
public static class PhsoClaimTypes
{
    public const string DisplayName = "phso:display_name";
    public const string OrganisationId = "phso:organisation_id";
}
