using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Accounts.Contracts;

/// <summary>A person with an account, as other modules see them.</summary>
/// <param name="Id">Stable identifier (also the signed-in user's id).</param>
/// <param name="DisplayName">Name to show.</param>
/// <param name="Email">Email address (also the sign-in name).</param>
/// <param name="Roles">Roles held (see <see cref="SharedKernel.Security.Roles"/>).</param>
/// <param name="TeamId">Team, for staff.</param>
/// <param name="TeamName">Team name, for staff.</param>
/// <param name="LineManagerId">Line manager, for staff.</param>
/// <param name="OrganisationId">Partner organisation, for partner people.</param>
/// <param name="IsActive">False once the person has left; they cannot sign in and should get no reminders.</param>
public sealed record PersonSummary(
    Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, Guid? TeamId, string? TeamName,
    Guid? LineManagerId, Guid? OrganisationId, bool IsActive)
{
    /// <summary>True for the ombudsman's own people; false for people of a partner organisation.</summary>
    public bool IsStaff => !Roles.Any(r => SharedKernel.Security.Roles.PartnerRoles.Contains(r));
}

/// <summary>A team of staff.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Team name.</param>
public sealed record TeamSummary(Guid Id, string Name);

/// <summary>One person, or null.</summary>
/// <param name="Id">The person.</param>
[RequiresPolicy(Policies.SignedIn)]
public sealed record GetPerson(Guid Id) : IQuery<PersonSummary?>;

/// <summary>The people with these ids (unknown ids are left out).</summary>
/// <param name="Ids">People to look up.</param>
[RequiresPolicy(Policies.SignedIn)]
public sealed record GetPeople(IReadOnlyCollection<Guid> Ids) : IQuery<IReadOnlyList<PersonSummary>>;

/// <summary>The active people whose line manager is <paramref name="ManagerId"/>, by name.</summary>
/// <param name="ManagerId">The line manager.</param>
[RequiresPolicy(Policies.SignedIn)]
public sealed record GetDirectReports(Guid ManagerId) : IQuery<IReadOnlyList<PersonSummary>>;

/// <summary>People matching every filter given, by name.</summary>
/// <param name="Role">Holding this role.</param>
/// <param name="OrganisationId">Of this partner organisation.</param>
/// <param name="TeamId">In this team.</param>
/// <param name="IncludeInactive">Include people who have left.</param>
[RequiresPolicy(Policies.SignedIn)]
public sealed record FindPeople(string? Role = null, Guid? OrganisationId = null, Guid? TeamId = null, bool IncludeInactive = false) : IQuery<IReadOnlyList<PersonSummary>>;

/// <summary>All teams, by name.</summary>
[RequiresPolicy(Policies.SignedIn)]
public sealed record GetTeams : IQuery<IReadOnlyList<TeamSummary>>;

/// <summary>Someone was given an account (or asked for a new invitation) and must set a password through the link.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Email">Where to send the invitation.</param>
/// <param name="DisplayName">Their name.</param>
/// <param name="SetPasswordLink">Absolute link to set a password; contains a single-use token.</param>
/// <param name="LinkExpiresAt">When the link stops working.</param>
public sealed record PersonInvited(Guid PersonId, string Email, string DisplayName, string SetPasswordLink, DateTimeOffset LinkExpiresAt) : IIntegrationEvent;

/// <summary>Someone asked to reset a forgotten password.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Email">Where to send the link.</param>
/// <param name="DisplayName">Their name.</param>
/// <param name="ResetLink">Absolute link to choose a new password; contains a single-use token.</param>
/// <param name="LinkExpiresAt">When the link stops working.</param>
public sealed record PasswordResetRequested(Guid PersonId, string Email, string DisplayName, string ResetLink, DateTimeOffset LinkExpiresAt) : IIntegrationEvent;

/// <summary>Someone left: their account was deactivated. Modules stop sending them work and reminders.</summary>
/// <param name="PersonId">The person.</param>
public sealed record PersonDeactivated(Guid PersonId) : IIntegrationEvent;
