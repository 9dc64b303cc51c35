using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Training.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Training.Features.Authoring;

internal static class LessonRules
{
    public const int MaxMarkdown = 50_000;

    public static void Apply<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string?>> title, System.Linq.Expressions.Expression<Func<T, string?>> markdown)
    {
        validator.RuleFor(title).NotEmpty().WithMessage("Enter the lesson's title").MaximumLength(200).WithMessage("The title must be 200 characters or fewer");
        validator.RuleFor(markdown).NotEmpty().WithMessage("Write the lesson")
            .MaximumLength(MaxMarkdown).WithMessage("The lesson must be 50,000 characters or fewer: split it into two lessons");
    }

    /// <summary>The lesson's text as it will be kept, or every problem with its line, under the Markdown field.</summary>
    public static string Checked<TRequest>(string markdown, CourseContent content, System.Linq.Expressions.Expression<Func<TRequest, object?>> property)
    {
        var check = LessonMarkdown.Check(markdown, "lessons/lesson.md", content.Images.Select(i => i.Name).ToHashSet(StringComparer.Ordinal));
        return check.Problems.Count == 0
            ? check.Markdown
            : throw RequestValidationException.For(property, check.Problems.Select(p => $"Line {p.Line}: {p.Message}"));
    }
}
