using Microsoft.EntityFrameworkCore;
using Phso.Modules.Notifications.Domain;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Notifications.Persistence;

internal class NotificationsDbContext : ModuleDbContext
{
    public NotificationsDbContext(DbContextOptions<NotificationsDbContext> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="NotificationsPostgreSqlDbContext"/>, which has its own options type.</summary>
    protected NotificationsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public const string Module = "notifications";

    public override string ModuleName => Module;

    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<QueuedEmail> Emails => Set<QueuedEmail>();

    // A saved notification (new, or read) empties this host's kept unread counts (CountMyUnread).
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var counts = this.Changes(typeof(Notification));
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        CountsChanged(counts);
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var counts = this.Changes(typeof(Notification));
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        CountsChanged(counts);
        return saved;
    }

    internal void CountsChanged(bool changed = true)
    {
        if (changed)
        {
            this.ReferenceDataChanged<NotificationsDbContext>();
        }
    }

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notification>(b =>
        {
            b.ToTable("in_app");
            b.HasKey(n => n.Id);
            b.Property(n => n.Title).HasMaxLength(200);
            b.Property(n => n.Body).HasMaxLength(2000);
            b.Property(n => n.Link).HasMaxLength(500);
            b.HasIndex(n => new { n.RecipientId, n.ReadAt });

            // Notifications are messages, not records that people change; their creation is not casework.
            b.ExcludeFromAudit();
        });
        modelBuilder.Entity<QueuedEmail>(b =>
        {
            b.ToTable("emails");
            b.HasKey(e => e.Id);
            b.Property(e => e.ToAddress).HasMaxLength(256);
            b.Property(e => e.ToName).HasMaxLength(200);
            b.Property(e => e.Subject).HasMaxLength(300);
            // An email carries at most a case's longest text (a provisional view) and the words around it.
            b.Property(e => e.Body).HasMaxLength(120_000);
            b.Property(e => e.LastError).HasMaxLength(2_000);
            b.HasIndex(e => new { e.SentAt, e.FailedAt, e.NextAttemptAt });
            b.ExcludeFromAudit();
        });
    }
}

/// <summary>The same context on PostgreSQL: its own type only so that each engine has its own generated migrations
/// and model snapshot (Persistence/Migrations/PostgreSql); nothing asks for it by name.</summary>
internal sealed class NotificationsPostgreSqlDbContext(DbContextOptions<NotificationsPostgreSqlDbContext> options) : NotificationsDbContext(options);
