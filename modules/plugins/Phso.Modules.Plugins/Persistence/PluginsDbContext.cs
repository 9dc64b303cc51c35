using Microsoft.EntityFrameworkCore;
using Phso.Modules.Plugins.Domain;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Plugins.Persistence;

internal class PluginsDbContext : ModuleDbContext
{
    public PluginsDbContext(DbContextOptions<PluginsDbContext> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="PluginsPostgreSqlDbContext"/>, which has its own options type.</summary>
    protected PluginsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public const string Module = "plugins";

    public override string ModuleName => Module;

    public DbSet<InstalledPlugin> Plugins => Set<InstalledPlugin>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InstalledPlugin>(b =>
        {
            b.ToTable("installed");
            b.HasKey(p => p.Id);
            b.Property(p => p.Id).HasMaxLength(100);
            b.Property(p => p.Name).HasMaxLength(200);
            b.Property(p => p.Description).HasMaxLength(2000);
            b.Property(p => p.Publisher).HasMaxLength(200);
            b.Property(p => p.PluginVersion).HasMaxLength(40);
            b.Property(p => p.MinimumSdkVersion).HasMaxLength(40);
            b.Property(p => p.MaximumSdkVersion).HasMaxLength(40);
            b.Property(p => p.EntryAssembly).HasMaxLength(200);
            b.Property(p => p.EntryType).HasMaxLength(300);
            b.Property(p => p.ExtensionPoints).HasMaxLength(200);
            b.Property(p => p.Folder).HasMaxLength(300);
            b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.StatusReason).HasMaxLength(2000);
            b.Ignore(p => p.ParsedVersion);
        });
    }
}

/// <summary>The same context on PostgreSQL: its own type only so that each engine has its own generated migrations
/// and model snapshot (Persistence/Migrations/PostgreSql); nothing asks for it by name.</summary>
internal sealed class PluginsPostgreSqlDbContext(DbContextOptions<PluginsPostgreSqlDbContext> options) : PluginsDbContext(options);
