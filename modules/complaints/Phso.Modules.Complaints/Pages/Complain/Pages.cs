using Phso.Modules.Complaints.Features.SubmitComplaint;

namespace Phso.Modules.Complaints.Pages.Complain;

// One page model per question; the base does the work and each names its question.
public sealed class WhoModel(ComplaintDrafts drafts, TimeProvider clock) : QuestionPage(drafts, clock)
{
    protected override string Slug => "who";
}

public sealed class RepresentativeModel(ComplaintDrafts drafts, TimeProvider clock) : QuestionPage(drafts, clock)
{
    protected override string Slug => "representative";
}

public sealed class PersonModel(ComplaintDrafts drafts, TimeProvider clock) : QuestionPage(drafts, clock)
{
    protected override string Slug => "person";
}

public sealed class ContactModel(ComplaintDrafts drafts, TimeProvider clock) : QuestionPage(drafts, clock)
{
    protected override string Slug => "contact";
}

public sealed class WhatHappenedModel(ComplaintDrafts drafts, TimeProvider clock) : QuestionPage(drafts, clock)
{
    protected override string Slug => "what-happened";
}

public sealed class WhenAwareModel(ComplaintDrafts drafts, TimeProvider clock) : QuestionPage(drafts, clock)
{
    protected override string Slug => "when-aware";
}

public sealed class ImpactModel(ComplaintDrafts drafts, TimeProvider clock) : QuestionPage(drafts, clock)
{
    protected override string Slug => "impact";
}

public sealed class OutcomeModel(ComplaintDrafts drafts, TimeProvider clock) : QuestionPage(drafts, clock)
{
    protected override string Slug => "outcome";
}

public sealed class OrganisationComplaintModel(ComplaintDrafts drafts, TimeProvider clock) : QuestionPage(drafts, clock)
{
    protected override string Slug => "organisation-complaint";
}

public sealed class LocalQuestionsModel(ComplaintDrafts drafts, TimeProvider clock) : QuestionPage(drafts, clock)
{
    protected override string Slug => ComplaintJourney.LocalQuestionsPage;
}

public sealed class MpModel(ComplaintDrafts drafts, TimeProvider clock) : QuestionPage(drafts, clock)
{
    protected override string Slug => "mp";
}

public sealed class LegalModel(ComplaintDrafts drafts, TimeProvider clock) : QuestionPage(drafts, clock)
{
    protected override string Slug => "legal";
}

public sealed class AdjustmentsModel(ComplaintDrafts drafts, TimeProvider clock) : QuestionPage(drafts, clock)
{
    protected override string Slug => "adjustments";
}
