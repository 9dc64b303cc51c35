using Phso.SharedKernel.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.WorkCases;
using Phso.Modules.Complaints.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modules.Complaints.Features.BodyComments;

// A partner organisation's lead sees the provisional views the ombudsman has shared with their organisation, and
// sends the organisation's comments, within the comment window. They see nothing else of the casework: a case of
// another organisation is "not found", exactly as a case that does not exist.

/// <summary>The provisional views shared with the signed-in partner lead's organisation, newest first.</summary>
[RequiresPolicy(ComplaintsPolicies.BodyComments)]
public sealed record ListSharedProvisionalViews : IQuery<IReadOnlyList<SharedProvisionalView>>;

/// <summary>One provisional view shared with the signed-in partner lead's organisation, or null.</summary>
[RequiresPolicy(ComplaintsPolicies.BodyComments)]
public sealed record GetSharedProvisionalView(string Reference) : IQuery<SharedProvisionalView?>;

/// <summary>What a body is shown: the case reference, whose complaint it is, the provisional view and the window.</summary>
public sealed record SharedProvisionalView(
    string Reference, string BodyName, string PersonName, DateOnly SharedOn, DateOnly CommentsDueOn, string ProvisionalViewMarkdown,
    string? OurComment, DateTimeOffset? CommentedAt, bool StillOpen)
{
    public bool CanComment => StillOpen && CommentedAt is null;
}

/// <summary>The organisation's comments on a provisional view shared with it.</summary>
[RequiresPolicy(ComplaintsPolicies.BodyComments)]
public sealed record CommentAsOrganisation(string Reference, string? Comment) : ICommand, ICaseCommand
{
    public int? Version => null;
}

/// <summary>The provisional views shared with the signed-in partner lead's organisation, as the lead reads them.</summary>
internal sealed class SharedProvisionalViews(ComplaintsDbContext db, ICurrentUser me, TimeProvider clock)
{
    /// <summary>Cases of the partner lead's organisation that have had a provisional view. A lead with no organisation sees none.</summary>
    public IQueryable<Complaint> Mine()
    {
        var organisation = me.OrganisationId;
        return db.Complaints.AsNoTracking().Where(c => organisation != null && c.OrganisationId == organisation && c.ProvisionalViewMarkdown != null);
    }

    public SharedProvisionalView Show(Complaint c) => new(
        c.Reference, c.BodyName, c.Person.Name, c.ProvisionalViewSharedOn!.Value, c.CommentsDueOn!.Value, c.ProvisionalViewMarkdown!, c.BodyComment, c.BodyCommentedAt,
        c.Stage == CaseStage.ProvisionalView && CaseTime.From(clock).Today <= c.CommentsDueOn);
}

internal sealed class ListSharedProvisionalViewsHandler(SharedProvisionalViews views) : IRequestHandler<ListSharedProvisionalViews, IReadOnlyList<SharedProvisionalView>>
{
    public async Task<IReadOnlyList<SharedProvisionalView>> Handle(ListSharedProvisionalViews request, CancellationToken cancellationToken) =>
        [.. (await views.Mine().OrderByDescending(c => c.ProvisionalViewSharedOn).Take(200).ToListAsync(cancellationToken)).Select(views.Show)];
}

internal sealed class GetSharedProvisionalViewHandler(SharedProvisionalViews views) : IRequestHandler<GetSharedProvisionalView, SharedProvisionalView?>
{
    public async Task<SharedProvisionalView?> Handle(GetSharedProvisionalView request, CancellationToken cancellationToken) =>
        await views.Mine().SingleOrDefaultAsync(c => c.Reference == request.Reference, cancellationToken) is { } complaint ? views.Show(complaint) : null;
}

internal sealed class CommentAsOrganisationHandler(CaseCommandServices services, ICurrentUser me) : CaseCommandHandler<CommentAsOrganisation>(services)
{
    protected override Task ApplyAsync(Complaint complaint, CommentAsOrganisation command, Actor actor, CaseTime time, CancellationToken cancellationToken)
    {
        if (me.OrganisationId is null || complaint.OrganisationId != me.OrganisationId || complaint.ProvisionalViewMarkdown is null)
        {
            throw new NotFoundException($"There is no provisional view {command.Reference} shared with your organisation.");
        }

        complaint.CommentAsBody(command.Comment ?? "", new Actor(actor.Id, $"{actor.Name} ({complaint.BodyName})"), time);
        Services.Notify(complaint.AssignedToId, $"Case {complaint.Reference}: the organisation commented",
            $"{actor.Name} sent {Possessive.Of(complaint.BodyName)} comments on the provisional view.", CaseCommandServices.CaseLink(complaint));
        return Task.CompletedTask;
    }
}
