using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Domain;
using Phso.Modules.Plugins.Loading;
using Phso.Modules.Plugins.Packages;
using Phso.Modules.Plugins.Persistence;
using Phso.Modules.Plugins.Runtime;
using Phso.Plugins.Abstractions;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Plugins.Features.Lifecycle;

internal static class ReasonRules
{
    public const int MaxLength = 500;

    public static IRuleBuilderOptions<T, string> MustBeAReason<T>(this IRuleBuilderInitial<T, string> rule, string what) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage($"Enter your reason for {what}")
            .MaximumLength(MaxLength).WithMessage($"The reason must be {MaxLength} characters or fewer");
}
