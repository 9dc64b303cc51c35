using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Persistence;

namespace Phso.Modular.Tests.Persistence;

/// <summary>Every text a module stores has a length limit in its model (the validators hold forms and the API to the
/// same), so nothing anyone sends can grow a record without bound. The infrastructure's own texts (an audit entry's
/// changes, an outbox message's payload) are written by the platform from values already limited.</summary>
public sealed class TextLimitsTests(PhsoFactory host) : IClassFixture<PhsoFactory>
{
    private static readonly HashSet<Type> WrittenByThePlatform = [typeof(AuditEntry), typeof(OutboxMessage), typeof(InboxRecord)];

    [Fact]
    public void Every_stored_text_has_a_length_limit()
    {
        var unlimited = new List<string>();
        using var scope = host.Services.CreateScope();
        foreach (var contextType in host.Services.GetRequiredService<ModuleCatalogue>().Modules.SelectMany(m => m.DbContextTypes))
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
            foreach (var entity in context.Model.GetEntityTypes().Where(e => !WrittenByThePlatform.Contains(e.ClrType)))
            {
                unlimited.AddRange(entity.GetProperties()
                    .Where(p => (p.ClrType == typeof(string) || p.ClrType == typeof(byte[])) && p.GetMaxLength() is null && !p.IsKey())
                    .Select(p => $"{contextType.Name}: {entity.DisplayName()}.{p.Name}"));
            }
        }

        Assert.True(unlimited.Count == 0, $"These stored texts have no length limit (HasMaxLength in the module's DbContext, and the same limit in its validators):\n{string.Join("\n", unlimited)}");
    }

    [Fact]
    public async Task A_text_longer_than_its_limit_is_never_stored_even_without_a_validator()
    {
        await using var scope = host.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<Phso.Modules.Complaints.Persistence.ComplaintsDbContext>();
        var complaint = await db.Complaints.FirstAsync();
        db.Entry(complaint).Property(c => c.WhatHappened).CurrentValue = new string('x', 20_001);
        var refused = await Assert.ThrowsAsync<Phso.SharedKernel.Messaging.RequestValidationException>(() => db.SaveChangesAsync());
        Assert.Contains("What happened must be 20,000 characters or fewer", refused.Message, StringComparison.Ordinal);
    }
}
