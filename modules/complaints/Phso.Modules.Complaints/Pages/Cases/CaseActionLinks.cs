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

/// <summary>How the case page offers each step the case allows: its button's words, the action page, the button's style.</summary>
public static class CaseActionLinks
{
    public static (string Text, string Href, string Style) Of(CaseAction action) => action switch
    {
        CaseAction.Acknowledge => ("Acknowledge the complaint", "message", ""),
        CaseAction.StartChecks => ("Start preliminary checks", "start-checks", ""),
        CaseAction.RecordChecks => ("Record the checks", "checks", ""),
        CaseAction.CorrectFacts => ("Correct the facts", "facts", "govuk-button--secondary"),
        CaseAction.LinkBody => ("Link the body to the register", "link-body", "govuk-button--secondary"),
        CaseAction.ChooseRoute => ("Choose how to handle it", "route", ""),
        CaseAction.MoveToInvestigation => ("Move to investigation", "route", ""),
        CaseAction.RecordResolution => ("Record the resolution", "resolve", ""),
        CaseAction.ShareProvisionalView => ("Share the provisional view", "provisional-view", ""),
        CaseAction.RecordDecision => ("Record the final decision", "decision", ""),
        CaseAction.RecordBodyComment => ("Record the organisation's comments", "body-comment", "govuk-button--secondary"),
        CaseAction.Close => ("Close the case", "close", ""),
        CaseAction.RecordReviewOutcome => ("Record the review outcome", "review-outcome", ""),
        CaseAction.Decline => ("Decline the complaint", "decline", "govuk-button--warning"),
        CaseAction.Withdraw => ("Record a withdrawal", "withdraw", "govuk-button--secondary"),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
