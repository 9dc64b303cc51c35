using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modules.Accounts.Domain;
using Phso.Modules.Accounts.Persistence;

namespace Phso.Modules.Accounts.Security;

/// <summary>
/// The sign-in cookie's ticket kept in the database (ASP.NET's own <see cref="ITicketStore"/>): the cookie holds only
/// the session's key, each request finds the session by it, and signing out deletes it, so a copy of the cookie taken
/// before is refused from then on: at once by this host, and by every other host sharing the database once its copy
/// of the ticket, kept for <see cref="KeptFor"/>, lapses. Reading the ticket from the database was half of what every
/// signed-in page cost (ADR 0012); the copy is the serialized ticket, read afresh into a new principal each time.
/// </summary>
internal sealed class SessionTickets(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore, IDisposable
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(10);

    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public void Dispose() => _kept.Dispose();

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
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ExpiryOf(ticket, now);
        db.Sessions.Add(new SignInSession { Id = key, PersonId = person, Ticket = bytes, CreatedAt = now, ExpiresAt = expires });
        await db.SaveChangesAsync();
        Keep(key, bytes, expires);
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ExpiryOf(ticket, clock.GetUtcNow());
        _kept.Remove(key);
        // A session signed out meanwhile on another host has no row left to renew, and is not kept.
        if (await db.Sessions.Where(s => s.Id == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires)) == 1)
        {
            Keep(key, bytes, expires);
        }
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = clock.GetUtcNow();
        if (_kept.TryGetValue(key, out Kept? kept) && kept is not null && now >= kept.ReadAt && now - kept.ReadAt < KeptFor && now < kept.ExpiresAt)
        {
            return TicketSerializer.Default.Deserialize(kept.Ticket);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == key && s.ExpiresAt > now).Select(s => new { s.Ticket, s.ExpiresAt }).SingleOrDefaultAsync();
        if (session is null)
        {
            _kept.Remove(key);
            return null;
        }

        Keep(key, session.Ticket, session.ExpiresAt);
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        _kept.Remove(key);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Sessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    // Judged by the host's clock (TimeProvider) when read; the cache's own expiry only frees the memory.
    private void Keep(string key, byte[] ticket, DateTimeOffset expiresAt) =>
        _kept.Set(key, new Kept(ticket, clock.GetUtcNow(), expiresAt), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = KeptFor });

    private sealed record Kept(byte[] Ticket, DateTimeOffset ReadAt, DateTimeOffset ExpiresAt);

    private static Guid PersonOf(AuthenticationTicket ticket) =>
        Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    private static DateTimeOffset ExpiryOf(AuthenticationTicket ticket, DateTimeOffset now) => ticket.Properties.ExpiresUtc ?? now.AddHours(8);
}
