namespace Phso.Modules.Complaints.ScaleData;

/// <summary>What invented complaints say, by sector: what happened ({0} is the body's name), its impact and the
/// outcome wanted, written as people write to the ombudsman.</summary>
internal static class ScaleCaseTexts
{
    public static readonly (string WhatHappened, string Impact, string Outcome)[] Health =
    [
        ("{0} discharged my father without a care package. He fell at home two days later.", "He broke his wrist and went back into hospital for three weeks.", "An apology and changes to how discharges are planned."),
        ("My mother's cancer referral from {0} was not sent for six weeks.", "Her treatment started later than it should have, and we were very anxious.", "An explanation of the delay and an assurance it will not happen to others."),
        ("{0} did not give my son his medication on time during his stay, although it was written on his chart.", "He had seizures that could have been avoided.", "An acknowledgement of the mistakes and staff training on medication rounds."),
        ("I waited eleven months for a hip operation at {0}. It was cancelled twice on the day.", "I was in constant pain and could not work.", "A date for my operation and compensation for my lost earnings."),
        ("{0} refused to register me because I do not have proof of address.", "I had no GP for four months.", "To be registered and for the practice to follow the national guidance."),
        ("Staff at {0} did not listen when I said my wife's condition was getting worse. She was later moved to intensive care.", "She nearly died, and our family was traumatised.", "A full explanation and an apology."),
        ("{0} lost my complaint letter twice and took nine months to reply.", "I had to chase repeatedly while grieving for my husband.", "An apology for the handling of my complaint."),
        ("My daughter's mental health assessment at {0} was cancelled without notice three times.", "Her condition got worse and she missed school.", "An assessment and a named contact at the trust."),
    ];

    public static readonly (string WhatHappened, string Impact, string Outcome)[] Parliamentary =
    [
        ("{0} took eight months to process my claim and lost the documents I sent twice.", "I fell behind on my rent and borrowed from family.", "The claim decided and compensation for the delay."),
        ("{0} wrote to my old address after I had told it I had moved.", "I missed a deadline and was fined.", "The fine cancelled and my records corrected."),
        ("I was given wrong advice by {0} about my entitlement and have been asked to repay an overpayment.", "I am being asked to repay £2,400 I cannot afford.", "The overpayment written off."),
        ("{0} has not answered my letters for six months.", "I do not know whether my case is being dealt with.", "A reply and an apology."),
        ("{0} closed my case without telling me.", "I lost the chance to appeal in time.", "My case reopened and the appeal deadline extended."),
        ("My hearing at {0} was postponed four times at the last minute.", "I took unpaid leave each time.", "Compensation for my lost pay and a firm date."),
    ];
}
