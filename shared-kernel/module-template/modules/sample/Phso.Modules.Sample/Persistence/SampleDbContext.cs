using Microsoft.EntityFrameworkCore;
using Phso.Modules.Sample.Domain;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Sample.Persistence;

internal class SampleDbContext : ModuleDbContext
{
    public SampleDbContext(DbContextOptions<SampleDbContext> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="SamplePostgreSqlDbContext"/>, which has its own options type.</summary>
    protected SampleDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public const string Module = "sample";

    public override string ModuleName => Module;

    public DbSet<SampleNote> Notes => Set<SampleNote>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SampleNote>(b =>
        {
            b.ToTable("notes");
            b.HasKey(n => n.Id);
            b.Property(n => n.Text).IsRequired().HasMaxLength(SampleNote.MaxTextLength);
            b.Property(n => n.RecordedBy).IsRequired().HasMaxLength(100);
            b.HasIndex(n => n.RecordedAt);
        });
    }
}

/// <summary>The same context on PostgreSQL: its own type only so that each engine has its own generated migrations
/// and model snapshot (Persistence/Migrations/PostgreSql); nothing asks for it by name.</summary>
internal sealed class SamplePostgreSqlDbContext(DbContextOptions<SamplePostgreSqlDbContext> options) : SampleDbContext(options);
