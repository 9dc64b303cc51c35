using Microsoft.EntityFrameworkCore;
using Phso.SharedKernel.Domain;
using Phso.Modules.Organisations.Domain;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Organisations.Persistence;

internal sealed class OrganisationsDbContext(DbContextOptions<OrganisationsDbContext> options) : ModuleDbContext(options)
{
    public const string Module = "organisations";

    public override string ModuleName => Module;

    public DbSet<Organisation> Organisations => Set<Organisation>();

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
