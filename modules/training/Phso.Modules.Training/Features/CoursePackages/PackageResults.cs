using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;

namespace Phso.Modules.Training.Features.CoursePackages;

public sealed record ImportedCourse(string Key, CourseContent Content, RecertificationRules? Recurrence, IReadOnlyList<PackageImage> Images);

/// <summary>An image in a package, with its bytes.</summary>
public sealed record PackageImage(string Name, string Sha256, string ContentType, byte[] Bytes);

/// <summary>One problem in a package: the file, the line (1-based) when known, and what to fix.</summary>
public sealed record PackageProblem(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File} line {line}: {Message}" : $"{File}: {Message}";
}

public sealed class PackageException(IReadOnlyList<PackageProblem> problems) : Exception(string.Join("\n", problems))
{
    public IReadOnlyList<PackageProblem> Problems { get; } = problems;
}
