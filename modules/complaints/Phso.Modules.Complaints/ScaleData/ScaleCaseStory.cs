using Bogus;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Evidence;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Complaints.ScaleData;

/// <summary>
/// One invented case's life, told through the domain's own methods in the order a caseworker would act, each step a
/// few working days after the last, until it reaches today: a case received long ago has usually ended (declined at
/// the checks, resolved early, or decided after an investigation, sometimes reviewed); a recent one is still at the
/// stage its story has reached. So the stages, clocks and timelines are ones the application itself produces.
/// </summary>
internal sealed class ScaleCaseStory(Faker faker, ScaleCaseContext context)
{
    private Complaint _case = null!;
    private OrganisationSummary _body = null!;
    private Actor _caseworker = Actor.Complainant;
    private int _ago;

    /// <summary>The case's caseworker (who adds its documents).</summary>
    public Actor Caseworker => _caseworker;

    /// <summary>The documents to store for the case (file name, working days ago), written after the case is built.</summary>
    public List<(string FileName, int WorkingDaysAgo)> Documents { get; } = [];

    public Complaint Tell(int receivedWorkingDaysAgo, int receivedHour, string reference)
    {
        Documents.Clear();
        _ago = receivedWorkingDaysAgo;
        _body = context.PickBody(faker);
        _caseworker = context.PickCaseworker(faker);
        _case = Complaint.Submit(NewComplaint(), reference, context.At(_ago, receivedHour), context.Rules);
        _case.IssueLink(AccessTokens.Hash(AccessTokens.Create().Token), context.At(_ago).Now.AddMonths(context.Options.LinkValidityMonths), Actor.Complainant, context.At(_ago));
        Work();
        _case.RefreshClocks(context.Rules, context.Now);
        return _case;
    }

    private void Work()
    {
        // Acknowledged and assigned within a week, now and then late.
        if (!Next(faker.Random.Double() < 0.9 ? faker.Random.Int(1, 5) : faker.Random.Int(6, 12)))
        {
            return;
        }

        _case.AssignTo(_caseworker.Id, _caseworker.Name, new Actor(null, "Casework allocation"), context.At(_ago));
        Message("Thank you for your complaint. I am the caseworker looking at it and will keep you updated.");
        if (faker.Random.Double() < 0.05)
        {
            _case.SetPriority(Priority.High, faker.PickRandom(PriorityReasons.FinancialHardship, PriorityReasons.RiskToLife, PriorityReasons.TerminalIllness), "Raised at allocation.", _caseworker, context.At(_ago));
        }

        var fate = faker.Random.Double();
        if (fate < 0.05)
        {
            if (Next(faker.Random.Int(2, 30)))
            {
                _case.Withdraw(faker.PickRandom("The organisation has now put things right.", "I no longer want to go on.", null), Actor.Complainant, context.At(_ago));
            }

            return;
        }

        if (!Next(faker.Random.Int(1, 4)))
        {
            return;
        }

        _case.StartChecks(_caseworker, context.At(_ago));
        if (!Next(faker.Random.Int(3, 12)))
        {
            return;
        }

        var failing = fate < 0.45 || !_body.InRemit ? FailingCheck() : (EligibilityCheck?)null;
        DecideChecks(failing);
        if (failing is { } check)
        {
            _case.Decline([check.DeclineReason()], SignpostFor(check), Explain(check), _caseworker, context.At(_ago));
            MaybeReview();
            return;
        }

        _case.CompleteChecks(_caseworker, context.At(_ago));
        if (!Next(faker.Random.Int(3, 15)))
        {
            return;
        }

        if (fate < 0.70)
        {
            _case.ChooseRoute(CaseStage.EarlyResolution, "The organisation looks willing to put this right quickly.", _caseworker, context.At(_ago));
            if (Next(faker.Random.Int(10, 40)))
            {
                _case.ResolveWithoutInvestigation($"{_body.Name} agreed to apologise and put things right.", _caseworker, context.At(_ago));
                Close();
            }

            return;
        }

        _case.ChooseRoute(CaseStage.Investigation, "A full investigation is needed to establish what happened.", _caseworker, context.At(_ago));
        if (faker.Random.Double() < 0.3)
        {
            Documents.Add(($"{faker.PickRandom("clinical-records", "complaint-file", "correspondence", "policy")}-{faker.Random.Int(1, 9)}.pdf", _ago));
        }

        for (var length = faker.Random.Int(40, 220); length > 18; length -= 18)
        {
            if (!Next(18))
            {
                return;
            }

            Message("An update on your complaint: we are still looking at the evidence and will write again within 20 working days.");
            if (faker.Random.Double() < 0.2)
            {
                _case.ReceiveMessage("Thank you for the update. Is there anything more you need from me?", context.At(_ago, 15));
            }
        }

        if (!Next(faker.Random.Int(1, 10)))
        {
            return;
        }

        var outcome = faker.PickRandom(ComplaintOutcome.Upheld, ComplaintOutcome.PartlyUpheld, ComplaintOutcome.PartlyUpheld, ComplaintOutcome.NotUpheld);
        var sharedAt = context.At(_ago);
        _case.RefreshClocks(context.Rules, sharedAt);
        _case.ShareProvisionalView($"## Our provisional view\n\nWe are minded to find this complaint **{outcome.Describe().ToLowerInvariant()}**.",
            context.Calendar.AddWorkingDays(sharedAt.Today, context.Options.CommentWindowWorkingDays, _case.Person.Nation), _caseworker, sharedAt, context.Rules);
        var sharedAgo = _ago;
        if (faker.Random.Double() < 0.7 && Next(faker.Random.Int(2, 8)))
        {
            _case.CommentAsComplainant("I have read the provisional view. I have nothing further to add.", context.At(_ago));
        }

        // The decision waits for the comment window to close (a few days' margin for a nation's own bank holidays).
        _ago = sharedAgo - context.Options.CommentWindowWorkingDays - faker.Random.Int(3, 12);
        if (_ago < 1)
        {
            return;
        }

        _case.RecordDecision(outcome, $"## Our decision\n\nWe find this complaint **{outcome.Describe().ToLowerInvariant()}**.", _caseworker, context.At(_ago));
        if (!MaybeReview())
        {
            Close();
        }
    }

    private bool Next(int workingDays)
    {
        _ago -= workingDays;
        return _ago >= 1;
    }

    private void Message(string text)
    {
        var at = context.At(_ago);
        _case.RefreshClocks(context.Rules, at);
        _case.SendMessage(text, _caseworker, at, context.Rules);
    }

    private void Close()
    {
        if (Next(faker.Random.Int(5, 25)))
        {
            _case.Close(_caseworker, context.At(_ago));
        }
    }

    /// <summary>One decision in twenty is challenged within the review window; a review takes a month or two.</summary>
    private bool MaybeReview()
    {
        if (faker.Random.Double() >= 0.05 || !Next(faker.Random.Int(3, 15)))
        {
            return false;
        }

        var at = context.At(_ago);
        if (_case.ReviewWindowEnds(context.Options.ReviewWindowMonths) is not { } lastDay || at.Today > lastDay)
        {
            return false;
        }

        _case.RequestReview(ReviewGrounds.OverlookedOrMisunderstood, "The decision did not take account of the letters I sent.", context.Options.ReviewWindowMonths, at, context.Rules);
        if (Next(faker.Random.Int(20, 45)))
        {
            _case.RecordReviewOutcome(ReviewOutcome.DecisionStands, "We looked again at the evidence; the decision stands.", _caseworker, context.At(_ago));
        }

        return true;
    }

    private void DecideChecks(EligibilityCheck? failing)
    {
        var at = context.At(_ago);
        foreach (var result in EligibilityEngine.Run(_case.EligibilityFacts(_body.InRemit), context.Options.Rules))
        {
            var met = result.Check != failing;
            var agrees = result.Outcome == (met ? CheckOutcome.Met : CheckOutcome.NotMet);
            _case.DecideCheck(result.Check, met, agrees ? null : "Checked against the papers on file.", result, _caseworker, at);
            if (!met)
            {
                return;
            }
        }
    }

    private EligibilityCheck FailingCheck() => !_body.InRemit
        ? EligibilityCheck.Jurisdiction
        : faker.PickRandom(EligibilityCheck.NotPremature, EligibilityCheck.NotPremature, EligibilityCheck.NotPremature, EligibilityCheck.InTime, EligibilityCheck.Injustice, EligibilityCheck.NoAlternativeRemedy);

    private Signpost SignpostFor(EligibilityCheck check) => check switch
    {
        EligibilityCheck.Jurisdiction => _body.Nation switch
        {
            Nation.Scotland => Signpost.ScottishOmbudsman,
            Nation.Wales => Signpost.WelshOmbudsman,
            _ => Signpost.Other,
        },
        EligibilityCheck.NotPremature => Signpost.BodyComplaintsProcedure,
        EligibilityCheck.NoAlternativeRemedy => Signpost.CourtOrTribunal,
        EligibilityCheck.MpReferral => Signpost.AnMp,
        _ => Signpost.Other,
    };

    private static string Explain(EligibilityCheck check) => check switch
    {
        EligibilityCheck.Jurisdiction => "We cannot look into your complaint because the organisation is not one we can investigate. We have told you which ombudsman can.",
        EligibilityCheck.NotPremature => "We cannot look into your complaint yet: the organisation has not finished its own complaints procedure. Please complain to it first.",
        EligibilityCheck.InTime => "We cannot look into your complaint because it came to us more than 12 months after you knew about the problem, and there is no good reason for the delay.",
        EligibilityCheck.Injustice => "We cannot look into your complaint because it does not show an injustice caused by what the organisation did.",
        _ => "We cannot look into your complaint because you could reasonably take it to a court or tribunal.",
    };

    private NewComplaint NewComplaint()
    {
        var received = context.At(_ago).Today;
        var nation = _body.Nation == Nation.England && faker.Random.Double() < 0.1 ? faker.PickRandom(Nation.Wales, Nation.Scotland) : _body.Nation;
        var hasEmail = faker.Random.Double() < 0.8;
        var person = new PersonComplaining
        {
            Name = faker.Name.FullName(), Nation = nation,
            Email = hasEmail ? faker.Internet.Email(provider: "example.com") : null,
            Address = hasEmail ? null : $"{faker.Address.BuildingNumber()} {faker.Address.StreetName()}, {faker.Address.City()}, {faker.Address.ZipCode()}",
        };
        var representative = faker.Random.Double() < 0.15
            ? new Representative { Name = faker.Name.FullName(), Email = faker.Internet.Email(provider: "example.com"), Relationship = faker.PickRandom("Daughter", "Son", "Husband", "Wife", "Advocate"), Capacity = RepresentativeCapacity.WithConsent }
            : null;
        var finalResponse = received.AddDays(-faker.Random.Int(10, 200));
        var complained = finalResponse.AddDays(-faker.Random.Int(20, 120));
        var (whatHappened, impact, outcome) = faker.PickRandom(_body.Sector == SharedKernel.Domain.Sector.Health ? ScaleCaseTexts.Health : ScaleCaseTexts.Parliamentary);
        var mp = _body.Sector == SharedKernel.Domain.Sector.Parliamentary
            ? new MpReferral { MpName = faker.Name.FullName(), Constituency = $"{faker.Address.City()} {faker.PickRandom("North", "South", "East", "West", "Central")}", ReferredOn = received.AddDays(-faker.Random.Int(1, 20)) }
            : null;
        return new NewComplaint(
            person, representative, new Adjustments { PreferredChannel = hasEmail || representative is not null ? ContactChannel.Email : ContactChannel.Letter },
            _body.Id, _body.Name, _body.Sector, string.Format(System.Globalization.CultureInfo.InvariantCulture, whatHappened, _body.Name),
            complained.AddDays(-faker.Random.Int(1, 60)), impact, outcome, BodyProcedure.Finished, complained, finalResponse, mp, LegalRemedy.No,
            complained.AddDays(faker.Random.Int(1, 8)));
    }
}
