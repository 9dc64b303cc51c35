using Microsoft.EntityFrameworkCore;
using Phso.Modules.Complaints.Domain;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Complaints.Persistence;

internal class ComplaintsDbContext : ModuleDbContext
{
    public ComplaintsDbContext(DbContextOptions<ComplaintsDbContext> options)
        : base(options) => WatchSavedCases();

    /// <summary>For <see cref="ComplaintsPostgreSqlDbContext"/>, which has its own options type.</summary>
    protected ComplaintsDbContext(DbContextOptions options)
        : base(options) => WatchSavedCases();

    public const string Module = "complaints";

    /// <summary>The queue's default condition (cases not ended) as SQL, the same on both engines.</summary>
    /// <remarks>EF writes the queue's three exclusions as this NOT IN, which SQLite must find word for word to use the index.</remarks>
    internal const string OpenQueueFilter = "\"Stage\" NOT IN ('Closed', 'Declined', 'Withdrawn')";

    public override string ModuleName => Module;

    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<CaseEvent> Events => Set<CaseEvent>();
    public DbSet<CharterClock> Clocks => Set<CharterClock>();
    public DbSet<CaseDocument> Documents => Set<CaseDocument>();
    public DbSet<ComplainantAccess> Links => Set<ComplainantAccess>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();

    // A change to any case saved through this host empties its kept queue counts (Features/ReadCases/QueueCounts.cs).
    // Told by the change tracker as each saved case is accepted, rather than by looking through every tracked entry
    // before each save (a sweep's context tracks thousands).
    private bool _casesSaved;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        CasesChanged();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        CasesChanged();
        return saved;
    }

    private void WatchSavedCases() => ChangeTracker.StateChanged += (_, change) =>
    {
        if (change.Entry.Entity is Complaint && change.OldState is EntityState.Added or EntityState.Modified or EntityState.Deleted)
        {
            _casesSaved = true;
        }
    };

    private void CasesChanged()
    {
        if (_casesSaved)
        {
            _casesSaved = false;
            this.ReferenceDataChanged<Features.ReadCases.QueueCounts>();
        }
    }

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Complaint>(b =>
        {
            b.ToTable("cases");
            b.HasKey(c => c.Id);
            b.Property(c => c.Reference).HasMaxLength(20);
            b.HasIndex(c => c.Reference).IsUnique();
            b.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
            // The queue lists cases oldest first under one filter at a time: each filter's index carries the order,
            // so a page is a short walk down an index rather than a sort of every matching case. The open queue (the
            // default view) has a partial index of its own, whose condition is the queue's, term for term.
            b.HasIndex(c => new { c.Stage, c.ReceivedAt });
            b.HasIndex(c => new { c.AssignedToId, c.ReceivedAt });
            b.HasIndex(c => new { c.OrganisationId, c.ReceivedAt });
            b.HasIndex(c => c.ReceivedAt).HasDatabaseName("IX_complaints_cases_open_queue").HasFilter(OpenQueueFilter);
            // A body's open cases and a caseworker's own are the queue's commonest filters: most of a body's cases
            // have ended, so without these a page of its open ones reads its ended ones to skip them.
            b.HasIndex(c => new { c.OrganisationId, c.ReceivedAt }, "IX_complaints_cases_open_by_organisation").HasFilter(OpenQueueFilter);
            b.HasIndex(c => new { c.AssignedToId, c.ReceivedAt }, "IX_complaints_cases_open_by_caseworker").HasFilter(OpenQueueFilter);
            b.HasIndex(c => c.ReceivedOn);
            // Decisions counted by body and period (compliance figures, publication): the index covers the count, so
            // it reads the decided cases of the period and nothing of the rest.
            b.HasIndex(c => new { c.DecidedOn, c.OrganisationId, c.Outcome }, "IX_complaints_cases_decided").HasFilter("\"Outcome\" IS NOT NULL");
            b.Property(c => c.BodyName).HasMaxLength(200);
            // Every text the case keeps, at the lengths its validators and the complaint form allow.
            b.Property(c => c.WhatHappened).HasMaxLength(20_000);
            b.Property(c => c.Impact).HasMaxLength(10_000);
            b.Property(c => c.OutcomeWanted).HasMaxLength(10_000);
            b.Property(c => c.PriorityNote).HasMaxLength(Features.WorkCases.CaseTextLimits.Reason);
            b.Property(c => c.ProvisionalViewMarkdown).HasMaxLength(Features.WorkCases.CaseTextLimits.Document);
            b.Property(c => c.ComplainantComment).HasMaxLength(Features.WorkCases.CaseTextLimits.Message);
            b.Property(c => c.BodyComment).HasMaxLength(Features.WorkCases.CaseTextLimits.Message);
            b.Property(c => c.FindingsMarkdown).HasMaxLength(Features.WorkCases.CaseTextLimits.Document);
            b.Property(c => c.DeclineExplanation).HasMaxLength(Features.WorkCases.CaseTextLimits.Summary);
            b.Property(c => c.WithdrawnReason).HasMaxLength(Features.WorkCases.CaseTextLimits.Reason);
            b.Property(c => c.Sector).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.BodyProcedure).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.LegalRemedy).HasConversion<string>().HasMaxLength(10);
            b.Property(c => c.AssignedToName).HasMaxLength(100);
            b.Property(c => c.Priority).HasConversion<string>().HasMaxLength(10);
            b.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(40);
            b.Property(c => c.Signpost).HasConversion<string>().HasMaxLength(40);
            b.Property(c => c.DeclineReasons).HasMaxLength(200);
            b.Property(c => c.StageBeforeReview).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.ClockStatus).HasConversion<string>().HasMaxLength(10);
            b.HasIndex(c => new { c.ClockStatus, c.ReceivedAt });
            b.OwnsOne(c => c.Person, p =>
            {
                p.Property(x => x.Name).HasMaxLength(200).HasColumnName("PersonName");
                p.Property(x => x.Email).HasMaxLength(256).HasColumnName("PersonEmail");
                p.Property(x => x.Phone).HasMaxLength(40).HasColumnName("PersonPhone");
                p.Property(x => x.Address).HasMaxLength(500).HasColumnName("PersonAddress");
                p.Property(x => x.Nation).HasConversion<string>().HasMaxLength(20).HasColumnName("PersonNation");
            });
            b.Navigation(c => c.Person).IsRequired();
            b.OwnsOne(c => c.Representative, r =>
            {
                r.Property(x => x.Name).HasMaxLength(200).HasColumnName("RepresentativeName");
                r.Property(x => x.Email).HasMaxLength(256).HasColumnName("RepresentativeEmail");
                r.Property(x => x.Phone).HasMaxLength(40).HasColumnName("RepresentativePhone");
                r.Property(x => x.Relationship).HasMaxLength(100).HasColumnName("RepresentativeRelationship");
                r.Property(x => x.Capacity).HasConversion<string>().HasMaxLength(30).HasColumnName("RepresentativeCapacity");
            });
            b.OwnsOne(c => c.Adjustments, a =>
            {
                a.Property(x => x.Needs).HasColumnName("SupportNeeds");
                a.Property(x => x.ContactPersonName).HasMaxLength(200).HasColumnName("ContactPersonName");
                a.Property(x => x.ContactPersonRelationship).HasMaxLength(100).HasColumnName("ContactPersonRelationship");
                a.Property(x => x.ExtraTime).HasColumnName("NeedsExtraTime");
                a.Property(x => x.OtherNeeds).HasMaxLength(1000).HasColumnName("OtherNeeds");
                a.Property(x => x.PreferredChannel).HasConversion<string>().HasMaxLength(10).HasColumnName("PreferredChannel");
                a.Property(x => x.BestTimes).HasMaxLength(200).HasColumnName("BestTimes");
                a.Ignore(x => x.Any);
            });
            b.Navigation(c => c.Adjustments).IsRequired();
            b.OwnsOne(c => c.Mp, m =>
            {
                m.Property(x => x.MpName).HasMaxLength(100).HasColumnName("MpName");
                m.Property(x => x.Constituency).HasMaxLength(100).HasColumnName("MpConstituency");
                m.Property(x => x.ReferredOn).HasColumnName("MpReferredOn");
            });
            b.Ignore(c => c.IsOpen);
            b.Ignore(c => c.ComplainantName);
            b.Ignore(c => c.ComplainantEmail);
            b.Ignore(c => c.JudicialReviewDeadline);

            b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.ComplaintId);
            b.HasMany(c => c.Checks).WithOne().HasForeignKey(d => d.ComplaintId);
            b.HasMany(c => c.Documents).WithOne().HasForeignKey(d => d.ComplaintId);
            b.HasMany(c => c.Clocks).WithOne().HasForeignKey(c => c.ComplaintId);
            b.HasMany(c => c.Reviews).WithOne().HasForeignKey(r => r.ComplaintId);
            b.HasMany(c => c.Links).WithOne().HasForeignKey(l => l.ComplaintId);
            b.HasMany(c => c.LocalAnswers).WithOne().HasForeignKey(a => a.ComplaintId);
        });

        // The case's parts get their ids from the domain (version 7 GUIDs) when created. EF must not treat an id as
        // "generated by the store", or it takes a new part added to a loaded case for an existing row and updates it.
        modelBuilder.Entity<CaseEvent>(b =>
        {
            b.ToTable("events");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
            b.Property(e => e.Visibility).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.ActorName).HasMaxLength(200);
            b.Property(e => e.Summary).HasMaxLength(500);
            b.Property(e => e.Detail).HasMaxLength(Features.WorkCases.CaseTextLimits.Document);
            b.HasIndex(e => new { e.ComplaintId, e.At });
            b.AuditedAsPartOf(nameof(Complaint), nameof(CaseEvent.ComplaintId));
        });
        modelBuilder.Entity<CheckDecision>(b =>
        {
            b.ToTable("check_decisions");
            b.HasKey(d => new { d.ComplaintId, d.Check });
            b.Property(d => d.Check).HasConversion<string>().HasMaxLength(30);
            b.Property(d => d.EngineOutcome).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.DecidedByName).HasMaxLength(200);
            b.Property(d => d.Reason).HasMaxLength(Features.WorkCases.CaseTextLimits.Reason);
            b.AuditedAsPartOf(nameof(Complaint), nameof(CheckDecision.ComplaintId));
        });
        modelBuilder.Entity<CaseDocument>(b =>
        {
            b.ToTable("documents");
            b.HasKey(d => d.Id);
            b.Property(d => d.Id).ValueGeneratedNever();
            b.Property(d => d.FileName).HasMaxLength(255);
            b.Property(d => d.ContentType).HasMaxLength(100);
            b.Property(d => d.Sha256).HasMaxLength(64);
            b.Property(d => d.AddedBy).HasMaxLength(200);
            b.AuditedAsPartOf(nameof(Complaint), nameof(CaseDocument.ComplaintId));
        });
        modelBuilder.Entity<CharterClock>(b =>
        {
            b.ToTable("clocks");
            b.HasKey(c => c.Id);
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.NotifiedState).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(c => c.State);
            b.Ignore(c => c.IsRunning);
            b.AuditedAsPartOf(nameof(Complaint), nameof(CharterClock.ComplaintId));
        });
        modelBuilder.Entity<ReviewRequest>(b =>
        {
            b.ToTable("reviews");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.DecidedBy).HasMaxLength(200);
            b.Property(r => r.Explanation).HasMaxLength(Features.WorkCases.CaseTextLimits.Summary);
            b.Property(r => r.OutcomeReason).HasMaxLength(Features.WorkCases.CaseTextLimits.Reason);
            b.AuditedAsPartOf(nameof(Complaint), nameof(ReviewRequest.ComplaintId));
        });
        modelBuilder.Entity<ComplainantAccess>(b =>
        {
            b.ToTable("access_links");
            b.HasKey(l => l.Id);
            b.Property(l => l.Id).ValueGeneratedNever();
            b.Property(l => l.TokenHash).HasMaxLength(64).RedactedInAudit();
            b.HasIndex(l => l.TokenHash).IsUnique();
            b.AuditedAsPartOf(nameof(Complaint), nameof(ComplainantAccess.ComplaintId));
        });
        modelBuilder.Entity<LocalAnswer>(b =>
        {
            b.ToTable("local_answers");
            b.HasKey(a => new { a.ComplaintId, a.Position });
            b.Property(a => a.Position).ValueGeneratedNever();
            b.Property(a => a.PluginId).HasMaxLength(100);
            b.Property(a => a.PluginName).HasMaxLength(200);
            b.Property(a => a.Key).HasMaxLength(60);
            b.Property(a => a.Question).HasMaxLength(300);
            b.Property(a => a.Type).HasConversion<string>().HasMaxLength(10);
            b.Property(a => a.Answer).HasMaxLength(1000);
            b.Property(a => a.Choices).HasMaxLength(2100);
            b.Ignore(a => a.AnswerDate);
            b.AuditedAsPartOf(nameof(Complaint), nameof(LocalAnswer.ComplaintId));
        });
        modelBuilder.Entity<ReferenceCounter>(b =>
        {
            b.ToTable("reference_counters");
            b.HasKey(r => r.Year);
            b.Property(r => r.Year).ValueGeneratedNever();
            b.ExcludeFromAudit();
        });
    }
}

/// <summary>The same context on PostgreSQL: its own type only so that each engine has its own generated migrations
/// and model snapshot (Persistence/Migrations/PostgreSql); nothing asks for it by name.</summary>
internal sealed class ComplaintsPostgreSqlDbContext(DbContextOptions<ComplaintsPostgreSqlDbContext> options) : ComplaintsDbContext(options);

/// <summary>The last case number used in a year, for references like PSO-2026-00042.</summary>
internal sealed class ReferenceCounter
{
    public int Year { get; set; }
    public int Last { get; set; }
}
