using Microsoft.AspNetCore.Identity;
using Phso.Modules.Accounts.Contracts;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Accounts.Domain;

/// <summary>A person with an account: a member of staff or someone from a partner organisation.</summary>
public sealed class Person : IdentityUser<Guid>, IVersioned
{
    public string DisplayName { get; set; } = "";

    /// <summary>Team, for staff.</summary>
    public Guid? TeamId { get; set; }

    /// <summary>Line manager, for staff.</summary>
    public Guid? LineManagerId { get; set; }

    /// <summary>Partner organisation (from the organisation register), for partner people.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>False once the person has left. They cannot sign in; their records stay.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>A team of staff.</summary>
internal sealed class Team : IVersioned
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string NameKey { get; set; } = "";
    public int Version { get; set; }

    public static string KeyOf(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
