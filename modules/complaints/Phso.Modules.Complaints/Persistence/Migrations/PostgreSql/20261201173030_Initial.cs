using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Phso.SharedKernel.Persistence;

#nullable disable

namespace Phso.Modules.Complaints.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "complaints");

            migrationBuilder.CreateTable(
                name: "audit_entries",
                schema: "complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "text", nullable: true),
                    ActorName = table.Column<string>(type: "text", nullable: false),
                    Command = table.Column<string>(type: "text", nullable: false),
                    RecordType = table.Column<string>(type: "text", nullable: false),
                    RecordId = table.Column<string>(type: "text", nullable: false),
                    EntityType = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false),
                    CorrelationId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                schema: "complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PersonEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PersonPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PersonAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PersonNation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RepresentativeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RepresentativeEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RepresentativePhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RepresentativeRelationship = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RepresentativeCapacity = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    SupportNeeds = table.Column<int>(type: "integer", nullable: false),
                    ContactPersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContactPersonRelationship = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NeedsExtraTime = table.Column<bool>(type: "boolean", nullable: false),
                    OtherNeeds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PreferredChannel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    BestTimes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    BodyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    WhatHappened = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    AwareOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Impact = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    OutcomeWanted = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    BodyProcedure = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ComplainedToBodyOn = table.Column<DateOnly>(type: "date", nullable: true),
                    BodyAcknowledgedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    BodyFinalResponseOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MpName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MpConstituency = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MpReferredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LegalRemedy = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AssignedToId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedToName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Priority = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PriorityReasons = table.Column<int>(type: "integer", nullable: false),
                    PriorityNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ProvisionalViewMarkdown = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    ProvisionalViewSharedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CommentsDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ComplainantComment = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ComplainantCommentedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BodyComment = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    BodyCommentedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FindingsMarkdown = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeclineReasons = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Signpost = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DeclineExplanation = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    WithdrawnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StageBeforeReview = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ClockStatus = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    NextClockDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "complaints",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handler = table.Column<string>(type: "text", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventType = table.Column<string>(type: "text", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CorrelationId = table.Column<string>(type: "text", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeadLetteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reference_counters",
                schema: "complaints",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reference_counters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "access_links",
                schema: "complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_access_links_cases_ComplaintId",
                        column: x => x.ComplaintId,
                        principalSchema: "complaints",
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "check_decisions",
                schema: "complaints",
                columns: table => new
                {
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    Check = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Met = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EngineOutcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_check_decisions", x => new { x.ComplaintId, x.Check });
                    table.ForeignKey(
                        name: "FK_check_decisions_cases_ComplaintId",
                        column: x => x.ComplaintId,
                        principalSchema: "complaints",
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "clocks",
                schema: "complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NotifiedState = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clocks_cases_ComplaintId",
                        column: x => x.ComplaintId,
                        principalSchema: "complaints",
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "documents",
                schema: "complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FromComplainant = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_documents_cases_ComplaintId",
                        column: x => x.ComplaintId,
                        principalSchema: "complaints",
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "events",
                schema: "complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Detail = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_events_cases_ComplaintId",
                        column: x => x.ComplaintId,
                        principalSchema: "complaints",
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "local_answers",
                schema: "complaints",
                columns: table => new
                {
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    PluginId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PluginName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Question = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Answer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Choices = table.Column<string>(type: "character varying(2100)", maxLength: 2100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_local_answers", x => new { x.ComplaintId, x.Position });
                    table.ForeignKey(
                        name: "FK_local_answers_cases_ComplaintId",
                        column: x => x.ComplaintId,
                        principalSchema: "complaints",
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reviews",
                schema: "complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Grounds = table.Column<int>(type: "integer", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OutcomeReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reviews_cases_ComplaintId",
                        column: x => x.ComplaintId,
                        principalSchema: "complaints",
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_access_links_ComplaintId",
                schema: "complaints",
                table: "access_links",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_access_links_TokenHash",
                schema: "complaints",
                table: "access_links",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_RecordType_RecordId",
                schema: "complaints",
                table: "audit_entries",
                columns: new[] { "RecordType", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_AssignedToId",
                schema: "complaints",
                table: "cases",
                column: "AssignedToId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_ClockStatus",
                schema: "complaints",
                table: "cases",
                column: "ClockStatus");

            migrationBuilder.CreateIndex(
                name: "IX_cases_OrganisationId",
                schema: "complaints",
                table: "cases",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_ReceivedOn",
                schema: "complaints",
                table: "cases",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Reference",
                schema: "complaints",
                table: "cases",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_Stage",
                schema: "complaints",
                table: "cases",
                column: "Stage");

            migrationBuilder.CreateIndex(
                name: "IX_clocks_ComplaintId",
                schema: "complaints",
                table: "clocks",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_clocks_State",
                schema: "complaints",
                table: "clocks",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_documents_ComplaintId",
                schema: "complaints",
                table: "documents",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_events_ComplaintId_At",
                schema: "complaints",
                table: "events",
                columns: new[] { "ComplaintId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_ProcessedAt_DeadLetteredAt_NextAttemptAt",
                schema: "complaints",
                table: "outbox_messages",
                columns: new[] { "ProcessedAt", "DeadLetteredAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reviews_ComplaintId",
                schema: "complaints",
                table: "reviews",
                column: "ComplaintId");

            // Added by hand (the one thing a model cannot say): the audit trail refuses updates and deletes.
            migrationBuilder.MakeAuditTrailAppendOnly("complaints");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_links",
                schema: "complaints");

            migrationBuilder.DropTable(
                name: "audit_entries",
                schema: "complaints");

            migrationBuilder.DropTable(
                name: "check_decisions",
                schema: "complaints");

            migrationBuilder.DropTable(
                name: "clocks",
                schema: "complaints");

            migrationBuilder.DropTable(
                name: "documents",
                schema: "complaints");

            migrationBuilder.DropTable(
                name: "events",
                schema: "complaints");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "complaints");

            migrationBuilder.DropTable(
                name: "local_answers",
                schema: "complaints");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "complaints");

            migrationBuilder.DropTable(
                name: "reference_counters",
                schema: "complaints");

            migrationBuilder.DropTable(
                name: "reviews",
                schema: "complaints");

            migrationBuilder.DropTable(
                name: "cases",
                schema: "complaints");
        }
    }
}
