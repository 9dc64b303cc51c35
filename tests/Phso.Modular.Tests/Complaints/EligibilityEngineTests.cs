using Phso.Modules.Complaints.Domain;
using Phso.SharedKernel.Domain;

namespace Phso.Modular.Tests.Complaints;

/// <summary>Each preliminary check, on the facts that make it met, not met, or a matter for the caseworker's judgement.</summary>
public sealed class EligibilityEngineTests
{
    private static readonly DateOnly Received = new(2026, 6, 15);

    private static readonly EligibilityRules Rules = new(12, 6, [new DissolutionPeriod(new DateOnly(2024, 5, 30), new DateOnly(2024, 7, 8))]);

    private static EligibilityFacts Facts(
        bool linked = true, bool inRemit = true, Sector? sector = Sector.Health, string impact = "I was in pain for weeks.", Representative? representative = null,
        DateOnly? awareOn = null, BodyProcedure procedure = BodyProcedure.Finished, DateOnly? complainedOn = null, MpReferral? mp = null,
        LegalRemedy legal = LegalRemedy.No, DateOnly? receivedOn = null) =>
        new(receivedOn ?? Received, awareOn ?? new DateOnly(2026, 1, 10), "Northmoor Hospitals", linked, inRemit, sector, impact, representative, procedure,
            complainedOn ?? new DateOnly(2026, 2, 1), procedure == BodyProcedure.Finished ? new DateOnly(2026, 4, 1) : null, mp, legal);

    private static CheckResult Check(EligibilityFacts facts, EligibilityCheck check) => EligibilityEngine.Run(facts, Rules).Single(r => r.Check == check);

    [Fact]
    public void A_straightforward_nhs_complaint_meets_every_check_but_injustice_which_is_always_for_the_caseworker()
    {
        var results = EligibilityEngine.Run(Facts(), Rules);
        Assert.Equal(Enum.GetValues<EligibilityCheck>(), results.Select(r => r.Check));
        Assert.All(results.Where(r => r.Check != EligibilityCheck.Injustice), r => Assert.Equal(CheckOutcome.Met, r.Outcome));
        Assert.Equal(CheckOutcome.NeedsJudgement, results.Single(r => r.Check == EligibilityCheck.Injustice).Outcome);
    }

    [Theory]
    [InlineData(true, true, CheckOutcome.Met)]
    [InlineData(true, false, CheckOutcome.NotMet)]
    [InlineData(false, false, CheckOutcome.NeedsJudgement)]
    public void Jurisdiction_follows_the_register(bool linked, bool inRemit, CheckOutcome expected) =>
        Assert.Equal(expected, Check(Facts(linked: linked, inRemit: inRemit), EligibilityCheck.Jurisdiction).Outcome);

    [Fact]
    public void A_complaint_that_says_nothing_about_its_effect_claims_no_injustice() =>
        Assert.Equal(CheckOutcome.NotMet, Check(Facts(impact: "  "), EligibilityCheck.Injustice).Outcome);

    [Theory]
    [InlineData(RepresentativeCapacity.WithConsent, CheckOutcome.Met)]
    [InlineData(RepresentativeCapacity.PersonHasDied, CheckOutcome.Met)]
    [InlineData(RepresentativeCapacity.PersonCannotConsent, CheckOutcome.NeedsJudgement)]
    public void A_representative_is_suitable_with_consent_or_for_someone_who_has_died_and_otherwise_needs_judgement(RepresentativeCapacity capacity, CheckOutcome expected)
    {
        var representative = new Representative { Name = "Ruth", Relationship = "Daughter", Capacity = capacity };
        Assert.Equal(expected, Check(Facts(representative: representative), EligibilityCheck.SuitablePerson).Outcome);
    }

    [Theory]
    [InlineData("2025-06-15", CheckOutcome.Met)] // exactly 12 months before receipt: the last day in time
    [InlineData("2025-06-14", CheckOutcome.NotMet)]
    [InlineData("2026-07-01", CheckOutcome.NeedsJudgement)] // aware after receipt: a wrong date
    public void The_time_limit_is_twelve_months_from_becoming_aware(string awareOn, CheckOutcome expected)
    {
        var result = Check(Facts(awareOn: DateOnly.Parse(awareOn, System.Globalization.CultureInfo.InvariantCulture)), EligibilityCheck.InTime);
        Assert.Equal(expected, result.Outcome);
        if (expected == CheckOutcome.NotMet)
        {
            Assert.Contains("1 day after the 12-month limit", result.Explanation, StringComparison.Ordinal);
            Assert.Contains("discretion", result.Explanation, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(BodyProcedure.Finished, "2026-02-01", CheckOutcome.Met)]
    [InlineData(BodyProcedure.NotFinished, "2025-12-15", CheckOutcome.Met)] // six months without a final response: stalled
    [InlineData(BodyProcedure.NotFinished, "2025-12-16", CheckOutcome.NotMet)]
    [InlineData(BodyProcedure.NotStarted, "2026-02-01", CheckOutcome.NotMet)]
    public void A_complaint_is_premature_until_the_body_has_finished_or_clearly_stalled(BodyProcedure procedure, string complainedOn, CheckOutcome expected) =>
        Assert.Equal(expected, Check(Facts(procedure: procedure, complainedOn: DateOnly.Parse(complainedOn, System.Globalization.CultureInfo.InvariantCulture)), EligibilityCheck.NotPremature).Outcome);

    [Fact]
    public void Parliamentary_complaints_need_an_mp_referral_and_nhs_ones_do_not()
    {
        var mp = new MpReferral { MpName = "Sarah Linton", Constituency = "Eastbridge North", ReferredOn = new DateOnly(2026, 6, 10) };
        Assert.Equal(CheckOutcome.Met, Check(Facts(sector: Sector.Health), EligibilityCheck.MpReferral).Outcome);
        Assert.Equal(CheckOutcome.NotMet, Check(Facts(sector: Sector.Parliamentary), EligibilityCheck.MpReferral).Outcome);
        Assert.Equal(CheckOutcome.Met, Check(Facts(sector: Sector.Parliamentary, mp: mp), EligibilityCheck.MpReferral).Outcome);
        Assert.Equal(CheckOutcome.NeedsJudgement, Check(Facts(sector: null), EligibilityCheck.MpReferral).Outcome);
    }

    [Fact]
    public void An_mp_referral_made_while_parliament_was_dissolved_is_not_accepted()
    {
        var duringDissolution = new MpReferral { MpName = "Sarah Linton", Constituency = "Eastbridge North", ReferredOn = new DateOnly(2024, 6, 10) };
        var result = Check(Facts(sector: Sector.Parliamentary, mp: duringDissolution, receivedOn: new DateOnly(2024, 6, 12), awareOn: new DateOnly(2024, 1, 1)), EligibilityCheck.MpReferral);
        Assert.Equal(CheckOutcome.NotMet, result.Outcome);
        Assert.Contains("Parliament was dissolved from 30 May 2024 to 8 July 2024", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LegalRemedy.No, CheckOutcome.Met)]
    [InlineData(LegalRemedy.Yes, CheckOutcome.NotMet)]
    [InlineData(LegalRemedy.NotSure, CheckOutcome.NeedsJudgement)]
    public void A_court_or_tribunal_route_weighs_against_looking_at_the_complaint(LegalRemedy legal, CheckOutcome expected) =>
        Assert.Equal(expected, Check(Facts(legal: legal), EligibilityCheck.NoAlternativeRemedy).Outcome);
}
