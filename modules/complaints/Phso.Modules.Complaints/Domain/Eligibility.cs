using System.Globalization;
using Phso.SharedKernel.Domain;

namespace Phso.Modules.Complaints.Domain;

/// <summary>The preliminary checks every complaint goes through.</summary>
public enum EligibilityCheck
{
    /// <summary>The body is one the ombudsman can look at.</summary>
    Jurisdiction,

    /// <summary>It claims an injustice caused by maladministration or service failure.</summary>
    Injustice,

    /// <summary>It is made by a suitable person (themselves, or a representative who may act for them).</summary>
    SuitablePerson,

    /// <summary>It came within 12 months of the person becoming aware of the problem.</summary>
    InTime,

    /// <summary>The body's own complaints procedure is finished, or clearly stalled.</summary>
    NotPremature,

    /// <summary>For a parliamentary body, an MP referred it, and not while Parliament was dissolved.</summary>
    MpReferral,

    /// <summary>The person could not reasonably go to a court or tribunal instead.</summary>
    NoAlternativeRemedy,
}

public static class EligibilityChecks
{
    /// <summary>The reason for declining that a check not met gives.</summary>
    public static DeclineReason DeclineReason(this EligibilityCheck check) => check switch
    {
        EligibilityCheck.Jurisdiction => Domain.DeclineReason.NotInRemit,
        EligibilityCheck.Injustice => Domain.DeclineReason.NoInjustice,
        EligibilityCheck.SuitablePerson => Domain.DeclineReason.NotASuitablePerson,
        EligibilityCheck.InTime => Domain.DeclineReason.OutOfTime,
        EligibilityCheck.NotPremature => Domain.DeclineReason.Premature,
        EligibilityCheck.MpReferral => Domain.DeclineReason.NoMpReferral,
        _ => Domain.DeclineReason.AlternativeRemedy,
    };
}

public enum CheckOutcome
{
    Met,
    NotMet,
    NeedsJudgement,
}

/// <summary>What the engine found for one check, in words a caseworker can act on.</summary>
public sealed record CheckResult(EligibilityCheck Check, CheckOutcome Outcome, string Explanation);

/// <summary>A period when Parliament was dissolved (no MPs, so no MP referrals).</summary>
public sealed record DissolutionPeriod(DateOnly From, DateOnly To);

/// <summary>The facts the checks look at.</summary>
public sealed record EligibilityFacts(
    DateOnly ReceivedOn,
    DateOnly AwareOn,
    string BodyName,
    bool BodyLinked,
    bool BodyInRemit,
    Sector? Sector,
    string Impact,
    Representative? Representative,
    BodyProcedure BodyProcedure,
    DateOnly? ComplainedToBodyOn,
    DateOnly? BodyFinalResponseOn,
    MpReferral? Mp,
    LegalRemedy LegalRemedy);

/// <summary>The rules' settings (configuration section "Complaints").</summary>
public sealed record EligibilityRules(int TimeLimitMonths, int StalledAfterMonths, IReadOnlyList<DissolutionPeriod> Dissolutions)
{
    public static readonly EligibilityRules Default = new(12, 6, []);
}

/// <summary>
/// The eligibility engine. It decides nothing by itself: for each check it gives its view and why; the caseworker
/// records their own decision. It is a pure function of the case's facts, so it is re-run whenever the facts change
/// simply by asking it again.
/// </summary>
public static class EligibilityEngine
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<CheckResult> Run(EligibilityFacts facts, EligibilityRules rules)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(rules);
        return
        [
            Jurisdiction(facts),
            Injustice(facts),
            SuitablePerson(facts),
            InTime(facts, rules),
            NotPremature(facts, rules),
            MpReferral(facts, rules),
            NoAlternativeRemedy(facts),
        ];
    }

    public static string Describe(this EligibilityCheck check) => check switch
    {
        EligibilityCheck.Jurisdiction => "A body we can look at",
        EligibilityCheck.Injustice => "Injustice from maladministration or service failure",
        EligibilityCheck.SuitablePerson => "Made by a suitable person",
        EligibilityCheck.InTime => "In time",
        EligibilityCheck.NotPremature => "Not premature",
        EligibilityCheck.MpReferral => "MP referral",
        EligibilityCheck.NoAlternativeRemedy => "No alternative legal remedy",
        _ => check.ToString(),
    };

    private static CheckResult Jurisdiction(EligibilityFacts f) =>
        !f.BodyLinked
            ? new(EligibilityCheck.Jurisdiction, CheckOutcome.NeedsJudgement, $"\"{f.BodyName}\" is not linked to the organisation register, so we cannot tell whether it is in remit. Link it to the register, or add it.")
            : f.BodyInRemit
                ? new(EligibilityCheck.Jurisdiction, CheckOutcome.Met, $"{f.BodyName} is in the ombudsman's remit.")
                : new(EligibilityCheck.Jurisdiction, CheckOutcome.NotMet, $"{f.BodyName} is not in the ombudsman's remit. Signpost the person to the ombudsman or regulator that covers it.");

    private static CheckResult Injustice(EligibilityFacts f) =>
        string.IsNullOrWhiteSpace(f.Impact)
            ? new(EligibilityCheck.Injustice, CheckOutcome.NotMet, "The complaint does not say how the person was affected, so it claims no injustice.")
            : new(EligibilityCheck.Injustice, CheckOutcome.NeedsJudgement, "The person describes how they were affected. Decide whether this is an injustice caused by maladministration or service failure.");

    private static CheckResult SuitablePerson(EligibilityFacts f) => f.Representative switch
    {
        null => new(EligibilityCheck.SuitablePerson, CheckOutcome.Met, "The person complains for themselves."),
        { Capacity: RepresentativeCapacity.WithConsent } r => new(EligibilityCheck.SuitablePerson, CheckOutcome.Met, $"{r.Name} ({r.Relationship}) complains with the person's consent."),
        { Capacity: RepresentativeCapacity.PersonHasDied } r => new(EligibilityCheck.SuitablePerson, CheckOutcome.Met, $"{r.Name} ({r.Relationship}) complains for someone who has died, as next of kin or personal representative."),
        var r => new(EligibilityCheck.SuitablePerson, CheckOutcome.NeedsJudgement, $"{r.Name} ({r.Relationship}) says the person cannot give consent. Decide whether they are suitable to act in the person's best interests."),
    };

    private static CheckResult InTime(EligibilityFacts f, EligibilityRules rules)
    {
        if (f.AwareOn > f.ReceivedOn)
        {
            return new(EligibilityCheck.InTime, CheckOutcome.NeedsJudgement, $"The date they became aware ({Day(f.AwareOn)}) is after the complaint was received ({Day(f.ReceivedOn)}). Check the date with them.");
        }

        var limit = f.AwareOn.AddMonths(rules.TimeLimitMonths);
        return f.ReceivedOn <= limit
            ? new(EligibilityCheck.InTime, CheckOutcome.Met, $"Received on {Day(f.ReceivedOn)}, within {rules.TimeLimitMonths} months of becoming aware on {Day(f.AwareOn)} (the limit was {Day(limit)}).")
            : new(EligibilityCheck.InTime, CheckOutcome.NotMet, $"Received on {Day(f.ReceivedOn)}, {Days(f.ReceivedOn.DayNumber - limit.DayNumber)} after the {rules.TimeLimitMonths}-month limit ({Day(limit)}). You may use discretion (for example after a bereavement) and must record why.");
    }

    private static CheckResult NotPremature(EligibilityFacts f, EligibilityRules rules) => f.BodyProcedure switch
    {
        BodyProcedure.Finished => new(EligibilityCheck.NotPremature, CheckOutcome.Met,
            f.BodyFinalResponseOn is { } response ? $"{f.BodyName} sent its final response on {Day(response)}." : $"The person says {f.BodyName} sent its final response."),
        BodyProcedure.NotFinished when f.ComplainedToBodyOn is { } complained && complained.AddMonths(rules.StalledAfterMonths) <= f.ReceivedOn =>
            new(EligibilityCheck.NotPremature, CheckOutcome.Met, $"The person complained to {f.BodyName} on {Day(complained)}, more than {rules.StalledAfterMonths} months before coming to us, and has no final response: the procedure appears stalled."),
        BodyProcedure.NotFinished => new(EligibilityCheck.NotPremature, CheckOutcome.NotMet,
            $"{f.BodyName} has not finished its own complaints procedure{(f.ComplainedToBodyOn is { } on ? $" (the person complained on {Day(on)})" : "")}. Usually it must finish first, unless it has clearly stalled."),
        _ => new(EligibilityCheck.NotPremature, CheckOutcome.NotMet, $"The person has not complained to {f.BodyName}. It must have the chance to put things right first."),
    };

    private static CheckResult MpReferral(EligibilityFacts f, EligibilityRules rules)
    {
        if (f.Sector is null)
        {
            return new(EligibilityCheck.MpReferral, CheckOutcome.NeedsJudgement, "We do not know whether the body is health or parliamentary. Link the body to the register.");
        }

        if (f.Sector == Sector.Health)
        {
            return new(EligibilityCheck.MpReferral, CheckOutcome.Met, "Complaints about the NHS come to us directly: no MP referral is needed.");
        }

        var dissolvedOnReceipt = rules.Dissolutions.FirstOrDefault(d => d.From <= f.ReceivedOn && f.ReceivedOn <= d.To);
        if (f.Mp is null)
        {
            return new(EligibilityCheck.MpReferral, CheckOutcome.NotMet,
                "Complaints about government departments and other public bodies must be referred by an MP (any MP, with the person's consent). No referral is recorded." +
                (dissolvedOnReceipt is null ? "" : $" Parliament is dissolved until {Day(dissolvedOnReceipt.To)}, so no referral can be made until then."));
        }

        var dissolved = rules.Dissolutions.FirstOrDefault(d => d.From <= f.Mp.ReferredOn && f.Mp.ReferredOn <= d.To) ?? dissolvedOnReceipt;
        return dissolved is not null
            ? new(EligibilityCheck.MpReferral, CheckOutcome.NotMet, $"Parliament was dissolved from {Day(dissolved.From)} to {Day(dissolved.To)}, when MP referrals cannot be accepted. The person can ask an MP to refer it once the new Parliament meets.")
            : new(EligibilityCheck.MpReferral, CheckOutcome.Met, $"Referred by {f.Mp.MpName}, MP for {f.Mp.Constituency}, on {Day(f.Mp.ReferredOn)}.");
    }

    private static CheckResult NoAlternativeRemedy(EligibilityFacts f) => f.LegalRemedy switch
    {
        LegalRemedy.No => new(EligibilityCheck.NoAlternativeRemedy, CheckOutcome.Met, "The person has not taken legal action and says they could not go to a court or tribunal."),
        LegalRemedy.Yes => new(EligibilityCheck.NoAlternativeRemedy, CheckOutcome.NotMet, "The person has taken, or could take, legal action. The ombudsman usually does not look at a complaint a court or tribunal could deal with, unless it would not be reasonable to expect them to go there."),
        _ => new(EligibilityCheck.NoAlternativeRemedy, CheckOutcome.NeedsJudgement, "The person is not sure whether they could go to a court or tribunal. Decide whether that would be a reasonable route for them."),
    };

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", English);

    private static string Days(int count) => count == 1 ? "1 day" : $"{count} days";
}
