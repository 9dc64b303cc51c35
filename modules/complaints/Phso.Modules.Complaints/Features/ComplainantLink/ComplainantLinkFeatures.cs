using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Evidence;
using Phso.Modules.Complaints.Features.WorkCases;
using Phso.Modules.Complaints.Persistence;
using Phso.SharedKernel.Messaging;

namespace Phso.Modules.Complaints.Features.ComplainantLink;

/// <summary>What the person sees through their private link.</summary>
public sealed record ComplainantCase(Complaint Complaint, IReadOnlyList<CaseEvent> Timeline, ComplaintsOptions Settings, DateOnly Today)
{
    public DateOnly? ReviewWindowEnds => Complaint.ReviewWindowEnds(Settings.ReviewWindowMonths);

    public bool CanComment => Complaint.Stage == CaseStage.ProvisionalView && Today <= Complaint.CommentsDueOn && Complaint.ComplainantCommentedAt is null;

    public bool CanAskForReview => ReviewWindowEnds is { } last && Today <= last && Complaint.Reviews.All(r => r.Outcome is not null);

    public bool CanWithdraw => CaseStages.CanBeWithdrawn(Complaint.Stage);
}

public enum LinkState
{
    Works,
    Unknown,
    Ended,
}

/// <summary>The case behind a private link, or why the link does not work. Anyone with the link may use it: that is
/// what the link is for, so it is unguessable (256 bits), expires and can be revoked.</summary>
[AnyCaller]
public sealed record OpenComplainantLink(string Token) : IQuery<(LinkState State, ComplainantCase? Case)>;

[AnyCaller]
public sealed record MessageFromComplainant(string Token, string? Text) : ICommand;

[AnyCaller]
public sealed record AddComplainantDocument(string Token, CaseDocument Document) : ICommand;

[AnyCaller]
public sealed record CommentOnProvisionalView(string Token, string? Comment) : ICommand;

[AnyCaller]
public sealed record AskForReview(string Token, IReadOnlyList<ReviewGrounds> Grounds, string? Explanation) : ICommand;

[AnyCaller]
public sealed record WithdrawAsComplainant(string Token, string? Reason) : ICommand;

/// <summary>Finds the case behind a token, if the link still works.</summary>
internal sealed class LinkResolver(ComplaintsDbContext db, TimeProvider clock)
{
    public async Task<(LinkState, Complaint?)> ResolveAsync(string token, bool forChange, CancellationToken cancellationToken)
    {
        var hash = AccessTokens.Hash(token);
        var link = await db.Links.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null)
        {
            return (LinkState.Unknown, null);
        }

        if (link.RevokedAt is not null || link.ExpiresAt < clock.GetUtcNow())
        {
            return (LinkState.Ended, null);
        }

        var query = db.Complaints.Include(c => c.Checks).Include(c => c.Clocks).Include(c => c.Reviews).Include(c => c.Links).Include(c => c.Documents).AsSplitQuery();
        var complaint = await (forChange ? query : query.AsNoTracking()).SingleAsync(c => c.Id == link.ComplaintId, cancellationToken);
        return (LinkState.Works, complaint);
    }

    public async Task<Complaint> ForChangeAsync(string token, CancellationToken cancellationToken) =>
        (await ResolveAsync(token, forChange: true, cancellationToken)) is (LinkState.Works, { } complaint)
            ? complaint
            : throw new NotFoundException("This link does not work. It may have expired or been replaced by a newer one.");
}

internal sealed class OpenComplainantLinkHandler(ComplaintsDbContext db, LinkResolver links, IOptions<ComplaintsOptions> options, TimeProvider clock)
    : IRequestHandler<OpenComplainantLink, (LinkState State, ComplainantCase? Case)>
{
    public async Task<(LinkState State, ComplainantCase? Case)> Handle(OpenComplainantLink request, CancellationToken cancellationToken)
    {
        var (state, complaint) = await links.ResolveAsync(request.Token, forChange: false, cancellationToken);
        if (complaint is null)
        {
            return (state, null);
        }

        var timeline = await db.Events.AsNoTracking()
            .Where(e => e.ComplaintId == complaint.Id && e.Visibility == Visibility.Complainant)
            .OrderByDescending(e => e.At).ToListAsync(cancellationToken);
        return (state, new ComplainantCase(complaint, timeline, options.Value, CaseTime.From(clock).Today));
    }
}

/// <summary>What the complainant's commands share: the link, the time, and telling the caseworker.</summary>
internal abstract class ComplainantCommandHandler<TCommand>(LinkResolver links, CaseCommandServices services) : IRequestHandler<TCommand, Unit>
    where TCommand : IRequest<Unit>
{
    protected CaseCommandServices Services => services;

    public async Task<Unit> Handle(TCommand request, CancellationToken cancellationToken)
    {
        var complaint = await links.ForChangeAsync(TokenOf(request), cancellationToken);
        var summary = Apply(complaint, request, CaseTime.From(services.Clock));
        services.Notify(complaint.AssignedToId, $"Case {complaint.Reference}: {summary}", $"{complaint.ComplainantName} {summary.ToLowerInvariant()} on the complaint about {complaint.BodyName}.", CaseCommandServices.CaseLink(complaint));
        return Unit.Value;
    }

    protected abstract string TokenOf(TCommand command);

    /// <summary>Does the action; returns what happened, for the caseworker's notification.</summary>
    protected abstract string Apply(Complaint complaint, TCommand command, CaseTime time);
}

internal sealed class MessageFromComplainantHandler(LinkResolver links, CaseCommandServices services) : ComplainantCommandHandler<MessageFromComplainant>(links, services)
{
    protected override string TokenOf(MessageFromComplainant command) => command.Token;

    protected override string Apply(Complaint complaint, MessageFromComplainant command, CaseTime time)
    {
        complaint.ReceiveMessage(command.Text ?? "", time);
        return "Sent a message";
    }
}

internal sealed class AddComplainantDocumentHandler(LinkResolver links, CaseCommandServices services) : ComplainantCommandHandler<AddComplainantDocument>(links, services)
{
    protected override string TokenOf(AddComplainantDocument command) => command.Token;

    protected override string Apply(Complaint complaint, AddComplainantDocument command, CaseTime time)
    {
        if (complaint.Id != command.Document.ComplaintId)
        {
            throw new InvalidOperationException("The document was stored for another case.");
        }

        complaint.AddDocument(command.Document, new Actor(null, complaint.ComplainantName), time);
        return $"Added a document ({command.Document.FileName})";
    }
}

internal sealed class CommentOnProvisionalViewHandler(LinkResolver links, CaseCommandServices services) : ComplainantCommandHandler<CommentOnProvisionalView>(links, services)
{
    protected override string TokenOf(CommentOnProvisionalView command) => command.Token;

    protected override string Apply(Complaint complaint, CommentOnProvisionalView command, CaseTime time)
    {
        complaint.CommentAsComplainant(command.Comment ?? "", time);
        return "Commented on the provisional view";
    }
}

internal sealed class AskForReviewHandler(LinkResolver links, CaseCommandServices services, IOptions<ComplaintsOptions> options) : ComplainantCommandHandler<AskForReview>(links, services)
{
    protected override string TokenOf(AskForReview command) => command.Token;

    protected override string Apply(Complaint complaint, AskForReview command, CaseTime time)
    {
        complaint.RequestReview((command.Grounds ?? []).Aggregate(ReviewGrounds.None, (all, g) => all | g), command.Explanation ?? "", options.Value.ReviewWindowMonths, time, Services.Clocks);
        return "Asked for a review of the decision";
    }
}

internal sealed class WithdrawAsComplainantHandler(LinkResolver links, CaseCommandServices services) : ComplainantCommandHandler<WithdrawAsComplainant>(links, services)
{
    protected override string TokenOf(WithdrawAsComplainant command) => command.Token;

    protected override string Apply(Complaint complaint, WithdrawAsComplainant command, CaseTime time)
    {
        complaint.Withdraw(command.Reason, Actor.Complainant, time);
        return "Withdrew the complaint";
    }
}
