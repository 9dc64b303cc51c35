namespace Phso.Modules.Accounts.Domain;

/// <summary>
/// One signed-in session, kept here so the sign-in cookie carries only its key: signing out removes the session, and
/// the cookie is then worthless on every host at once (however long it would otherwise have lasted).
/// </summary>
public sealed class SignInSession
{
    /// <summary>A random 256-bit key, base64url: what the cookie holds (data-protected).</summary>
    public string Id { get; set; } = "";

    public Guid PersonId { get; set; }

    /// <summary>The authentication ticket (claims and expiry), as ASP.NET's TicketSerializer writes it.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
