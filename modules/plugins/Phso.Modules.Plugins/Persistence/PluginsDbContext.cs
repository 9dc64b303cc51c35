using Microsoft.EntityFrameworkCore;
using Phso.Modules.Plugins.Domain;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Plugins.Persistence;

internal sealed class PluginsDbContext(DbContextOptions<PluginsDbContext> options) : ModuleDbContext(options)
{
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
