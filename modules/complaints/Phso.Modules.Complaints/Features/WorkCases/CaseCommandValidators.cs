using FluentValidation;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.BodyComments;
using Phso.Modules.Complaints.Features.ComplainantLink;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Validation;

namespace Phso.Modules.Complaints.Features.WorkCases;

// What every command on a case must carry, checked before the case is loaded: the version the caller read (a command
// without one could overwrite a change made since), texts present and within the lengths stored, and every choice one
// that exists. Keys are the commands' property names, which the pages' inputs and the API's bodies use.

/// <summary>The longest text a case keeps for each kind of field; forms and the API are held to the same.</summary>
public static class CaseTextLimits
{
    public const int Note = 10_000;
    public const int Message = 10_000;
    public const int Reason = 2_000;
    public const int Summary = 10_000;

    /// <summary>A provisional view or findings: long documents written in Markdown.</summary>
    public const int Document = 100_000;
}

/// <summary>The version, for every case command that carries one, from anyone but the system: a job or the demo data
/// acts on the case as it stands, with nothing read earlier to be stale.</summary>
internal abstract class CaseCommandValidator<T> : AbstractValidator<T>
    where T : ICaseCommand
{
    protected CaseCommandValidator(ICurrentUser me) => When(_ => !me.IsSystem, () => RuleFor(c => c.Version).IsTheVersionRead("case"));
}

internal sealed class StartChecksValidator(ICurrentUser me) : CaseCommandValidator<StartChecks>(me);

internal sealed class CompleteChecksValidator(ICurrentUser me) : CaseCommandValidator<CompleteChecks>(me);

internal sealed class CloseCaseValidator(ICurrentUser me) : CaseCommandValidator<CloseCase>(me);

internal sealed class AssignCaseValidator(ICurrentUser me) : CaseCommandValidator<AssignCase>(me);

internal sealed class LinkBodyValidator(ICurrentUser me) : CaseCommandValidator<LinkBody>(me);

internal sealed class DecideCheckValidator : CaseCommandValidator<DecideCheck>
{
    public DecideCheckValidator(ICurrentUser me)
        : base(me)
    {
        RuleFor(c => c.Check).IsInEnum().WithMessage("Choose one of the preliminary checks");
        RuleFor(c => c.Met).NotNull().WithMessage(c => $"Select whether \"{c.Check.Describe().ToLowerInvariant()}\" is met");
        RuleFor(c => c.Reason).IsOptionalText(CaseTextLimits.Reason, "The reason");
    }
}

internal sealed class ChooseRouteValidator : CaseCommandValidator<ChooseRoute>
{
    public ChooseRouteValidator(ICurrentUser me)
        : base(me)
    {
        RuleFor(c => c.Route).IsChosen("Choose how to handle the complaint", "Choose early resolution, mediation or investigation")
            .Must(r => r is CaseStage.EarlyResolution or CaseStage.Mediation or CaseStage.Investigation).WithMessage("Choose early resolution, mediation or investigation");
        RuleFor(c => c.Reason).IsOptionalText(CaseTextLimits.Reason, "The reason");
    }
}

internal sealed class ResolveCaseValidator : CaseCommandValidator<ResolveCase>
{
    public ResolveCaseValidator(ICurrentUser me)
        : base(me)
    {
        RuleFor(c => c.Summary).IsText("Say how the complaint was resolved", CaseTextLimits.Summary, "How it was resolved");
    }
}

internal sealed class ShareProvisionalViewValidator : CaseCommandValidator<ShareProvisionalView>
{
    private const string DueDate = "Date for comments";

    public ShareProvisionalViewValidator(ICurrentUser me, TimeProvider clock)
        : base(me)
    {
        RuleFor(c => c.ProvisionalView).IsText("Write the provisional view", CaseTextLimits.Document, "The provisional view");
        RuleFor(c => c.CommentsDueOn).Custom((parts, context) =>
        {
            if (parts is null)
            {
                context.AddFailure("Enter the date comments are due by");
            }
            else if (!parts.TryRead(DueDate, out var due, out var error))
            {
                context.AddFailure(error!);
            }
            else if (due <= CaseTime.From(clock).Today)
            {
                context.AddFailure("The date for comments must be in the future");
            }
        });
    }

    /// <summary>The date comments are due by, once the validator has accepted it.</summary>
    public static DateOnly? DueOn(ShareProvisionalView command) =>
        command.CommentsDueOn is { } parts && parts.TryRead(DueDate, out var due, out _) ? due : null;
}

internal sealed class RecordBodyCommentValidator : CaseCommandValidator<RecordBodyComment>
{
    public RecordBodyCommentValidator(ICurrentUser me)
        : base(me)
    {
       
        RuleFor(c => c.Comment).IsText("Enter the organisation's comments on the provisional view", CaseTextLimits.Message, "The comments");
    }
}

internal sealed class RecordDecisionValidator : CaseCommandValidator<RecordDecision>
{
    public RecordDecisionValidator(ICurrentUser me)
        : base(me)
    {
        RuleFor(c => c.Outcome).IsChosen("Choose the decision", "Choose upheld, partly upheld or not upheld")
            .Must(o => o != Contracts.ComplaintOutcome.ResolvedWithoutInvestigation).WithMessage("Choose upheld, partly upheld or not upheld");
        RuleFor(c => c.Findings).IsText("Write the findings", CaseTextLimits.Document, "The findings");
    }
}

internal sealed class DeclineComplaintValidator : CaseCommandValidator<DeclineComplaint>
{
    public DeclineComplaintValidator(ICurrentUser me)
        : base(me)
    {
        RuleFor(c => c.Reasons).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Select at least one reason for declining")
            .Must(r => r!.All(Enum.IsDefined)).WithMessage("Select reasons for declining from the list");
        RuleFor(c => c.Signpost).IsChosen("Choose where else the person may be able to go", "Choose where else the person may be able to go from the list");
        RuleFor(c => c.Explanation).IsText("Explain the decision to the person in your own words", CaseTextLimits.Summary, "The explanation");
    }
}

internal sealed class WithdrawComplaintValidator : CaseCommandValidator<WithdrawComplaint>
{
    public WithdrawComplaintValidator(ICurrentUser me)
        : base(me)
    {
       
        RuleFor(c => c.Reason).IsText("Enter why the complaint is withdrawn, for example what the person told us and when", CaseTextLimits.Reason, "The reason");
    }
}

internal sealed class RecordReviewOutcomeValidator : CaseCommandValidator<RecordReviewOutcome>
{
    public RecordReviewOutcomeValidator(ICurrentUser me)
        : base(me)
    {
        RuleFor(c => c.Outcome).IsChosen("Choose the outcome of the review", "Choose the outcome of the review from the list");
        RuleFor(c => c.Reason).IsText("Explain the outcome of the review", CaseTextLimits.Reason, "The explanation");
    }
}

internal sealed class SetPriorityValidator : CaseCommandValidator<SetPriority>
{
    public SetPriorityValidator(ICurrentUser me)
        : base(me)
    {
        RuleFor(c => c.Priority).IsChosen("Choose the priority", "Choose normal or high priority");
        RuleFor(c => c.Reasons).Cascade(CascadeMode.Stop)
            .Must(r => r is null || r.All(reason => reason != PriorityReasons.None && Enum.IsDefined(reason)))
            .WithMessage("Select the reasons for high priority from the list")
            .Must((c, r) => c.Priority != Priority.High || r is { Count: > 0 }).WithMessage("Select why this case has high priority");
        RuleFor(c => c.Note).IsOptionalText(CaseTextLimits.Reason, "The note");
    }
}

internal sealed class AddNoteValidator : CaseCommandValidator<AddNote>
{
    public AddNoteValidator(ICurrentUser me)
        : base(me)
    {
        RuleFor(c => c.Text).IsText("Enter the note", CaseTextLimits.Note, "The note");
    }
}

internal sealed class SendMessageValidator : CaseCommandValidator<SendMessage>
{
    public SendMessageValidator(ICurrentUser me)
        : base(me)
    {
        RuleFor(c => c.Text).IsText("Enter the message", CaseTextLimits.Message, "The message");
    }
}

internal sealed class ChangeFactsValidator : CaseCommandValidator<ChangeFacts>
{
    public ChangeFactsValidator(ICurrentUser me)
        : base(me)
    {
        RuleFor(c => c.AwareOn).NotNull().WithMessage("Enter the date the person became aware of the problem");
        RuleFor(c => c.ComplainedOn).NotNull().WithMessage("Send the date they complained to the organisation (empty parts for none)");
        RuleFor(c => c.FinalResponseOn).NotNull().WithMessage("Send the date of the organisation's final response (empty parts for none)");
        RuleFor(c => c.MpReferredOn).NotNull().WithMessage("Send the date the MP referred the complaint (empty parts for none)");
        RuleFor(c => c.BodyProcedure).IsOneOfTheChoices("Choose where the person is with the organisation's own complaints procedure");
        RuleFor(c => c.LegalRemedy).IsOneOfTheChoices("Choose whether the person has taken, or could take, legal action");
        RuleFor(c => c.MpName).IsOptionalText(100, "The MP's name");
        RuleFor(c => c.MpConstituency).IsOptionalText(100, "The MP's constituency");
        RuleForEach(c => c.LocalAnswers).ChildRules(answer =>
        {
            answer.RuleFor(a => a.Answer).IsOptionalText(SubmitComplaint.ComplaintJourney.MaxLocalAnswerLength, "The answer");
        });
    }
}

internal sealed class RevokeLinkValidator : CaseCommandValidator<RevokeLink>
{
    public RevokeLinkValidator(ICurrentUser me)
        : base(me)
    {
        RuleFor(c => c.Reason).IsText("Enter why the link should stop working, for example that the person shared it by mistake", CaseTextLimits.Reason, "The reason");
    }
}

internal sealed class CommentAsOrganisationValidator : AbstractValidator<CommentAsOrganisation>
{
    public CommentAsOrganisationValidator() =>
        RuleFor(c => c.Comment).IsText("Enter your comments on the provisional view", CaseTextLimits.Message, "Your comments");
}

internal sealed class MessageFromComplainantValidator : AbstractValidator<MessageFromComplainant>
{
    public MessageFromComplainantValidator() => RuleFor(c => c.Text).IsText("Enter your message", CaseTextLimits.Message, "Your message");
}

internal sealed class CommentOnProvisionalViewValidator : AbstractValidator<CommentOnProvisionalView>
{
    public CommentOnProvisionalViewValidator() =>
        RuleFor(c => c.Comment).IsText("Enter your comments on the provisional view", CaseTextLimits.Message, "Your comments");
}

internal sealed class AskForReviewValidator : AbstractValidator<AskForReview>
{
    public AskForReviewValidator()
    {
        RuleFor(c => c.Grounds).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Select at least one reason for asking for a review")
            .Must(g => g!.All(ground => ground != ReviewGrounds.None && Enum.IsDefined(ground)))
            .WithMessage("Select the reasons for a review from the list");
        RuleFor(c => c.Explanation).IsText("Explain why you think the decision should be reviewed", CaseTextLimits.Summary, "Your explanation");
    }
}

internal sealed class WithdrawAsComplainantValidator : AbstractValidator<WithdrawAsComplainant>
{
    public WithdrawAsComplainantValidator() => RuleFor(c => c.Reason).IsOptionalText(CaseTextLimits.Reason, "Your reason");
}
