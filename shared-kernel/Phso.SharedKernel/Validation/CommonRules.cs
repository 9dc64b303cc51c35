using FluentValidation;

namespace Phso.SharedKernel.Validation;

/// <summary>The checks every module's commands make the same way, with the same words: the version read, texts present
/// and within what is stored, and choices that exist.</summary>
public static class CommonRules
{
    /// <summary>The version of <paramref name="thing"/> the caller read (a command without one could overwrite a change made since).</summary>
    public static IRuleBuilderOptions<T, int?> IsTheVersionRead<T>(this IRuleBuilder<T, int?> rule, string thing) =>
        rule.NotNull().WithMessage($"Send the version of the {thing} you read (\"version\"), so that a change made since is not overwritten");

    public static IRuleBuilderOptions<T, string?> IsText<T>(this IRuleBuilderInitial<T, string?> rule, string missing, int maxLength, string what) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(missing)
            .MaximumLength(maxLength).WithMessage($"{what} must be {maxLength:N0} characters or fewer");

    public static IRuleBuilderOptions<T, string?> IsOptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength, string what) =>
        rule.MaximumLength(maxLength).WithMessage($"{what} must be {maxLength:N0} characters or fewer");

    /// <summary>A choice the person must make: <paramref name="missing"/> when none was sent, <paramref name="invalid"/> for a value not on the list.</summary>
    public static IRuleBuilderOptions<T, TEnum?> IsChosen<T, TEnum>(this IRuleBuilderInitial<T, TEnum?> rule, string missing, string invalid)
        where TEnum : struct, Enum =>
        rule.Cascade(CascadeMode.Stop).NotNull().WithMessage(missing).Must(v => Enum.IsDefined(v!.Value)).WithMessage(invalid);

    public static IRuleBuilderOptions<T, TEnum?> IsOneOfTheChoices<T, TEnum>(this IRuleBuilder<T, TEnum?> rule, string message)
        where TEnum : struct, Enum =>
        rule.Must(v => v is null || Enum.IsDefined(v.Value)).WithMessage(message);
}
