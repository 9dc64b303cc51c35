using MediatR;
using Microsoft.EntityFrameworkCore;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.Messaging;
using Phso.Modules.Complaints.Persistence;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;

namespace Phso.Modules.Complaints.Features.WorkCases;

/// <summary>A command on one case. A version, when given, is the case's version the caller read: if someone changed
/// the case since, the command is refused as a conflict and nothing is saved.</summary>
internal interface ICaseCommand
{
    string Reference { get; }

    int? Version { get; }
}

/// <summary>What every case command shares: loading the case with the parts its rules need, the concurrency check,
/// the actor and the time, and raising emails to the complainant and notifications to people.</summary>
internal abstract class CaseCommandHandler<TCommand>(CaseCommandServices services) : IRequestHandler<TCommand, Unit>
    where TCommand : ICaseCommand, IRequest<Unit>
{
    protected CaseCommandServices Services => services;

    public async Task<Unit> Handle(TCommand request, CancellationToken cancellationToken)
    {
        var complaint = await services.LoadAsync(request.Reference, cancellationToken);
        if (request.Version is { } version)
        {
            services.Db.ExpectVersion(complaint, version);
            services.Db.Entry(complaint).Property(c => c.Version).IsModified = true;
        }

        await ApplyAsync(complaint, request, services.Actor, CaseTime.From(services.Clock), cancellationToken);
        return Unit.Value;
    }

    protected abstract Task ApplyAsync(Complaint complaint, TCommand command, Actor actor, CaseTime time, CancellationToken cancellationToken);
}

/// <summary>The services case commands use.</summary>
internal sealed class CaseCommandServices(ComplaintsDbContext db, ICurrentUser currentUser, TimeProvider clock, CharterClockRules clocks, PublicUrls urls)
{
    public ComplaintsDbContext Db => db;
    public TimeProvider Clock => clock;
    public CharterClockRules Clocks => clocks;
    public Actor Actor => new(currentUser.Id, currentUser.DisplayName);

    public async Task<Complaint> LoadAsync(string reference, CancellationToken cancellationToken) =>
        await db.Complaints
            .Include(c => c.Checks).Include(c => c.Clocks).Include(c => c.Reviews).Include(c => c.Links).Include(c => c.Documents).Include(c => c.LocalAnswers)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Reference == reference, cancellationToken)
        ?? throw new NotFoundException($"There is no case with the reference {reference}.");

    /// <summary>Emails the complainant when email is how they asked to be contacted; otherwise the caseworker sees on
    /// the case page that the message must go by letter or phone, in the format they need.</summary>
    public void EmailComplainant(Complaint complaint, string subject, string body)
    {
        if (complaint.Adjustments.PreferredChannel == ContactChannel.Email && complaint.ComplainantEmail is { } email)
        {
            db.Publish(new EmailComplainant(complaint.Id, email, complaint.ComplainantName, subject,
                $"Dear {complaint.ComplainantName},\n\n{body}\n\nYou can see your complaint and reply through your private link: the one we sent when you complained.\n\nYour reference: {complaint.Reference}\n"));
        }
    }

    public void Notify(Guid? personId, string title, string body, string link)
    {
        if (personId is { } id)
        {
            db.Publish(new NotifyPerson(id, title, body, link));
        }
    }

    public static string CaseLink(Complaint complaint) => $"/cases/{complaint?.Reference}";

    public string Absolute(string path) => urls.Absolute(path);
}
