using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Training.Persistence;

internal class TrainingDbContext : ModuleDbContext
{
    public TrainingDbContext(DbContextOptions<TrainingDbContext> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="TrainingPostgreSqlDbContext"/>, which has its own options type.</summary>
    protected TrainingDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public const string Module = "training";

    public override string ModuleName => Module;

    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseVersion> CourseVersions => Set<CourseVersion>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<QuizAttempt> Attempts => Set<QuizAttempt>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<SentReminder> Reminders => Set<SentReminder>();
    public DbSet<StoredImage> Images => Set<StoredImage>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Course>(b =>
        {
            b.ToTable("courses");
            b.HasKey(c => c.Id);
            b.Property(c => c.Key).HasMaxLength(60);
            b.HasIndex(c => c.Key).IsUnique();
            b.Property(c => c.Title).HasMaxLength(200);
            b.Property(c => c.Category).HasConversion<string>().HasMaxLength(40);
            b.Property(c => c.Audience).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.Source).HasMaxLength(200);
            b.HasIndex(c => c.OrganisationId);
            b.OwnsOne(c => c.Recurrence, r =>
            {
                r.Property(x => x.Mode).HasConversion<string>().HasMaxLength(20).HasColumnName("RecurrenceMode");
                r.Property(x => x.ActiveMonths).HasColumnName("ActiveMonths");
                r.Property(x => x.WindowMonths).HasColumnName("WindowMonths");
                r.Property(x => x.FixedBaseDate).HasColumnName("FixedBaseDate");
                r.Property(x => x.MinimumActiveMonths).HasColumnName("MinimumActiveMonths");
                r.Ignore(x => x.Problem);
            });
            b.HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.CourseId);
            b.Navigation(c => c.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<CourseVersion>(b =>
        {
            b.ToTable("course_versions");
            b.HasKey(v => v.Id);
            b.Property(v => v.Id).ValueGeneratedNever();
            b.HasIndex(v => new { v.CourseId, v.Number }).IsUnique();
            b.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
            // A version's content: at most a package's lessons (each file at most 1MB, far fewer in practice).
            b.Property(v => v.ContentJson).HasMaxLength(10_000_000);
            b.Property(v => v.EditedBy).HasMaxLength(100);
            b.Property(v => v.PublishedBy).HasMaxLength(100);
            b.Ignore(v => v.Content);
        });
        modelBuilder.Entity<Enrolment>(b =>
        {
            b.ToTable("enrolments");
            b.HasKey(e => e.Id);
            b.HasIndex(e => new { e.PersonId, e.CourseId });
            b.HasIndex(e => new { e.CourseId, e.Status });
            b.HasIndex(e => e.AssignmentId);
            b.Property(e => e.Origin).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.LastLessonKey).HasMaxLength(100);
            b.Property(e => e.EndedReason).HasMaxLength(200);
            b.Ignore(e => e.IsCurrent);
            b.Ignore(e => e.IsFinished);
            b.HasMany(e => e.Views).WithOne().HasForeignKey(v => v.EnrolmentId);
            b.Navigation(e => e.Views).HasField("_views").UsePropertyAccessMode(PropertyAccessMode.Field);
            b.HasMany(e => e.Attempts).WithOne().HasForeignKey(a => a.EnrolmentId);
            b.Navigation(e => e.Attempts).HasField("_attempts").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<LessonView>(b =>
        {
            b.ToTable("lesson_views");
            b.HasKey(v => v.Id);
            b.Property(v => v.Id).ValueGeneratedNever();
            b.Property(v => v.LessonKey).HasMaxLength(100);
            b.HasIndex(v => new { v.EnrolmentId, v.LessonKey }).IsUnique();
        });
        modelBuilder.Entity<QuizAttempt>(b =>
        {
            b.ToTable("quiz_attempts");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.HasIndex(a => new { a.EnrolmentId, a.Number }).IsUnique();
            b.Property(a => a.Score).HasPrecision(5, 2);
            b.Property(a => a.AnswersJson).HasMaxLength(100_000);
            b.Property(a => a.MarksJson).HasMaxLength(20_000);
        });
        modelBuilder.Entity<Certificate>(b =>
        {
            b.ToTable("certificates");
            b.HasKey(c => c.Id);
            b.Property(c => c.Code).HasMaxLength(14);
            b.HasIndex(c => c.Code).IsUnique();
            b.HasIndex(c => new { c.PersonId, c.CourseId });
            b.Property(c => c.PersonName).HasMaxLength(200);
            b.Property(c => c.CourseTitle).HasMaxLength(200);
            b.Property(c => c.Hours).HasPrecision(5, 2);
            b.Property(c => c.RevokedBy).HasMaxLength(100);
            b.Property(c => c.RevokedReason).HasMaxLength(500);
        });
        modelBuilder.Entity<Assignment>(b =>
        {
            b.ToTable("assignments");
            b.HasKey(a => a.Id);
            b.HasIndex(a => a.CourseId);
            // A manager's team page lists the assignments they made, on every view.
            b.HasIndex(a => new { a.AssignedById, a.RemovedAt });
            b.Property(a => a.Target).HasConversion<string>().HasMaxLength(30);
            b.Property(a => a.TargetName).HasMaxLength(200);
            b.Property(a => a.AssignedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<SentReminder>(b =>
        {
            b.ToTable("reminders");
            b.HasKey(r => r.Id);
            b.Property(r => r.Kind).HasMaxLength(20);
            b.HasIndex(r => new { r.EnrolmentId, r.RecipientId, r.Kind, r.About }).IsUnique();

            // Reminders are messages sent, not records people change.
            b.ExcludeFromAudit();
        });
        modelBuilder.Entity<StoredImage>(b =>
        {
            b.ToTable("images");
            b.HasKey(i => i.Sha256);
            b.Property(i => i.Sha256).HasMaxLength(64);
            b.Property(i => i.ContentType).HasMaxLength(20);
            b.Property(i => i.Content).HasMaxLength((int)Features.CoursePackages.CoursePackage.MaxFileBytes);

            // Bytes stored once by their hash and never changed; the course version that uses them is audited.
            b.ExcludeFromAudit();
        });
    }
}

/// <summary>The same context on PostgreSQL: its own type only so that each engine has its own generated migrations
/// and model snapshot (Persistence/Migrations/PostgreSql); nothing asks for it by name.</summary>
internal sealed class TrainingPostgreSqlDbContext(DbContextOptions<TrainingPostgreSqlDbContext> options) : TrainingDbContext(options);
