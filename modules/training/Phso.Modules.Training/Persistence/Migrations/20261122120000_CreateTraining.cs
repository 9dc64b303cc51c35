using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Training.Persistence.Migrations;

[DbContext(typeof(TrainingDbContext))]
[Migration("20261122120000_CreateTraining")]
internal sealed class CreateTraining : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateModuleInfrastructure(TrainingDbContext.Module);
        migrationBuilder.CreateTable(
            name: "training_courses",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                ActiveMonths = table.Column<int>(type: "INTEGER", nullable: true),
                Audience = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                FixedBaseDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                MinimumActiveMonths = table.Column<int>(type: "INTEGER", nullable: true),
                OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                PublishedNumber = table.Column<int>(type: "INTEGER", nullable: true),
                RecurrenceMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Version = table.Column<int>(type: "INTEGER", nullable: false),
                WindowMonths = table.Column<int>(type: "INTEGER", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_training_courses", x => x.Id);
            });
        migrationBuilder.CreateTable(
            name: "training_enrolments",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                AssignmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                CourseVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                CourseVersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                EndedReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                EnrolledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                Grade = table.Column<decimal>(type: "TEXT", nullable: true),
                LastLessonKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                Origin = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                Version = table.Column<int>(type: "INTEGER", nullable: false),
                WindowOpensOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_training_enrolments", x => x.Id);
            });
        migrationBuilder.CreateTable(
            name: "training_course_versions",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                EditedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                EditedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                Number = table.Column<int>(type: "INTEGER", nullable: false),
                PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_training_course_versions", x => x.Id);
                table.ForeignKey("FK_training_course_versions_training_courses_CourseId", x => x.CourseId, "training_courses", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: "training_lesson_views",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                LessonKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                ViewedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_training_lesson_views", x => x.Id);
                table.ForeignKey("FK_training_lesson_views_training_enrolments_EnrolmentId", x => x.EnrolmentId, "training_enrolments", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: "training_quiz_attempts",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                MarksJson = table.Column<string>(type: "TEXT", nullable: false),
                Number = table.Column<int>(type: "INTEGER", nullable: false),
                Score = table.Column<decimal>(type: "TEXT", nullable: false),
                SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_training_quiz_attempts", x => x.Id);
                table.ForeignKey("FK_training_quiz_attempts_training_enrolments_EnrolmentId", x => x.EnrolmentId, "training_enrolments", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_training_course_versions_CourseId_Number", table: "training_course_versions", columns: ["CourseId", "Number"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_training_courses_Key", table: "training_courses", column: "Key", unique: true);
        migrationBuilder.CreateIndex(name: "IX_training_courses_OrganisationId", table: "training_courses", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_training_enrolments_AssignmentId", table: "training_enrolments", column: "AssignmentId");
        migrationBuilder.CreateIndex(name: "IX_training_enrolments_CourseId_Status", table: "training_enrolments", columns: ["CourseId", "Status"]);
        migrationBuilder.CreateIndex(name: "IX_training_enrolments_PersonId_CourseId", table: "training_enrolments", columns: ["PersonId", "CourseId"]);
        migrationBuilder.CreateIndex(name: "IX_training_lesson_views_EnrolmentId_LessonKey", table: "training_lesson_views", columns: ["EnrolmentId", "LessonKey"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_training_quiz_attempts_EnrolmentId_Number", table: "training_quiz_attempts", columns: ["EnrolmentId", "Number"], unique: true);

        migrationBuilder.CreateTable(
            name: "training_certificates",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                Code = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                CourseTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                Hours = table.Column<decimal>(type: "TEXT", nullable: false),
                IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                RevokedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                RevokedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                SupersededById = table.Column<Guid>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_training_certificates", x => x.Id);
            });
        migrationBuilder.CreateIndex(name: "IX_training_certificates_Code", table: "training_certificates", column: "Code", unique: true);
        migrationBuilder.CreateIndex(name: "IX_training_certificates_PersonId_CourseId", table: "training_certificates", columns: ["PersonId", "CourseId"]);
        migrationBuilder.CreateTable(
            name: "training_assignments",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                AssignedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                AssignedById = table.Column<Guid>(type: "TEXT", nullable: true),
                CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                RemovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                Target = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                TargetId = table.Column<Guid>(type: "TEXT", nullable: true),
                TargetName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_training_assignments", x => x.Id);
            });
        migrationBuilder.CreateIndex(name: "IX_training_assignments_CourseId", table: "training_assignments", column: "CourseId");

        migrationBuilder.CreateTable(
            name: "training_reminders",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                About = table.Column<DateOnly>(type: "TEXT", nullable: false),
                EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                RecipientId = table.Column<Guid>(type: "TEXT", nullable: false),
                SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_training_reminders", x => x.Id);
            });
        migrationBuilder.CreateIndex(name: "IX_training_reminders_EnrolmentId_RecipientId_Kind_About", table: "training_reminders", columns: ["EnrolmentId", "RecipientId", "Kind", "About"], unique: true);
    }
}
