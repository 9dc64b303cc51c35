using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Accounts.Features.ManagePeople;

/// <summary>Whether a person is one of the ombudsman's staff or from a partner organisation.</summary>
public enum PersonKind
{
    Staff,
    Partner,
}

/// <summary>The details an admin maintains for a person. Fields that do not apply to the kind are ignored
/// (a partner has no team or line manager; staff have no organisation).</summary>
internal interface IPersonDetails
{
    string DisplayName { get; }
    string Email { get; }
    PersonKind? Kind { get; }
    IReadOnlyList<string> StaffRoles { get; }
    string? PartnerRole { get; }
    Guid? TeamId { get; }
    Guid? LineManagerId { get; }
    Guid? OrganisationId { get; }
}

/// <summary>Creates an account and emails an invitation to set a password. Returns the person's id.</summary>
[RequiresPolicy(Policies.Admin)]
internal sealed record CreatePerson(
    string DisplayName, string Email, PersonKind? Kind, IReadOnlyList<string> StaffRoles, string? PartnerRole,
    Guid? TeamId, Guid? LineManagerId, Guid? OrganisationId) : ICommand<Guid>, IPersonDetails;

/// <summary>Changes a person's details and roles.</summary>
[RequiresPolicy(Policies.Admin)]
internal sealed record UpdatePerson(
    Guid Id, int Version, string DisplayName, string Email, PersonKind? Kind, IReadOnlyList<string> StaffRoles, string? PartnerRole,
    Guid? TeamId, Guid? LineManagerId, Guid? OrganisationId) : ICommand, IPersonDetails;

/// <summary>Records that a person has left: they can no longer sign in, and other modules are told.</summary>
[RequiresPolicy(Policies.Admin)]
internal sealed record DeactivatePerson(Guid Id, int Version) : ICommand;

/// <summary>Lets a person who had left sign in again.</summary>
[RequiresPolicy(Policies.Admin)]
internal sealed record ReactivatePerson(Guid Id, int Version) : ICommand;

/// <summary>Sends a new invitation link (the old one stops working).</summary>
[RequiresPolicy(Policies.Admin)]
internal sealed record ResendInvitation(Guid Id) : ICommand;

/// <summary>Creates an administrator with a password, from the command line on a new deployment.</summary>
[RequiresPolicy(Policies.Admin)]
internal sealed record CreateAdministrator(string DisplayName, string Email, string Password) : ICommand<Guid>;
