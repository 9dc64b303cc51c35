using Phso.Modules.Training.Contracts;

namespace Phso.Modules.Training.Domain;

/// <summary>
/// What a learner sees of one version of a course. A published version never changes: learners keep the version they
/// started, and an edit becomes a new version. Stored as one document per version (see the module README).
/// </summary>
public sealed record CourseContent(
    string Title, string Summary, CourseAudience Audience, CourseCategory Category, decimal Hours,
    IReadOnlyList<Section> Sections, Quiz? Quiz, CompletionCriteria Completion)
{
    /// <summary>The images the lessons show, written in lessons as <c>![description](../images/name.png)</c>.</summary>
    public IReadOnlyList<CourseImage> Images { get; init; } = [];

    public IEnumerable<Lesson> Lessons => Sections.SelectMany(s => s.Lessons);

    /// <summary>Where each image a lesson may show is served from, by the path lessons write.</summary>
    public IReadOnlyDictionary<string, string> ImageSources() =>
        Images.ToDictionary(i => CourseImage.Folder + i.Name, i => $"/learning/images/{i.Sha256}", StringComparer.Ordinal);

    /// <summary>Everything wrong with the content, in words an author can act on; empty when it can be published.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            problems.Add("Enter the course title");
        }

        if (Hours is <= 0 or > 100)
        {
            problems.Add("The duration must be more than 0 and at most 100 hours");
        }

        if (!Lessons.Any())
        {
            problems.Add("Add at least one lesson");
        }

        foreach (var duplicate in Lessons.GroupBy(l => l.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"Two lessons have the key \"{duplicate.Key}\"; each lesson needs its own");
        }

        if (Completion.RequiresQuiz && Quiz is null)
        {
            problems.Add("Completion needs a quiz pass, but the course has no quiz");
        }

        if (Completion.Rules.Count == 0)
        {
            problems.Add("Choose at least one completion rule");
        }

        if (Quiz is not null)
        {
            problems.AddRange(Quiz.Problems());
        }

        return problems;
    }
}

/// <summary>An image in a course's content; its bytes are kept once, by their SHA-256 (see <see cref="StoredImage"/>).</summary>
public sealed record CourseImage(string Name, string Sha256, string ContentType)
{
    /// <summary>How a lesson refers to an image: from the lessons folder to the images folder, as in a package.</summary>
    public const string Folder = "../images/";
}

public sealed record Section(string Title, IReadOnlyList<Lesson> Lessons);

/// <summary>A lesson; <see cref="Key"/> stays the same across versions so that progress carries over.</summary>
public sealed record Lesson(string Key, string Title, string Markdown);

public enum CompletionRule
{
    AllLessonsViewed,
    QuizPassed,
}

/// <summary>Which rules complete the course, combined with ALL (every rule) or ANY (one is enough).</summary>
public sealed record CompletionCriteria(IReadOnlyList<CompletionRule> Rules, bool RequireAll)
{
    public bool RequiresQuiz => Rules.Contains(CompletionRule.QuizPassed);

    public bool IsMet(bool allLessonsViewed, bool quizPassed)
    {
        var results = Rules.Select(rule => rule switch
        {
            CompletionRule.AllLessonsViewed => allLessonsViewed,
            CompletionRule.QuizPassed => quizPassed,
            _ => false,
        }).ToList();
        return results.Count > 0 && (RequireAll ? results.All(r => r) : results.Any(r => r));
    }
}
