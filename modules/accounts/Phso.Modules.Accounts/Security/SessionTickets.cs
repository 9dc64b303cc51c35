using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Accounts.Domain;
using Phso.Modules.Accounts.Persistence;

namespace Phso.Modules.Accounts.Security;

/// <summary>
/// The sign-in cookie's ticket kept in the database (ASP.NET's own <see cref="ITicketStore"/>): the cookie holds only
/// the session's key, each request finds the session by it, and signing out deletes it, so a copy of the cookie taken
/// before is refused from then on, by every host sharing the database.
/// </summary>
internal sealed class SessionTickets(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = clock.GetUtcNow();
        var key = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var person = PersonOf(ticket);
        // A person's sessions that have ended are cleared as a new one starts.
        await db.Sessions.Where(s => s.PersonId == person && s.ExpiresAt < now).ExecuteDeleteAsync();
        db.Sessions.Add(new SignInSession { Id = key, PersonId = person, Ticket = TicketSerializer.Default.Serialize(ticket), CreatedAt = now, ExpiresAt = ExpiryOf(ticket, now) });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ExpiryOf(ticket, clock.GetUtcNow());
        await db.Sessions.Where(s => s.Id == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var now = clock.GetUtcNow();
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == key && s.ExpiresAt > now).Select(s => s.Ticket).SingleOrDefaultAsync();
        return session is null ? null : TicketSerializer.Default.Deserialize(session);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Sessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    private static Guid PersonOf(AuthenticationTicket ticket) =>
        Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    private static DateTimeOffset ExpiryOf(AuthenticationTicket ticket, DateTimeOffset now) => ticket.Properties.ExpiresUtc ?? now.AddHours(8);
}
