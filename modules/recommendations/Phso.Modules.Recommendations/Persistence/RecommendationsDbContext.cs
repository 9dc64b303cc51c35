using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Phso.Modules.Recommendations.Domain;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Recommendations.Persistence;

internal class RecommendationsDbContext : ModuleDbContext
{
    public RecommendationsDbContext(DbContextOptions<RecommendationsDbContext> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="RecommendationsPostgreSqlDbContext"/>, which has its own options type.</summary>
    protected RecommendationsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public const string Module = "recommendations";

    public override string ModuleName => Module;

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<RecommendationStep> Steps => Set<RecommendationStep>();

    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    public DbSet<SentReminder> Reminders => Set<SentReminder>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Recommendation>(b =>
        {
            b.ToTable("recommendations");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.CaseReference).HasMaxLength(20);
            b.Property(r => r.BodyName).HasMaxLength(200);
            b.Property(r => r.Sector).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.Category).HasConversion<string>().HasMaxLength(30);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
            // Pence in a whole number: both engines add and compare it exactly (SQLite keeps decimals as text).
            b.Property(r => r.Amount).HasConversion(v => v == null ? (long?)null : (long)(v.Value * 100), v => v == null ? null : v.Value / 100m).HasColumnName("AmountInPence");
            b.Property(r => r.Text).HasMaxLength(Recommendation.MaxTextLength);
            b.Property(r => r.EvidenceExpected).HasMaxLength(Recommendation.MaxEvidenceExpectedLength);
            b.Property(r => r.CaseworkerName).HasMaxLength(200);
            b.Property(r => r.RefusalReason).HasMaxLength(Recommendation.MaxNoteLength);
            b.Property(r => r.AlternativeAgreed).HasMaxLength(Recommendation.MaxNoteLength);
            b.Property(r => r.Nation).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.PublicReportReason).HasMaxLength(Recommendation.MaxNoteLength);
            b.Property(r => r.TrainingCourseTitle).HasMaxLength(200);
            // A short list always read whole: the ids in one column rather than a table of their own.
            b.Property(r => r.TraineeIds).HasMaxLength(Recommendation.MaxTrainees * 37)
                .HasConversion(
                    ids => string.Join(',', ids),
                    text => text.Length == 0 ? Array.Empty<Guid>() : text.Split(',', StringSplitOptions.None).Select(Guid.Parse).ToArray(),
                    new ValueComparer<IReadOnlyList<Guid>>((a, b) => a!.SequenceEqual(b!), ids => ids.Aggregate(0, (h, id) => HashCode.Combine(h, id)), ids => ids.ToArray()));
            b.HasIndex(r => r.TrainingCourseId);
            b.HasIndex(r => new { r.EscalatedOn, r.Status });
            b.HasIndex(r => r.CaseReference);
            b.HasIndex(r => new { r.OrganisationId, r.Status, r.DueOn });
            b.HasIndex(r => new { r.Status, r.DueOn });
            b.HasIndex(r => new { r.OrganisationId, r.DecisionDate });
            // The staff lists' order (soonest due first): a page is a walk down this index, not a sort of every
            // outstanding recommendation.
            b.HasIndex(r => new { r.DueOn, r.Id });
            // The bodies to choose from on the compliance page, read from the index alone.
            b.HasIndex(r => new { r.OrganisationId, r.BodyName, r.IssuedAt });
            b.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RecommendationId);
            b.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.RecommendationId);
            b.Navigation(r => r.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(r => r.Files).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        // Ids come from the domain (version 7 GUIDs): EF must not take a new step on a loaded recommendation for an existing row.
        modelBuilder.Entity<RecommendationStep>(b =>
        {
            b.ToTable("steps");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).ValueGeneratedNever();
            b.Property(s => s.ActorName).HasMaxLength(200);
            b.Property(s => s.Move).HasConversion<string>().HasMaxLength(30);
            b.Property(s => s.From).HasConversion<string>().HasMaxLength(30);
            b.Property(s => s.To).HasConversion<string>().HasMaxLength(30);
            b.Property(s => s.Note).HasMaxLength(Recommendation.MaxNoteLength);
            b.HasIndex(s => new { s.RecommendationId, s.At });
            b.AuditedAsPartOf(nameof(Recommendation), nameof(RecommendationStep.RecommendationId));
        });
        modelBuilder.Entity<EvidenceFile>(b =>
        {
            b.ToTable("evidence_files");
            b.HasKey(f => f.Id);
            b.Property(f => f.Id).ValueGeneratedNever();
            b.Property(f => f.FileName).HasMaxLength(100);
            b.Property(f => f.ContentType).HasMaxLength(100);
            b.Property(f => f.Sha256).HasMaxLength(64);
            b.AuditedAsPartOf(nameof(Recommendation), nameof(EvidenceFile.RecommendationId));
        });
        modelBuilder.Entity<SentReminder>(b =>
        {
            b.ToTable("reminders");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.Kind).HasMaxLength(20);
            b.HasIndex(r => new { r.RecommendationId, r.Kind, r.DueOn }).IsUnique();
            b.AuditedAsPartOf(nameof(Recommendation), nameof(SentReminder.RecommendationId));
        });
    }
}

/// <summary>The same context on PostgreSQL: its own type only so that each engine has its own generated migrations
/// and model snapshot (Persistence/Migrations/PostgreSql); nothing asks for it by name.</summary>
internal sealed class RecommendationsPostgreSqlDbContext(DbContextOptions<RecommendationsPostgreSqlDbContext> options) : RecommendationsDbContext(options);
