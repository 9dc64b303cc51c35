using Phso.Plugins.Abstractions;

namespace Phso.Modules.Plugins.Loading;

/// <summary>What a plugin registered must make sense before the platform uses it; each problem says what to fix.</summary>
internal static class Registrations
{
    /// <summary>The public form asks a plugin's questions on one page; more than this would bury the complaint.</summary>
    public const int MaxIntakeQuestions = 10;

    public const int MaxChoices = 20;

    public static IEnumerable<string> Problems(IEnumerable<ComplaintStandardDescription> standards, IEnumerable<IntakeQuestionSet> intake, IEnumerable<PluginCourse> courses, string folder)
    {
        foreach (var standard in standards)
        {
            var name = string.IsNullOrWhiteSpace(standard.Name) ? "a complaint standard" : $"the standard \"{standard.Name}\"";
            if (string.IsNullOrWhiteSpace(standard.Name))
            {
                yield return "a complaint standard has no name";
            }

            if (standard.Organisations is not { Count: > 0 })
            {
                yield return $"{name} names no organisation";
            }

            if (standard.Stages is not { Count: > 0 })
            {
                yield return $"{name} has no stages";
            }

            foreach (var stage in standard.Stages ?? [])
            {
                if (stage.Allowed is not { Days: > 0 and <= 365 } || stage.Extension is { Days: <= 0 or > 365 })
                {
                    yield return $"{name}: the stage \"{stage.Name}\" must allow 1 to 365 days (and so must any extension)";
                }

                if (string.IsNullOrWhiteSpace(stage.From) || string.IsNullOrWhiteSpace(stage.To) || stage.From == stage.To)
                {
                    yield return $"{name}: the stage \"{stage.Name}\" must run from one milestone to another";
                }
            }
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in intake.SelectMany(set => set.Questions ?? []))
        {
            if (string.IsNullOrWhiteSpace(question.Key) || question.Key.Length > 60 || !question.Key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                yield return $"the intake question \"{question.Text}\" needs a key of lower-case letters, digits and hyphens";
            }
            else if (!keys.Add(question.Key) || question.Key is Milestones.Complained or Milestones.Acknowledged or Milestones.FinalResponse)
            {
                yield return $"two intake questions, or a question and a milestone, have the key \"{question.Key}\"";
            }

            if (string.IsNullOrWhiteSpace(question.Text) || question.Text.Length > 300)
            {
                yield return $"the intake question \"{question.Key}\" needs its text (at most 300 characters)";
            }

            if (question.Kind == IntakeAnswerKind.Choice && question.Choices is not { Count: >= 2 })
            {
                yield return $"the intake question \"{question.Key}\" offers a choice but fewer than two options";
            }

            if (question.Choices is { } choices && (choices.Count > MaxChoices || choices.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 100)
                || choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() != choices.Count))
            {
                yield return $"the intake question \"{question.Key}\" may offer at most {MaxChoices} different options of up to 100 characters";
            }

            if (question.Hint is { Length: > 300 })
            {
                yield return $"the intake question \"{question.Key}\" has a hint longer than 300 characters";
            }
        }

        if (keys.Count > MaxIntakeQuestions)
        {
            yield return $"a plugin may add at most {MaxIntakeQuestions} questions to the complaint form (this one adds {keys.Count})";
        }

        if (intake.Any(set => set.Organisations is not { Count: > 0 }))
        {
            yield return "a set of intake questions names no organisation";
        }

        foreach (var course in courses)
        {
            var path = Path.GetFullPath(Path.Combine(folder, course.Folder ?? ""));
            if (string.IsNullOrWhiteSpace(course.Folder) || !path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || !File.Exists(Path.Combine(path, "course.json")))
            {
                yield return $"the course folder \"{course.Folder}\" is not in the plugin or has no course.json";
            }

            if (course.Organisations is not { Count: > 0 })
            {
                yield return $"the course in \"{course.Folder}\" names no organisation";
            }
        }
    }
}
