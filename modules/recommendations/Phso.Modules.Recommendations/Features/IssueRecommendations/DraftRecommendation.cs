using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Recommendations.Contracts;
using Phso.Modules.Recommendations.Domain;
using Phso.Modules.Recommendations.Features.FollowUp;
using Phso.Modules.Recommendations.Persistence;
using Phso.Modules.Training.Contracts;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Time;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Recommendations.Features.IssueRecommendations;

/// <summary>How the due date is given: a date, or a number of working days from the decision on the body's nation's calendar.</summary>
public enum DueBy
{
    Date,
    WorkingDays,
}

/// <summary>Writes a draft recommendation on a decided, upheld or partly upheld case; returns its id. Drafts are seen
/// only by staff until they are issued together.</summary>
/// <param name="CaseReference">The decided case.</param>
/// <param name="Kind">Individual or systemic.</param>
/// <param name="Category">What the body is asked to do.</param>
/// <param name="Amount">For a financial remedy only: the amount in pounds (up to 2 decimal places).</param>
/// <param name="Text">The recommendation, as the body will read it.</param>
/// <param name="EvidenceExpected">What evidence will show it was done.</param>
/// <param name="DueBy">A date, or working days from the decision.</param>
/// <param name="DueOn">The due date, when <paramref name="DueBy"/> is a date.</param>
/// <param name="WorkingDays">Working days from the decision, when <paramref name="DueBy"/> is working days.</param>
/// <param name="CourseId">For staff training, optionally: a published course the body's handlers must take; the
/// training module assigns it to them when the recommendation is issued.</param>
/// <param name="TraineeIds">With a course: the body's complaint handlers who must take it.</param>
[RequiresPolicy(RecommendationsPolicies.Work)]
public sealed record DraftRecommendation(
    string CaseReference, RecommendationKind? Kind, RecommendationCategory? Category, decimal? Amount, string? Text, string? EvidenceExpected,
    DueBy? DueBy, DateParts? DueOn, int? WorkingDays, Guid? CourseId = null, IReadOnlyList<Guid>? TraineeIds = null) : ICommand<Guid>;

internal sealed class DraftRecommendationValidator : AbstractValidator<DraftRecommendation>
{
    public const int MaxWorkingDays = 260;

    public DraftRecommendationValidator()
    {
        RuleFor(r => r.Kind).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Select whether the recommendation is for the complainant or to stop it happening to others")
            .Must(k => Enum.IsDefined(k!.Value)).WithMessage("Select individual or systemic");
        RuleFor(r => r.Category).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Select what the body is asked to do")
            .Must(c => Enum.IsDefined(c!.Value)).WithMessage("Select one of the kinds of action listed");
        When(r => r.Category == RecommendationCategory.FinancialRemedy, () => RuleFor(r => r.Amount).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the amount the body is to pay")
            .GreaterThan(0).WithMessage("The amount must be more than £0")
            .LessThanOrEqualTo(Recommendation.MaxAmount).WithMessage($"The amount must be {Recommendation.MaxAmount:C0} or less")
            .Must(a => decimal.Round(a!.Value, 2) == a.Value).WithMessage("The amount must be in pounds and pence, like 250 or 250.50"));
        When(r => r.Category is not null and not RecommendationCategory.FinancialRemedy, () => RuleFor(r => r.Amount)
            .Null().WithMessage("Only a financial remedy has an amount: leave the amount empty"));
        RuleFor(r => r.Text).IsText("Enter the recommendation", Recommendation.MaxTextLength, "The recommendation");
        RuleFor(r => r.EvidenceExpected).IsText("Enter the evidence that will show the body has done it", Recommendation.MaxEvidenceExpectedLength, "The evidence expected");
        RuleFor(r => r.DueBy).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Select how the due date is set")
            .Must(d => Enum.IsDefined(d!.Value)).WithMessage("Select a date or a number of working days");
        When(r => r.DueBy == IssueRecommendations.DueBy.Date, () => RuleFor(r => r.DueOn).Custom((parts, context) =>
        {
            if (!(parts ?? new DateParts()).TryRead("Due date", out _, out var error))
            {
                context.AddFailure(error);
            }
        }));
        When(r => r.CourseId is not null, () =>
        {
            RuleFor(r => r.CourseId).Must((r, _) => r.Category == RecommendationCategory.StaffTrained)
                .WithMessage("Only a recommendation to train staff names a course: select \"Train staff\" or choose no course");
            RuleFor(r => r.TraineeIds).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Select the handlers who must take the course")
                .Must(t => t!.Count <= Recommendation.MaxTrainees).WithMessage($"Select at most {Recommendation.MaxTrainees} handlers");
        });
        RuleFor(r => r.CourseId).NotNull().When(r => r.TraineeIds is { Count: > 0 }).WithMessage("Select the course the handlers must take");
        When(r => r.DueBy == IssueRecommendations.DueBy.WorkingDays, () => RuleFor(r => r.WorkingDays).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the number of working days")
            .InclusiveBetween(1, MaxWorkingDays).WithMessage($"The number of working days must be between 1 and {MaxWorkingDays}"));
    }
}

internal sealed class DraftRecommendationHandler(RecommendationsDbContext db, RecommendationCases cases, IWorkingDayCalendar calendar, ICurrentUser me, TimeProvider clock, IMediator mediator)
    : IRequestHandler<DraftRecommendation, Guid>
{
    public const int MaxPerCase = 20;

    public async Task<Guid> Handle(DraftRecommendation request, CancellationToken cancellationToken)
    {
        var found = await cases.LoadAsync(request.CaseReference, cancellationToken);
        var today = UkTime.Today(clock);
        DateOnly dueOn;
        if (request.DueBy == IssueRecommendations.DueBy.Date)
        {
            request.DueOn!.TryRead("Due date", out dueOn, out _);
            if (dueOn <= found.Facts.DecisionDate || dueOn < today)
            {
                throw RequestValidationException.For<DraftRecommendation>(r => r.DueOn, $"The due date must be after the decision ({found.Facts.DecisionDate:d MMMM yyyy}) and not in the past");
            }
        }
        else
        {
            dueOn = calendar.AddWorkingDays(found.Facts.DecisionDate, request.WorkingDays!.Value, found.Facts.Nation);
        }

        if (await db.Recommendations.CountAsync(r => r.CaseReference == found.Facts.Reference, cancellationToken) >= MaxPerCase)
        {
            throw new RuleViolationException($"A case can have at most {MaxPerCase} recommendations.");
        }

        var recommendation = Recommendation.Draft(
            found.Facts, request.Kind!.Value, request.Category!.Value, request.Category == RecommendationCategory.FinancialRemedy ? request.Amount : null,
            request.Text!.Trim(), request.EvidenceExpected!.Trim(), dueOn, new Actor(me.Id, me.DisplayName), clock.GetUtcNow());
        if (request.CourseId is { } courseId)
        {
            var course = (await mediator.Send(new ListCoursesForHandlers(found.Facts.OrganisationId), cancellationToken)).FirstOrDefault(c => c.Id == courseId)
                ?? throw RequestValidationException.For<DraftRecommendation>(r => r.CourseId, $"Select a course from the list: this one cannot be assigned to {Possessive.Of(found.Facts.BodyName)} handlers");
            var handlers = (await mediator.Send(new FindPeople(Roles.PartnerHandler, found.Facts.OrganisationId), cancellationToken)).Select(p => p.Id).ToHashSet();
            if (!request.TraineeIds!.All(handlers.Contains))
            {
                throw RequestValidationException.For<DraftRecommendation>(r => r.TraineeIds, $"Select handlers of {found.Facts.BodyName} from the list");
            }

            recommendation.NameTraining(course.Id, course.Title, request.TraineeIds!);
        }

        db.Recommendations.Add(recommendation);
        return recommendation.Id;
    }
}
