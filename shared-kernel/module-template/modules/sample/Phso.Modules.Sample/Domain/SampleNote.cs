namespace Phso.Modules.Sample.Domain;

/// <summary>A note someone recorded.</summary>
internal sealed class SampleNote
{
    public const int MaxTextLength = 500;

    private SampleNote()
    {
    }

    public Guid Id { get; private set; }
    public string Text { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public static SampleNote Record(string text, string recordedBy, DateTimeOffset at) =>
        new() { Id = Guid.CreateVersion7(at), Text = text, RecordedBy = recordedBy, RecordedAt = at };
}
