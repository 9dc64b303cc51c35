using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Phso.SharedKernel.Security;

/// <summary>Who is acting in this scope: a signed-in person, the public (nobody signed in), or the system itself
/// (a scheduled job, the outbox). Audit entries and authorisation both read it.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    bool IsSystem { get; }
    Guid? Id { get; }
    string DisplayName { get; }
    Guid? OrganisationId { get; }
    ClaimsPrincipal Principal { get; }
    bool IsInRole(string role);
}

/// <summary>The scoped <see cref="ICurrentUser"/>: the HTTP request's user, unless the scope was marked as the system.</summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private string? _systemActor;

    /// <summary>Marks this scope as work done by the system (a job), named for the audit trail.</summary>
    public void ActAsSystem(string actorName) => _systemActor = $"System ({actorName})";

    public ClaimsPrincipal Principal => _systemActor is null ? httpContextAccessor.HttpContext?.User ?? Anonymous : Anonymous;
    public bool IsSystem => _systemActor is not null;
    public bool IsAuthenticated => !IsSystem && Principal.Identity?.IsAuthenticated == true;

    public Guid? Id => IsAuthenticated && Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string DisplayName => _systemActor
        ?? (IsAuthenticated ? Principal.FindFirstValue(PhsoClaimTypes.DisplayName) ?? Principal.Identity?.Name ?? "Unknown person" : "Member of the public");

    public Guid? OrganisationId => IsAuthenticated && Guid.TryParse(Principal.FindFirstValue(PhsoClaimTypes.OrganisationId), out var id) ? id : null;

    public bool IsInRole(string role) => IsAuthenticated && Principal.IsInRole(role);
}
