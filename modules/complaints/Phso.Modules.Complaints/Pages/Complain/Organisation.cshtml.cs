using MediatR;
using Microsoft.AspNetCore.Mvc;
using Phso.Modules.Complaints.Features.SubmitComplaint;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Web.TagHelpers;

namespace Phso.Modules.Complaints.Pages.Complain;

/// <summary>Choosing the organisation: search the register by name, pick a match, or say it is not listed and name it.</summary>
public sealed class OrganisationModel(ComplaintDrafts drafts, TimeProvider clock, IMediator mediator) : QuestionPage(drafts, clock)
{
    protected override string Slug => "organisation";

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<ChoiceItem> Matches { get; private set; } = [];

    public bool Searched => !string.IsNullOrWhiteSpace(Search);

    public override async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = ShowQuestion();
        await FindMatchesAsync(cancellationToken);
        return result;
    }

    public override async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The name and sector of a chosen organisation come from the register, and its partner plugins' questions from
        // the plugins; never from the form.
        string? registered = null;
        if (Answers.BodyNotListed != "yes" && Answers.OrganisationId is { } id)
        {
            if (await mediator.Send(new GetOrganisation(id), cancellationToken) is { ClosedOn: null } organisation)
            {
                Answers.OrganisationName = registered = organisation.Name;
                Answers.OrganisationSector = organisation.Sector;
            }
            else
            {
                Answers.OrganisationId = null;
            }
        }

        Answers.LocalQuestions = await LocalQuestionsFor.OrganisationAsync(mediator, registered, Drafts.Load()?.LocalQuestions ?? [], cancellationToken);

        var result = SaveAnswers();
        await FindMatchesAsync(cancellationToken);
        return result;
    }

    private async Task FindMatchesAsync(CancellationToken cancellationToken)
    {
        var search = Searched ? Search : Answers.OrganisationName;
        if (string.IsNullOrWhiteSpace(search))
        {
            return;
        }

        var found = await mediator.Send(new FindOrganisations(search, PageSize: 20), cancellationToken);
        Matches = [.. found.Items.Select(o => new ChoiceItem(o.Id.ToString(), o.Name, o.Type.Describe()))];
    }
}
