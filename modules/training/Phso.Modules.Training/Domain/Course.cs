using System.Text.Json;
using System.Text.Json.Serialization;
using Phso.Modules.Training.Contracts;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Training.Domain;

public enum VersionStatus
{
    Draft,
    Published,
    Superseded,
}

/// <summary>
/// A course: a series of versions, of which at most one is a draft and one is published. Learners enrol on the
/// published version and keep it; publishing a new version changes nothing for them until they start again.
/// </summary>
public sealed class Course : IVersioned
{
    private readonly List<CourseVersion> _versions = [];

    private Course()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The course's lasting name in packages, e.g. "edi-essentials": importing a package with the same key
    /// makes a new draft of this course.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The latest title (the draft's when there is one), for lists.</summary>
    public string Title { get; private set; } = "";

    public CourseCategory Category { get; private set; }

    public CourseAudience Audience { get; private set; }

    public int? PublishedNumber { get; private set; }

    /// <summary>Set for recurring (mandatory, yearly) training.</summary>
    public RecertificationRules? Recurrence { get; private set; }

    /// <summary>Set when the course is only for one organisation's handlers (courses a partner plugin brings).</summary>
    public Guid? OrganisationId { get; private set; }

    /// <summary>Where the course came from when not written here, e.g. a plugin's id.</summary>
    public string? Source { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public int Version { get; set; }

    public IReadOnlyList<CourseVersion> Versions => _versions;

    public CourseVersion? Published => _versions.SingleOrDefault(v => v.Status == VersionStatus.Published);

    public CourseVersion? Draft => _versions.SingleOrDefault(v => v.Status == VersionStatus.Draft);

    public bool IsRetired => RetiredAt is not null;

    public static Course Create(string key, CourseContent content, RecertificationRules? recurrence, Guid? organisationId, string? source, string author, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        var course = new Course { Id = Guid.CreateVersion7(), Key = key, CreatedAt = at, OrganisationId = organisationId, Source = source };
        course.SetRecurrence(recurrence);
        course.SaveDraft(content, author, at);
        return course;
    }

    /// <summary>Saves the draft, starting one from the content given when there is none.</summary>
    public void SaveDraft(CourseContent content, string author, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (IsRetired)
        {
            throw new RuleViolationException("This course has been retired; it cannot be changed.");
        }

        if (Draft is { } draft)
        {
            draft.Replace(content, author, at);
        }
        else
        {
            _versions.Add(CourseVersion.NewDraft(Id, _versions.Count == 0 ? 1 : _versions.Max(v => v.Number) + 1, content, author, at));
        }

        Describe(content);
    }

    public void SetRecurrence(RecertificationRules? recurrence)
    {
        if (recurrence?.Problem is { } problem)
        {
            throw new RuleViolationException(problem);
        }

        Recurrence = recurrence;
    }

    /// <summary>Publishes the draft: it becomes what new learners get; the version it replaces stays for those on it.</summary>
    public CourseVersion Publish(string publisher, DateTimeOffset at)
    {
        var draft = Draft ?? throw new RuleViolationException("There is no draft to publish: make a change first.");
        if (draft.Content.Problems() is { Count: > 0 } problems)
        {
            throw new RuleViolationException($"The draft cannot be published yet: {string.Join("; ", problems)}.");
        }

        Published?.Supersede();
        draft.MarkPublished(publisher, at);
        PublishedNumber = draft.Number;
        Describe(draft.Content);
        return draft;
    }

    public void Retire(DateTimeOffset at)
    {
        if (IsRetired)
        {
            throw new RuleViolationException("This course has already been retired.");
        }

        RetiredAt = at;
    }

    /// <summary>Brings back a course retired because its source (a partner plugin) was switched off, when it is back.</summary>
    public void Reinstate()
    {
        if (Source is null || !Source.StartsWith("plugin:", StringComparison.Ordinal))
        {
            throw new RuleViolationException("Only a course a partner plugin brings comes back when the plugin does.");
        }

        RetiredAt = null;
    }

    private void Describe(CourseContent content)
    {
        Title = content.Title.Trim();
        Category = content.Category;
        Audience = content.Audience;
    }
}

/// <summary>One version of a course's content, kept as a JSON document (it is read whole and never queried inside).</summary>
public sealed class CourseVersion
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private CourseContent? _content;

    private CourseVersion()
    {
    }

    public Guid Id { get; private set; }

    public Guid CourseId { get; private set; }

    public int Number { get; private set; }

    public VersionStatus Status { get; private set; }

    public string ContentJson { get; private set; } = "";

    public string EditedBy { get; private set; } = "";

    public DateTimeOffset EditedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public CourseContent Content => _content ??= Parse(ContentJson);

    /// <summary>A version's content from its stored JSON document.</summary>
    public static CourseContent Parse(string contentJson) => JsonSerializer.Deserialize<CourseContent>(contentJson, Json)!;

    /// <summary>Whether two versions' content differ (as stored).</summary>
    public static bool Differs(CourseContent a, CourseContent b) => JsonSerializer.Serialize(a, Json) != JsonSerializer.Serialize(b, Json);

    internal static CourseVersion NewDraft(Guid courseId, int number, CourseContent content, string author, DateTimeOffset at)
    {
        var version = new CourseVersion { Id = Guid.CreateVersion7(), CourseId = courseId, Number = number, Status = VersionStatus.Draft };
        version.Replace(content, author, at);
        return version;
    }

    internal void Replace(CourseContent content, string author, DateTimeOffset at)
    {
        if (Status != VersionStatus.Draft)
        {
            throw new RuleViolationException("A published version cannot be changed; edit the draft instead.");
        }

        ContentJson = JsonSerializer.Serialize(content, Json);
        _content = null;
        EditedBy = author;
        EditedAt = at;
    }

    internal void MarkPublished(string publisher, DateTimeOffset at)
    {
        Status = VersionStatus.Published;
        PublishedBy = publisher;
        PublishedAt = at;
    }

    internal void Supersede() => Status = VersionStatus.Superseded;
}
