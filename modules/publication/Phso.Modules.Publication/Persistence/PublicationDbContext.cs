using Microsoft.EntityFrameworkCore;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Publication.Persistence;

/// <summary>The publication module's tables. So far only its outbox, inbox and audit trail: the anonymiser keeps
/// nothing; drafts and published decisions come with the approval workflow.</summary>
internal class PublicationDbContext : ModuleDbContext
{
    public PublicationDbContext(DbContextOptions<PublicationDbContext> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="PublicationPostgreSqlDbContext"/>, which has its own options type.</summary>
    protected PublicationDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public const string Module = "publication";

    public override string ModuleName => Module;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}

/// <summary>The same context on PostgreSQL: its own type only so that each engine has its own generated migrations
/// and model snapshot (Persistence/Migrations/PostgreSql); nothing asks for it by name.</summary>
internal sealed class PublicationPostgreSqlDbContext(DbContextOptions<PublicationPostgreSqlDbContext> options) : PublicationDbContext(options);
