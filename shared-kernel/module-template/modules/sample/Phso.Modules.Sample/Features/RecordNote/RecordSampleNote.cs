using FluentValidation;
using MediatR;
using Phso.Modules.Sample.Contracts;
using Phso.Modules.Sample.Domain;
using Phso.Modules.Sample.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Sample.Features.RecordNote;

/// <summary>Records a note; returns its id.</summary>
[RequiresPolicy(Policies.StaffOnly)]
public sealed record RecordSampleNote(string Text) : ICommand<Guid>;

/// <summary>Input checks, keyed by the request's own property names, so a page shows them on its Input_Text field and
/// the API names "Text".</summary>
internal sealed class RecordSampleNoteValidator : AbstractValidator<RecordSampleNote>
{
    public RecordSampleNoteValidator()
    {
        RuleFor(r => r.Text).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the note")
            .MaximumLength(SampleNote.MaxTextLength).WithMessage($"The note must be {SampleNote.MaxTextLength} characters or fewer");
    }
}

/// <summary>Saves the note and publishes <see cref="SampleNoteRecorded"/> in the same transaction (the outbox).</summary>
internal sealed class RecordSampleNoteHandler(SampleDbContext db, ICurrentUser me, TimeProvider clock) : IRequestHandler<RecordSampleNote, Guid>
{
    public Task<Guid> Handle(RecordSampleNote request, CancellationToken cancellationToken)
    {
        var note = SampleNote.Record(request.Text.Trim(), me.DisplayName, clock.GetUtcNow());
        db.Notes.Add(note);
        db.Publish(new SampleNoteRecorded(note.Id, note.Text));
        return Task.FromResult(note.Id);
    }
}
