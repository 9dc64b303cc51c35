using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;

namespace Phso.Modules.Training.Features.CoursePackages;

// The shape of course.json as System.Text.Json reads it; CoursePackage checks every value before use.

internal sealed class Manifest
{
    public int Format { get; set; }
    public string? Key { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public CourseAudience Audience { get; set; }
    public CourseCategory Category { get; set; }
    public decimal Hours { get; set; }
    public ManifestCompletion? Completion { get; set; }
    public ManifestRecurrence? Recurrence { get; set; }
    public List<ManifestSection>? Sections { get; set; }
    public ManifestQuiz? Quiz { get; set; }
}

internal sealed class ManifestCompletion
{
    public List<CompletionRule>? Rules { get; set; }
    public bool RequireAll { get; set; } = true;
}

internal sealed class ManifestRecurrence
{
    public ExpiryMode Mode { get; set; }
    public int ActiveMonths { get; set; }
    public int WindowMonths { get; set; }
    public DateOnly? FixedBaseDate { get; set; }
    public int MinimumActiveMonths { get; set; }
}

internal sealed class ManifestSection
{
    public string? Title { get; set; }
    public List<ManifestLesson>? Lessons { get; set; }
}

internal sealed class ManifestLesson
{
    public string? Key { get; set; }
    public string? Title { get; set; }
    public string? File { get; set; }
}

internal sealed class ManifestQuiz
{
    public decimal PassMark { get; set; }
    public int? MaxAttempts { get; set; }
    public GradingMethod Grading { get; set; }
    public bool Shuffle { get; set; }
    public List<ManifestQuestion>? Questions { get; set; }
}

internal sealed class ManifestQuestion
{
    public string? Key { get; set; }
    public QuestionType Type { get; set; }
    public string? Text { get; set; }
    public string? Feedback { get; set; }
    public List<ManifestChoice>? Choices { get; set; }
    public List<string>? AcceptedAnswers { get; set; }
    public List<ManifestPair>? Pairs { get; set; }
}

internal sealed class ManifestChoice
{
    public string? Key { get; set; }
    public string? Text { get; set; }
    public bool Correct { get; set; }
}

internal sealed class ManifestPair
{
    public string? Prompt { get; set; }
    public string? Answer { get; set; }
}
