using Microsoft.EntityFrameworkCore;
using Phso.Modules.Organisations.Domain;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Organisations.Persistence;

internal class OrganisationsDbContext : ModuleDbContext
{
    public OrganisationsDbContext(DbContextOptions<OrganisationsDbContext> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="OrganisationsPostgreSqlDbContext"/>, which has its own options type.</summary>
    protected OrganisationsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public const string Module = "organisations";

    public override string ModuleName => Module;

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var registerChanges = this.Changes(typeof(Organisation));
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (registerChanges)
        {
            this.ReferenceDataChanged<OrganisationsDbContext>();
        }

        return saved;
    }

    /// <summary>Saves, and makes this host's cached lists of the register (<see cref="ReferenceDataCache{TOwner}"/>) forget what changed.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var registerChanges = this.Changes(typeof(Organisation));
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (registerChanges)
        {
            this.ReferenceDataChanged<OrganisationsDbContext>();
        }

        return saved;
    }

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Organisation>(b =>
        {
            b.ToTable("register");
            b.HasKey(o => o.Id);
            b.Property(o => o.Name).IsRequired().HasMaxLength(200);
            b.Property(o => o.NameKey).IsRequired().HasMaxLength(200);
            b.HasIndex(o => o.NameKey).IsUnique();
            b.Property(o => o.Type).HasConversion<string>().HasMaxLength(40);
            b.Property(o => o.Sector).HasConversion<string>().HasMaxLength(20);
            b.Property(o => o.Nation).HasConversion<string>().HasMaxLength(20);
            b.Property(o => o.OdsCode).HasMaxLength(6);
            b.HasIndex(o => o.OdsCode).IsUnique();
            b.Property(o => o.ClosedReason).HasMaxLength(500);
        });
    }
}

/// <summary>The same context on PostgreSQL: its own type only so that each engine has its own generated migrations
/// and model snapshot (Persistence/Migrations/PostgreSql); nothing asks for it by name.</summary>
internal sealed class OrganisationsPostgreSqlDbContext(DbContextOptions<OrganisationsPostgreSqlDbContext> options) : OrganisationsDbContext(options);
