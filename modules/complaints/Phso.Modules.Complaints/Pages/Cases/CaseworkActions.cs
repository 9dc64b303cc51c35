using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.SubmitComplaint;
using Phso.Modules.Complaints.Features.WorkCases;
using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Security;
using Phso.SharedKernel.Web;
using Phso.SharedKernel.Web.TagHelpers;

namespace Phso.Modules.Complaints.Pages.Cases;

// The case action pages. Each names its command; the base class does the rest. Input property names match the
// command's, so refusals land next to the field they are about.
// Here: what a caseworker does at any stage (messages, notes, assignment, priority, the private link).

public sealed class MessageModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public MessageForm Input { get; set; } = new();

    public bool Acknowledging => Case.Complaint.Clocks.Any(c => c.Kind == ClockKind.Acknowledgement && c.IsRunning);

    public override string Title => Acknowledging ? "Acknowledge the complaint" : "Send a message to the complainant";
    protected override string Done => Acknowledging ? "Acknowledgement sent." : "Message sent.";
    protected override IRequest<Unit> Command() => new SendMessage(Reference, Version, Input.Text);

    protected override void Prepare()
    {
        if (Acknowledging)
        {
            var c = Case.Complaint;
            Input = new MessageForm
            {
                Text = $"Thank you for your complaint about {c.BodyName}, which we received on {c.ReceivedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}. " +
                    $"I am the caseworker looking after it. I will first check that we can look at your complaint, and will update you at least every {Case.Settings.UpdateEveryWorkingDays} working days.",
            };
        }
    }

    public sealed class MessageForm
    {
        public string? Text { get; set; }
    }
}

public sealed class NoteModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public NoteForm Input { get; set; } = new();

    public override string Title => "Add a note";
    protected override string Done => "Note added.";
    protected override IRequest<Unit> Command() => new AddNote(Reference, Version, Input.Text);

    public sealed class NoteForm
    {
        public string? Text { get; set; }
    }
}

public sealed class AssignModel(IMediator mediator, ICurrentUser me) : CaseActionPage(mediator)
{
    [BindProperty]
    public AssignForm Input { get; set; } = new();

    public IReadOnlyList<ChoiceItem> Caseworkers { get; private set; } = [];

    public override string Title => "Assign the case";
    protected override string Done => Input.PersonId is null ? "The case is unassigned." : "Case assigned.";
    protected override IRequest<Unit> Command() => new AssignCase(Reference, Version, Input.PersonId);

    protected override void Prepare() => Input = new AssignForm { PersonId = Case.Complaint.AssignedToId ?? me.Id };

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var caseworkers = await Mediator.Send(new FindPeople(Roles.Caseworker));
        Caseworkers = [.. caseworkers.Select(p => new ChoiceItem(p.Id.ToString(), p.Id == me.Id ? $"{p.DisplayName} (you)" : p.DisplayName))];
        await next();
    }

    public sealed class AssignForm
    {
        public Guid? PersonId { get; set; }
    }
}

public sealed class PriorityModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public PriorityForm Input { get; set; } = new();

    public static IReadOnlyList<ChoiceItem> Levels { get; } = [new(nameof(Priority.Normal), "Normal"), new(nameof(Priority.High), "High")];

    public static IReadOnlyList<ChoiceItem> ReasonChoices { get; } =
        [.. Enum.GetValues<PriorityReasons>().Where(r => r != PriorityReasons.None).Select(r => new ChoiceItem(r.ToString(), r.Describe()))];

    public override string Title => "Set the priority";
    protected override string Done => "Priority set.";
    protected override IRequest<Unit> Command() => new SetPriority(Reference, Version, Input.Priority, [.. Input.Reasons], Input.Note);

    protected override void Prepare()
    {
        var c = Case.Complaint;
        Input = new PriorityForm { Priority = c.Priority, Reasons = [.. c.PriorityReasons.Each()], Note = c.PriorityNote };
    }

    public sealed class PriorityForm
    {
        public Priority? Priority { get; set; }
        public IList<PriorityReasons> Reasons { get; set; } = [];
        public string? Note { get; set; }
    }
}

public sealed class LinkModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public LinkForm Input { get; set; } = new();

    public static IReadOnlyList<ChoiceItem> Choices { get; } =
    [
        new("new", "Email a new private link", "The current link stops working"),
        new("revoke", "Stop the current link working", "For example if it was shared by mistake"),
    ];

    public override string Title => "The complainant's private link";
    protected override string Done => Input.Action == "new" ? "A new link has been emailed; the old one no longer works." : "The link no longer works.";

    protected override IRequest<Unit> Command() => Input.Action switch
    {
        "new" => new SendNewLink(Reference),
        "revoke" => new RevokeLink(Reference, Version, Input.Reason),
        _ => throw new InvalidOperationException("The form's choice is checked before the command is made."),
    };

    public sealed class LinkForm
    {
        // Which command to send is the page's choice, not a command's property, so the page checks it itself.
        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Select what you want to do")]
        [System.ComponentModel.DataAnnotations.RegularExpression("new|revoke", ErrorMessage = "Select what you want to do")]
        public string? Action { get; set; }

        /// <summary>Why the link is stopped (required to stop it).</summary>
        public string? Reason { get; set; }
    }
}
