using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Sample.Contracts;

/// <summary>A note, as other modules and the API see it.</summary>
public sealed record SampleNoteSummary(Guid Id, string Text, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The newest notes first (at most 100).</summary>
[RequiresPolicy(Policies.StaffOnly)]
public sealed record ListSampleNotes(int Count = 20) : IQuery<IReadOnlyList<SampleNoteSummary>>;

/// <summary>Published, through the outbox, when a note is recorded.</summary>
public sealed record SampleNoteRecorded(Guid NoteId, string Text) : IIntegrationEvent;
