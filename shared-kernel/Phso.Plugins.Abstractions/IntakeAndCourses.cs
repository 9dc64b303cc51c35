namespace Phso.Plugins.Abstractions;

/// <summary>Extra questions on the public complaint form, asked only when the complaint is about one of the
/// organisations named. Answers are kept with the case and shown to caseworkers.</summary>
/// <param name="Organisations">The organisations the questions are for, as named in the ombudsman's register.</param>
/// <param name="Questions">The questions, in the order they are asked.</param>
public sealed record IntakeQuestionSet(IReadOnlyList<string> Organisations, IReadOnlyList<IntakeQuestion> Questions);

/// <summary>One question.</summary>
/// <param name="Key">Stable key (lower-case letters, digits, hyphens), used for answers and as a milestone for date questions.</param>
/// <param name="Text">The question, e.g. "Did the trust offer to discuss your complaint?".</param>
/// <param name="Kind">What sort of answer it takes.</param>
/// <param name="Hint">Help shown under the question, if any.</param>
/// <param name="Choices">The options, for <see cref="IntakeAnswerKind.Choice"/> only.</param>
/// <param name="Required">Whether the form insists on an answer.</param>
public sealed record IntakeQuestion(string Key, string Text, IntakeAnswerKind Kind, string? Hint = null, IReadOnlyList<string>? Choices = null, bool Required = false);

/// <summary>The kinds of answer an intake question takes.</summary>
public enum IntakeAnswerKind
{
    /// <summary>Free text, up to 1,000 characters.</summary>
    Text,

    /// <summary>Yes or no.</summary>
    YesNo,

    /// <summary>One of the question's choices.</summary>
    Choice,

    /// <summary>A date in the past.</summary>
    Date,
}

/// <summary>A course the plugin brings for the handlers of the organisations named.</summary>
/// <param name="Folder">The course package's folder inside the plugin package, e.g. "courses/local-procedure".</param>
/// <param name="Organisations">The organisations whose handlers are offered it, as named in the ombudsman's register.</param>
public sealed record PluginCourse(string Folder, IReadOnlyList<string> Organisations);
