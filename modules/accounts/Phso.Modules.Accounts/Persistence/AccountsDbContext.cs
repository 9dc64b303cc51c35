using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Accounts.Domain;
using Phso.Modules.Accounts.Sessions;
using Phso.SharedKernel.Persistence;
using RoleNames = Phso.SharedKernel.Security.Roles;

namespace Phso.Modules.Accounts.Persistence;

/// <summary>Identity's tables plus teams, under the "accounts" prefix, and what hosts sharing the database share: the
/// data-protection key ring and the session cache. It derives from Identity's context, so it applies the module
/// conventions itself rather than through <see cref="ModuleDbContext"/>.</summary>
internal class AccountsDbContext : IdentityDbContext<Person, IdentityRole<Guid>, Guid>, IModuleDbContext, IDataProtectionKeyContext
{
    public AccountsDbContext(DbContextOptions<AccountsDbContext> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="AccountsPostgreSqlDbContext"/>, which has its own options type.</summary>
    protected AccountsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public const string Module = "accounts";

    /// <summary>The roles exist in every deployment, with fixed ids, seeded by the first migration.</summary>
    public static readonly IReadOnlyDictionary<string, Guid> RoleIds = new Dictionary<string, Guid>
    {
        [RoleNames.Admin] = Guid.Parse("0197a000-0000-7000-8000-000000000001"),
        [RoleNames.Caseworker] = Guid.Parse("0197a000-0000-7000-8000-000000000002"),
        [RoleNames.Publisher] = Guid.Parse("0197a000-0000-7000-8000-000000000003"),
        [RoleNames.Manager] = Guid.Parse("0197a000-0000-7000-8000-000000000004"),
        [RoleNames.Coach] = Guid.Parse("0197a000-0000-7000-8000-000000000005"),
        [RoleNames.EdiLead] = Guid.Parse("0197a000-0000-7000-8000-000000000006"),
        [RoleNames.Staff] = Guid.Parse("0197a000-0000-7000-8000-000000000007"),
        [RoleNames.PartnerLead] = Guid.Parse("0197a000-0000-7000-8000-000000000008"),
        [RoleNames.PartnerHandler] = Guid.Parse("0197a000-0000-7000-8000-000000000009"),
    };

    public string ModuleName => Module;

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxRecord> InboxRecords => Set<InboxRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<SignInSession> Sessions => Set<SignInSession>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<CachedEntry> CacheEntries => Set<CachedEntry>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var directoryChanges = DirectoryChanges();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        AfterDirectoryChanges(directoryChanges);
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var directoryChanges = DirectoryChanges();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        AfterDirectoryChanges(directoryChanges);
        return saved;
    }

    /// <summary>Whether this save changes who is who (people, their roles, teams), which the people cache must forget.</summary>
    private bool DirectoryChanges() => this.Changes(typeof(Person), typeof(IdentityUserRole<Guid>), typeof(Team));

    private void AfterDirectoryChanges(bool changed)
    {
        if (changed)
        {
            this.ReferenceDataChanged<AccountsDbContext>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Person>(b =>
        {
            b.ToTable("people");
            b.Property(p => p.DisplayName).IsRequired().HasMaxLength(100);
            b.Property(p => p.PasswordHash).HasMaxLength(1_000);
            b.Property(p => p.SecurityStamp).HasMaxLength(256);
            b.Property(p => p.ConcurrencyStamp).HasMaxLength(256);
            b.Property(p => p.PhoneNumber).HasMaxLength(40);
            b.Property(p => p.PasswordHash).RedactedInAudit();
            b.Property(p => p.SecurityStamp).RedactedInAudit();
            b.Property(p => p.ConcurrencyStamp).RedactedInAudit();
            b.HasIndex(p => p.LineManagerId);
            b.HasIndex(p => p.OrganisationId);
            b.HasIndex(p => p.TeamId);
        });
        builder.Entity<IdentityRole<Guid>>(b =>
        {
            b.ToTable("roles");
            b.Property(r => r.ConcurrencyStamp).HasMaxLength(256);
            b.HasData(RoleIds.Select(r => new IdentityRole<Guid> { Id = r.Value, Name = r.Key, NormalizedName = r.Key.ToUpperInvariant(), ConcurrencyStamp = r.Value.ToString() }));
        });
        builder.Entity<IdentityUserRole<Guid>>(b => b.ToTable("person_roles").AuditedAsPartOf("Person", nameof(IdentityUserRole<Guid>.UserId)));
        builder.Entity<IdentityUserClaim<Guid>>(b =>
        {
            b.ToTable("person_claims").ExcludeFromAudit();
            b.Property(c => c.ClaimType).HasMaxLength(256);
            b.Property(c => c.ClaimValue).HasMaxLength(1_000);
        });
        builder.Entity<IdentityUserLogin<Guid>>(b =>
        {
            b.ToTable("person_logins").ExcludeFromAudit();
            b.Property(l => l.ProviderDisplayName).HasMaxLength(256);
        });
        builder.Entity<IdentityUserToken<Guid>>(b =>
        {
            b.ToTable("person_tokens").ExcludeFromAudit();
            b.Property(t => t.Value).HasMaxLength(2_000);
        });
        builder.Entity<IdentityRoleClaim<Guid>>(b =>
        {
            b.ToTable("role_claims").ExcludeFromAudit();
            b.Property(c => c.ClaimType).HasMaxLength(256);
            b.Property(c => c.ClaimValue).HasMaxLength(1_000);
        });
        builder.Entity<Team>(b =>
        {
            b.ToTable("teams");
            b.HasKey(t => t.Id);
            b.Property(t => t.Name).IsRequired().HasMaxLength(100);
            b.Property(t => t.NameKey).IsRequired().HasMaxLength(100);
            b.HasIndex(t => t.NameKey).IsUnique();
        });
        builder.Entity<SignInSession>(b =>
        {
            // Sessions come and go with every sign-in: security events, logged as such, not changes to a record.
            b.ToTable("sessions");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).HasMaxLength(64);
            b.Property(s => s.Ticket).HasMaxLength(16 * 1024);
            b.HasIndex(s => s.PersonId);
            b.ExcludeFromAudit();
        });
        builder.Entity<DataProtectionKey>(b =>
        {
            // Key material: never copied into the audit trail.
            b.ToTable("data_protection_keys");
            b.Property(k => k.FriendlyName).HasMaxLength(200);
            b.Property(k => k.Xml).HasMaxLength(16 * 1024);
            b.ExcludeFromAudit();
        });
        builder.Entity<CachedEntry>(b =>
        {
            // Session state: short-lived, rewritten on every form page, not a record anyone changes.
            b.ToTable("session_cache");
            b.HasKey(e => e.Key);
            b.Property(e => e.Key).HasMaxLength(CachedEntry.MaxKeyLength);
            b.Property(e => e.Value).HasMaxLength(CachedEntry.MaxValueBytes);
            b.HasIndex(e => e.ExpiresAt);
            b.ExcludeFromAudit();
        });
        builder.ApplyModuleConventions(Module, Database);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyModuleTypeConventions(Database);
}

/// <summary>The same context on PostgreSQL: its own type only so that each engine has its own generated migrations
/// and model snapshot (Persistence/Migrations/PostgreSql); nothing asks for it by name.</summary>
internal sealed class AccountsPostgreSqlDbContext(DbContextOptions<AccountsPostgreSqlDbContext> options) : AccountsDbContext(options);
