using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Phso.SharedKernel.Persistence;

#nullable disable

namespace Phso.Modules.Complaints.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaints_audit_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", nullable: false),
                    Command = table.Column<string>(type: "TEXT", nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false),
                    CorrelationId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "complaints_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PersonEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PersonPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PersonAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PersonNation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RepresentativeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RepresentativeEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RepresentativePhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RepresentativeRelationship = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RepresentativeCapacity = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    SupportNeeds = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactPersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactPersonRelationship = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NeedsExtraTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    OtherNeeds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PreferredChannel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    BestTimes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BodyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    AwareOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Impact = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    OutcomeWanted = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    BodyProcedure = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ComplainedToBodyOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BodyAcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BodyFinalResponseOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MpName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MpConstituency = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MpReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LegalRemedy = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AssignedToId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedToName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PriorityReasons = table.Column<int>(type: "INTEGER", nullable: false),
                    PriorityNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProvisionalViewMarkdown = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    ProvisionalViewSharedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CommentsDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ComplainantComment = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ComplainantCommentedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BodyComment = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    BodyCommentedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FindingsMarkdown = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeclineReasons = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Signpost = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DeclineExplanation = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    WithdrawnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StageBeforeReview = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ClockStatus = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    NextClockDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "complaints_inbox",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_inbox", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "complaints_outbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CorrelationId = table.Column<string>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeadLetteredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "complaints_reference_counters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
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
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_access_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaints_access_links_complaints_cases_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "complaints_check_decisions",
                columns: table => new
                {
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Check = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Met = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EngineOutcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_check_decisions", x => new { x.ComplaintId, x.Check });
                    table.ForeignKey(
                        name: "FK_complaints_check_decisions_complaints_cases_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "complaints_clocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NotifiedState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_clocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaints_clocks_complaints_cases_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "complaints_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromComplainant = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaints_documents_complaints_cases_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "complaints_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaints_events_complaints_cases_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "complaints_local_answers",
                columns: table => new
                {
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    PluginId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PluginName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 2100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_local_answers", x => new { x.ComplaintId, x.Position });
                    table.ForeignKey(
                        name: "FK_complaints_local_answers_complaints_cases_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "complaints_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Grounds = table.Column<int>(type: "INTEGER", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    OutcomeReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaints_reviews_complaints_cases_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_access_links_ComplaintId",
                table: "complaints_access_links",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_access_links_TokenHash",
                table: "complaints_access_links",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_complaints_audit_entries_RecordType_RecordId",
                table: "complaints_audit_entries",
                columns: new[] { "RecordType", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_AssignedToId",
                table: "complaints_cases",
                column: "AssignedToId");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_ClockStatus",
                table: "complaints_cases",
                column: "ClockStatus");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_OrganisationId",
                table: "complaints_cases",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_ReceivedOn",
                table: "complaints_cases",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_Reference",
                table: "complaints_cases",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_complaints_cases_Stage",
                table: "complaints_cases",
                column: "Stage");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_clocks_ComplaintId",
                table: "complaints_clocks",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_clocks_State",
                table: "complaints_clocks",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_documents_ComplaintId",
                table: "complaints_documents",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_events_ComplaintId_At",
                table: "complaints_events",
                columns: new[] { "ComplaintId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_outbox_messages_ProcessedAt_DeadLetteredAt_NextAttemptAt",
                table: "complaints_outbox_messages",
                columns: new[] { "ProcessedAt", "DeadLetteredAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_reviews_ComplaintId",
                table: "complaints_reviews",
                column: "ComplaintId");

            // Added by hand (the one thing a model cannot say): the audit trail refuses updates and deletes.
            migrationBuilder.MakeAuditTrailAppendOnly("complaints");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaints_access_links");

            migrationBuilder.DropTable(
                name: "complaints_audit_entries");

            migrationBuilder.DropTable(
                name: "complaints_check_decisions");

            migrationBuilder.DropTable(
                name: "complaints_clocks");

            migrationBuilder.DropTable(
                name: "complaints_documents");

            migrationBuilder.DropTable(
                name: "complaints_events");

            migrationBuilder.DropTable(
                name: "complaints_inbox");

            migrationBuilder.DropTable(
                name: "complaints_local_answers");

            migrationBuilder.DropTable(
                name: "complaints_outbox_messages");

            migrationBuilder.DropTable(
                name: "complaints_reference_counters");

            migrationBuilder.DropTable(
                name: "complaints_reviews");

            migrationBuilder.DropTable(
                name: "complaints_cases");
        }
    }
}
