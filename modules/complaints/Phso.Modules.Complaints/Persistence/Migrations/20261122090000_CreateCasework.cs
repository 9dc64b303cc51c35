using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Complaints.Persistence.Migrations;

[DbContext(typeof(ComplaintsDbContext))]
[Migration("20261122090000_CreateCasework")]
internal sealed class CreateCasework : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateModuleInfrastructure(ComplaintsDbContext.Module);
        migrationBuilder.CreateTable(
            name: "complaints_cases",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                AssignedToId = table.Column<Guid>(type: "TEXT", nullable: true),
                AssignedToName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                AwareOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                BestTimes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                BodyComment = table.Column<string>(type: "TEXT", nullable: true),
                BodyCommentedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                BodyFinalResponseOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                BodyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                BodyProcedure = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                ClockStatus = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                CommentsDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                ComplainantComment = table.Column<string>(type: "TEXT", nullable: true),
                ComplainantCommentedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                ComplainedToBodyOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                ContactPersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                ContactPersonRelationship = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                DeclineExplanation = table.Column<string>(type: "TEXT", nullable: true),
                DeclineReasons = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                FindingsMarkdown = table.Column<string>(type: "TEXT", nullable: true),
                Impact = table.Column<string>(type: "TEXT", nullable: false),
                LegalRemedy = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                MpConstituency = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                MpName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                MpReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                NeedsExtraTime = table.Column<bool>(type: "INTEGER", nullable: false),
                NextClockDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                OtherNeeds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                OutcomeWanted = table.Column<string>(type: "TEXT", nullable: false),
                PersonAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                PersonEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                PersonNation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                PersonPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                PreferredChannel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                Priority = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                PriorityNote = table.Column<string>(type: "TEXT", nullable: true),
                PriorityReasons = table.Column<int>(type: "INTEGER", nullable: false),
                ProvisionalViewMarkdown = table.Column<string>(type: "TEXT", nullable: true),
                ProvisionalViewSharedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                RepresentativeCapacity = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                RepresentativeEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                RepresentativeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                RepresentativePhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                RepresentativeRelationship = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                Sector = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                Signpost = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                StageBeforeReview = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                SupportNeeds = table.Column<int>(type: "INTEGER", nullable: false),
                Version = table.Column<int>(type: "INTEGER", nullable: false),
                WhatHappened = table.Column<string>(type: "TEXT", nullable: false),
                WithdrawnReason = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_complaints_cases", x => x.Id);
            });
        migrationBuilder.CreateTable(
            name: "complaints_reference_counters",
            columns: table => new
            {
                Year = table.Column<int>(type: "INTEGER", nullable: false),
                Last = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_complaints_reference_counters", x => x.Year);
            });
        migrationBuilder.CreateTable(
            name: "complaints_access_links",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_complaints_access_links", x => x.Id);
                table.ForeignKey("FK_complaints_access_links_complaints_cases_ComplaintId", x => x.ComplaintId, "complaints_cases", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: "complaints_check_decisions",
            columns: table => new
            {
                ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                Check = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                EngineOutcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                Met = table.Column<bool>(type: "INTEGER", nullable: false),
                Reason = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_complaints_check_decisions", x => new { x.ComplaintId, x.Check });
                table.ForeignKey("FK_complaints_check_decisions_complaints_cases_ComplaintId", x => x.ComplaintId, "complaints_cases", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: "complaints_clocks",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                NotifiedState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_complaints_clocks", x => x.Id);
                table.ForeignKey("FK_complaints_clocks_complaints_cases_ComplaintId", x => x.ComplaintId, "complaints_cases", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: "complaints_documents",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                AddedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                FromComplainant = table.Column<bool>(type: "INTEGER", nullable: false),
                Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Size = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_complaints_documents", x => x.Id);
                table.ForeignKey("FK_complaints_documents_complaints_cases_ComplaintId", x => x.ComplaintId, "complaints_cases", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: "complaints_events",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                At = table.Column<DateTime>(type: "TEXT", nullable: false),
                ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                Detail = table.Column<string>(type: "TEXT", nullable: true),
                DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_complaints_events", x => x.Id);
                table.ForeignKey("FK_complaints_events_complaints_cases_ComplaintId", x => x.ComplaintId, "complaints_cases", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: "complaints_reviews",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Explanation = table.Column<string>(type: "TEXT", nullable: false),
                Grounds = table.Column<int>(type: "INTEGER", nullable: false),
                Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                OutcomeReason = table.Column<string>(type: "TEXT", nullable: true),
                RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_complaints_reviews", x => x.Id);
                table.ForeignKey("FK_complaints_reviews_complaints_cases_ComplaintId", x => x.ComplaintId, "complaints_cases", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_complaints_access_links_ComplaintId", table: "complaints_access_links", column: "ComplaintId");
        migrationBuilder.CreateIndex(name: "IX_complaints_access_links_TokenHash", table: "complaints_access_links", column: "TokenHash", unique: true);
        migrationBuilder.CreateIndex(name: "IX_complaints_cases_AssignedToId", table: "complaints_cases", column: "AssignedToId");
        migrationBuilder.CreateIndex(name: "IX_complaints_cases_ClockStatus", table: "complaints_cases", column: "ClockStatus");
        migrationBuilder.CreateIndex(name: "IX_complaints_cases_OrganisationId", table: "complaints_cases", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_complaints_cases_ReceivedOn", table: "complaints_cases", column: "ReceivedOn");
        migrationBuilder.CreateIndex(name: "IX_complaints_cases_Reference", table: "complaints_cases", column: "Reference", unique: true);
        migrationBuilder.CreateIndex(name: "IX_complaints_cases_Stage", table: "complaints_cases", column: "Stage");
        migrationBuilder.CreateIndex(name: "IX_complaints_clocks_ComplaintId", table: "complaints_clocks", column: "ComplaintId");
        migrationBuilder.CreateIndex(name: "IX_complaints_clocks_State", table: "complaints_clocks", column: "State");
        migrationBuilder.CreateIndex(name: "IX_complaints_documents_ComplaintId", table: "complaints_documents", column: "ComplaintId");
        migrationBuilder.CreateIndex(name: "IX_complaints_events_ComplaintId_At", table: "complaints_events", columns: ["ComplaintId", "At"]);
        migrationBuilder.CreateIndex(name: "IX_complaints_reviews_ComplaintId", table: "complaints_reviews", column: "ComplaintId");
    }
}
