using System.Globalization;
using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Evidence;
using Phso.Modules.Complaints.Features.WorkCases;
using Phso.Modules.Complaints.Persistence;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Complaints.DemoData;

/// <summary>
/// Demo casework: a case at every stage, dated back from today so the clocks, the comment window and the review
/// window are live, and a history of decided cases for the timeliness figures. The cases are built through the same
/// domain methods the pages use, so every timeline and clock is one the application itself could have produced.
/// </summary>
public static class DemoCases
{
    /// <summary>The private link token of the demo case whose provisional view is open for comments. Demo use only:
    /// real tokens are random and only their hash is kept.</summary>
    public const string ProvisionalViewToken = "demo-provisional-view";

    /// <summary>The private link token of the demo case with a recent final decision (a review can be asked for).</summary>
    public const string DecidedToken = "demo-decided";

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    internal static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ComplaintsDbContext>();
        if (await db.Complaints.AnyAsync(cancellationToken))
        {
            return;
        }

        var seeder = new Seeder(services, cancellationToken);
        await seeder.LoadAsync();
        await seeder.SeedOpenCasesAsync();
        await seeder.SeedHistoryAsync();
        seeder.NumberInOrderReceived();
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed class Seeder(IServiceProvider services, CancellationToken cancellationToken)
    {
        private readonly ComplaintsDbContext _db = services.GetRequiredService<ComplaintsDbContext>();
        private readonly IMediator _mediator = services.GetRequiredService<IMediator>();
        private readonly CharterClockRules _rules = services.GetRequiredService<CharterClockRules>();
        private readonly IWorkingDayCalendar _calendar = services.GetRequiredService<IWorkingDayCalendar>();
        private readonly Eligibility _eligibility = services.GetRequiredService<Eligibility>();
        private readonly EvidenceStore _evidence = services.GetRequiredService<EvidenceStore>();
        private readonly ComplaintsOptions _options = services.GetRequiredService<IOptions<ComplaintsOptions>>().Value;
        private readonly CaseTime _now = CaseTime.From(services.GetRequiredService<TimeProvider>());
        private readonly Dictionary<string, OrganisationSummary> _bodies = [];
        private Actor _tom = Actor.Complainant;
        private int _submitted;

        public async Task LoadAsync()
        {
            foreach (var organisation in (await _mediator.Send(new FindOrganisations(PageSize: 200), cancellationToken)).Items)
            {
                _bodies[organisation.Name] = organisation;
            }

            var people = await _mediator.Send(new FindPeople(), cancellationToken);
            var tom = people.Single(p => p.Email == "caseworker@ombudsman.example");
            _tom = new Actor(tom.Id, tom.DisplayName);
        }

        public async Task SeedOpenCasesAsync()
        {
            // Just arrived: the acknowledgement clock is running.
            await SubmitAsync(2, "Riverside Community Health NHS Trust", Person("Margaret Ellis", Nation.England, "m.ellis@example.com"),
                "The district nursing team stopped visiting my husband after his discharge in June without telling us. His leg ulcer became infected and he was readmitted.",
                "My husband was in pain for weeks and needed a second hospital stay. I had to care for him alone.",
                "An apology, and for the trust to make sure discharged patients are not dropped from the visiting list.",
                finishedMonthsAgo: 2);

            // Not acknowledged in time, with reasonable adjustments: large print by post.
            await SubmitAsync(8, "Millbrook Surgery", Person("Derek Owusu", Nation.England, null, "12 Mill Lane, Millbrook, MB1 4QT"),
                "The practice removed me from its list after I complained about waiting times. Nobody told me why or gave me a chance to respond.",
                "I had no GP for two months while my diabetes medication ran out.",
                "To be told why I was removed and for the practice to follow the rules on removing patients.",
                finishedMonthsAgo: 1,
                adjustments: new Adjustments { Needs = SupportNeeds.LargePrint, ExtraTime = true, PreferredChannel = ContactChannel.Letter, BestTimes = "Weekday mornings" });

            // Preliminary checks under way.
            var checks = await SubmitAsync(12, "Home Office", Person("Anil Kapoor", Nation.England, "anil.kapoor@example.com"),
                "My visa application has been waiting for 14 months. I have written to the Home Office five times and had no answer.",
                "I cannot travel to see my mother, who is ill, and I have lost a job offer.",
                "A decision on my application and compensation for the lost job offer.",
                finishedMonthsAgo: 3, mp: ("Sarah Linton", "Eastbridge North"));
            Assign(checks, 11);
            Message(checks, 10, "Thank you for your complaint. I am the caseworker looking at it. I will first check that we can look into it, and I will write to you again within 20 working days.");
            checks.StartChecks(_tom, At(9));
            await DecideChecksAsync(checks, 8, [EligibilityCheck.Jurisdiction, EligibilityCheck.Injustice, EligibilityCheck.SuitablePerson]);

            // Assessment, high priority, made by a representative.
            var assessment = await SubmitAsync(25, "Department for Work and Pensions", Person("Joan Fletcher", Nation.Scotland, null),
                "My mother's Pension Credit was stopped after a review she was never told about. The DWP says it sent letters, but they went to her old address after she moved into care.",
                "She has been without £480 a month for five months and has fallen behind on her care home fees.",
                "Her Pension Credit restored and backdated, and the arrears paid.",
                finishedMonthsAgo: 2, mp: ("Callum Reid", "Glenmorven and Strathard"),
                representative: new Representative { Name = "Ruth Fletcher", Email = "ruth.fletcher@example.com", Relationship = "Daughter", Capacity = RepresentativeCapacity.WithConsent });
            Assign(assessment, 24);
            Message(assessment, 23, "Thank you for complaining on your mother's behalf. I have your signed consent form. I will now check that we can look into the complaint.");
            assessment.SetPriority(Priority.High, PriorityReasons.FinancialHardship, "Care home fees in arrears; risk of losing her place.", _tom, At(23));
            assessment.StartChecks(_tom, At(22));
            await DecideChecksAsync(assessment, 20, Enum.GetValues<EligibilityCheck>());
            assessment.CompleteChecks(_tom, At(19));
            Message(assessment, 19, "We can look at your mother's complaint. I am now deciding the best way to handle it and will contact you again soon.");

            // Early resolution.
            var early = await SubmitAsync(30, "HM Revenue and Customs", Person("Kwame Mensah", Nation.England, "kwame.mensah@example.com"),
                "HMRC charged me a penalty for a late self assessment return that I filed on time online. I have the submission receipt.",
                "I paid a £100 penalty I did not owe and spent hours on the phone.",
                "The penalty refunded and an apology.",
                finishedMonthsAgo: 1, mp: ("Olivia Grant", "Harbourside"));
            await ToAssessmentAsync(early, 28);
            early.ChooseRoute(CaseStage.EarlyResolution, "HMRC's own records show the return was received on time; a quick fix looks likely.", _tom, At(15));
            Message(early, 14, "We think this can be put right quickly. I have asked HMRC to look again at its records of your return.");

            // Investigation, for someone in Wales (clocks count Welsh bank holidays), with a document.
            var investigation = await SubmitAsync(60, "Driver and Vehicle Licensing Agency", Person("Carys Pritchard", Nation.Wales, "carys.pritchard@example.com"),
                "The DVLA revoked my driving licence on medical grounds without waiting for my consultant's report, which said I was fit to drive.",
                "I lost my job as a community nurse because I could not drive to patients.",
                "My licence back and compensation for my lost earnings.",
                finishedMonthsAgo: 3, mp: ("Rhodri Evans", "Bro Derwen"));
            await ToAssessmentAsync(investigation, 58);
            investigation.ChooseRoute(CaseStage.Investigation, "The DVLA's medical decision-making needs a full look, with clinical advice.", _tom, At(45));
            Message(investigation, 44, "We are investigating your complaint. I have asked the DVLA for its file, and we will take independent clinical advice.");
            Message(investigation, 25, "The DVLA has sent its file. Our clinical adviser is looking at it.");
            await AttachAsync(investigation, 24, "dvla-medical-file-summary.pdf");

            // Provisional view open for comments: the Coldharbour partner lead can comment, and so can the complainant (demo link).
            var provisional = await SubmitAsync(90, "Coldharbour Teaching Hospitals NHS Trust", Person("Jan Novak", Nation.England, null, "4 Orchard Close, Coldharbour, CH2 8LP"),
                "My father waited 11 hours in the emergency department with a broken hip. He was not given pain relief for the first six hours and developed a pressure sore.",
                "He was in severe pain and distress, and the pressure sore took three months to heal.",
                "An acknowledgement of what went wrong and changes so older patients get pain relief and pressure care promptly.",
                finishedMonthsAgo: 4, token: ProvisionalViewToken,
                representative: new Representative { Name = "Lena Novak", Email = "lena.novak@example.com", Relationship = "Daughter", Capacity = RepresentativeCapacity.WithConsent },
                localAnswers: _ =>
                [
                    new("coldharbour-complaint-standard", "Coldharbour Teaching Hospitals complaint standard", "offered-discussion",
                        "When the trust acknowledged your complaint, did it offer to discuss it with you?", IntakeAnswerType.YesNo, "no"),
                    new("coldharbour-complaint-standard", "Coldharbour Teaching Hospitals complaint standard", "agreed-timescale",
                        "Did you agree with the trust how long its response would take?", IntakeAnswerType.Text, null),
                ]);
            await ToInvestigationAsync(provisional, 88, 70);
            Share(provisional, 3, 7, """
                ## Our provisional view

                We are minded to **uphold** this complaint.

                - Mr Novak should have had his pain assessed within 15 minutes of arrival and been offered pain relief within an hour. He waited six hours.
                - He was not checked for pressure damage for nine hours. The trust's own policy says every two hours for patients who cannot move.

                We are minded to recommend that the trust apologises, pays £750 in recognition of the distress caused, and reviews pain and pressure care for older patients in its emergency department.
                """);

            // New, about a Scottish health board whose partner plugin asked for the dates of its two stages.
            await SubmitAsync(2, "NHS Glenmorven Health Board", Person("Morag Sinclair", Nation.Scotland, "morag.sinclair@example.com"),
                "My son's referral to the child and adolescent mental health service was lost. Nobody noticed for eight months, and he waited fourteen months to be seen.",
                "His anxiety got much worse and he missed most of a school year.",
                "An apology, an explanation of how the referral was lost, and changes so that referrals are tracked.",
                finishedMonthsAgo: 1,
                localAnswers: complained =>
                [
                    new("glenmorven-model-procedure", "NHS Glenmorven model complaints procedure", "stage-1-response",
                        "When did the board give its first (stage 1) response?", IntakeAnswerType.Date, complained.AddDays(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    new("glenmorven-model-procedure", "NHS Glenmorven model complaints procedure", "escalated-to-stage-2",
                        "When did you ask the board to investigate (stage 2)?", IntakeAnswerType.Date, complained.AddDays(16).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ]);

            // Provisional view whose comment window has closed: the final decision is unlocked.
            var windowClosed = await SubmitAsync(100, "Eastfield Mental Health NHS Foundation Trust", Person("Oliver Grant", Nation.England, "oliver.grant@example.com"),
                "My crisis plan said I should be seen within four hours if I called the crisis line. I called three times and nobody came for two days.",
                "I harmed myself in that time and needed treatment.",
                "For the trust to explain what went wrong and to make sure crisis plans are followed.",
                finishedMonthsAgo: 5);
            await ToInvestigationAsync(windowClosed, 98, 80);
            Share(windowClosed, 16, 10, "## Our provisional view\n\nWe are minded to **partly uphold** this complaint. The crisis team did not follow Mr Grant's crisis plan on the second call. We found the response to the first call was reasonable.");
            windowClosed.CommentAsComplainant("I agree with the provisional view, but the first call also went unanswered for an hour.", At(12));

            // A recent decision: the complainant can ask for a review (demo link).
            var decided = await SubmitAsync(120, "Kingsbridge Ambulance Service NHS Trust", Person("Samira Haddad", Nation.England, "samira.haddad@example.com"),
                "An ambulance took 3 hours to reach my grandmother after a fall, though the call handler was told she was on blood thinners and had hit her head.",
                "She lay on the floor in pain and was frightened. She spent a week in hospital.",
                "An explanation of why the call was not prioritised, and an apology.",
                finishedMonthsAgo: 4, token: DecidedToken);
            await ToInvestigationAsync(decided, 118, 95);
            Share(decided, 30, 10, "## Our provisional view\n\nWe are minded to **uphold** this complaint: the call should have been given a higher category.");
            decided.CommentAsComplainant("I have nothing to add. Thank you for looking into this.", At(27));
            decided.CommentAsBody("We accept the findings and will review the call handler's training.", new Actor(null, "Kingsbridge Ambulance Service NHS Trust"), At(25));
            decided.RecordDecision(ComplaintOutcome.Upheld, """
                ## Our decision

                We **uphold** this complaint.

                The call handler did not follow the triage protocol for a head injury in a patient taking anticoagulants. The call should have been a category 2 call, with a target response of 18 minutes.

                We recommend that the trust apologises to Mrs Haddad's family within one month and reviews how call handlers are trained on head injuries, sending us its action plan within three months.
                """, _tom, At(8));

            // Declined as premature, with signposting.
            var declined = await SubmitAsync(35, "Abbey Lane Medical Practice", Person("Peter Walsh", Nation.England, "peter.walsh@example.com"),
                "The practice keeps cancelling my blood test appointments at short notice.",
                "I have had to take time off work four times for nothing.",
                "Reliable appointments.",
                procedure: BodyProcedure.NotStarted);
            Assign(declined, 34);
            Message(declined, 33, "Thank you for your complaint. I am checking whether we can look at it.");
            declined.StartChecks(_tom, At(32));
            await DecideChecksAsync(declined, 31, [EligibilityCheck.NotPremature], met: false);
            declined.Decline([DeclineReason.Premature], Signpost.BodyComplaintsProcedure,
                "We cannot look at your complaint yet because the practice has not had the chance to respond to it. Please complain to the practice first. If you are unhappy with its final response, come back to us.", _tom, At(30));

            // Under review: the complainant disagreed with a decision.
            var review = await SubmitAsync(140, "Child Maintenance Service", Person("Grace Obi", Nation.England, "grace.obi@example.com"),
                "The Child Maintenance Service took 18 months to collect arrears my former partner owed, despite my giving them his new employer's details.",
                "I fell into debt and had to use a food bank.",
                "The arrears collected and compensation for the delay.",
                finishedMonthsAgo: 3, mp: ("Daniel Hart", "Millbrook and Vale"));
            await ToInvestigationAsync(review, 138, 110);
            Share(review, 30, 10, "## Our provisional view\n\nWe are minded **not to uphold** this complaint: the service acted within its published timescales.");
            review.CommentAsComplainant("The service had my former partner's employer's details for a year. That is not within any timescale.", At(26));
            review.CommentAsBody("We have nothing to add.", new Actor(null, "Child Maintenance Service"), At(24));
            review.RecordDecision(ComplaintOutcome.NotUpheld, "## Our decision\n\nWe **do not uphold** this complaint. The service acted within its published timescales.", _tom, At(15));
            review.RequestReview(ReviewGrounds.OverlookedOrMisunderstood | ReviewGrounds.NewInformation,
                "The decision overlooks that I gave the employer's details in March last year. I now have the letter that proves it.", _options.ReviewWindowMonths, At(5), _rules);

            // Withdrawn by the complainant.
            var withdrawn = await SubmitAsync(20, "Northmoor Hospitals NHS Foundation Trust", Person("Hannah Price", Nation.England, "hannah.price@example.com"),
                "My outpatient appointment was cancelled three times.",
                "My treatment was delayed by four months.",
                "A firm appointment date.",
                finishedMonthsAgo: 1);
            Assign(withdrawn, 19);
            withdrawn.Withdraw("The trust has now given me an appointment, so I do not need to go on.", Actor.Complainant, At(15));
        }

        /// <summary>Decided and closed cases over the last nine months, for the timeliness figures.</summary>
        public async Task SeedHistoryAsync()
        {
            string[] bodies =
            [
                "Northmoor Hospitals NHS Foundation Trust", "HM Revenue and Customs", "Eastfield Mental Health NHS Foundation Trust", "Home Office", "The Old Mill Health Centre",
                "Department for Education", "Riverside Community Health NHS Trust", "HM Courts and Tribunals Service", "Coldharbour Teaching Hospitals NHS Trust",
                "HM Land Registry", "NHS England", "UK Visas and Immigration",
            ];
            ComplaintOutcome[] outcomes = [ComplaintOutcome.Upheld, ComplaintOutcome.NotUpheld, ComplaintOutcome.PartlyUpheld, ComplaintOutcome.ResolvedWithoutInvestigation];
            string[] names = ["Amelia Ross", "Bilal Hussain", "Chloe Martin", "David Nwosu", "Ella Thompson", "Farhan Ali", "Georgia Price", "Harry Evans", "Isla Campbell", "Jacob Lewis", "Kiran Patel", "Laura Jenkins"];
            for (var i = 0; i < bodies.Length; i++)
            {
                var receivedAgo = 190 - (i * 9);
                var body = _bodies[bodies[i]];
                var complaint = await SubmitAsync(receivedAgo, body.Name, Person(names[i], Nation.England, null),
                    $"The {body.Name} did not answer my letters about a decision it made, and the decision was wrong.",
                    "I lost money and spent months trying to get an answer.",
                    "The decision put right and an apology.",
                    finishedMonthsAgo: 2, mp: body.Sector == SharedKernel.Domain.Sector.Parliamentary ? ("Morgan Blake", "Northmoor South") : null);
                await ToAssessmentAsync(complaint, receivedAgo - 2);
                var outcome = outcomes[i % outcomes.Length];
                var decidedAgo = receivedAgo - 35 - (i % 3 * 15);
                if (outcome == ComplaintOutcome.ResolvedWithoutInvestigation)
                {
                    complaint.ChooseRoute(CaseStage.EarlyResolution, null, _tom, At(receivedAgo - 15));
                    complaint.ResolveWithoutInvestigation($"The {body.Name} agreed to look at its decision again and apologised.", _tom, At(decidedAgo));
                }
                else
                {
                    complaint.ChooseRoute(CaseStage.Investigation, null, _tom, At(receivedAgo - 15));
                    UpdateWhileInvestigating(complaint, receivedAgo - 16, decidedAgo + 12);
                    Share(complaint, decidedAgo + 12, 10, $"## Our provisional view\n\nWe are minded to find the complaint **{outcome.Describe().ToLowerInvariant()}**.");
                    complaint.CommentAsComplainant("Thank you. I have no further comments.", At(decidedAgo + 8));
                    complaint.CommentAsBody("We accept the provisional view.", new Actor(null, body.Name), At(decidedAgo + 6));
                    complaint.RecordDecision(outcome, $"## Our decision\n\nWe find this complaint **{outcome.Describe().ToLowerInvariant()}**.", _tom, At(decidedAgo));
                }

                complaint.Close(_tom, At(decidedAgo - 25));
            }
        }

        /// <summary>Gives the cases references in the order they were received, as live numbering would have, and
        /// brings every clock up to today.</summary>
        public void NumberInOrderReceived()
        {
            var cases = _db.ChangeTracker.Entries<Complaint>().Select(e => e.Entity).OrderBy(c => c.ReceivedAt).ToList();
            foreach (var year in cases.GroupBy(c => c.ReceivedOn.Year))
            {
                var number = 0;
                foreach (var complaint in year)
                {
                    _db.Entry(complaint).Property(c => c.Reference).CurrentValue = $"{_options.ReferencePrefix}-{year.Key}-{++number:00000}";
                    complaint.RefreshClocks(_rules, _now);
                }

                _db.ReferenceCounters.Add(new ReferenceCounter { Year = year.Key, Last = number });
            }
        }

        private async Task<Complaint> SubmitAsync(
            int workingDaysAgo, string bodyName, PersonComplaining person, string whatHappened, string impact, string outcome,
            int finishedMonthsAgo = 0, BodyProcedure procedure = BodyProcedure.Finished, (string Name, string Constituency)? mp = null,
            Representative? representative = null, Adjustments? adjustments = null, string? token = null,
            Func<DateOnly, IReadOnlyList<NewLocalAnswer>>? localAnswers = null)
        {
            var received = At(workingDaysAgo, 9);
            var body = _bodies[bodyName];
            var finalResponse = received.Today.AddMonths(-finishedMonthsAgo);
            DateOnly? complained = procedure == BodyProcedure.NotStarted ? null : finalResponse.AddMonths(-2);

            // Organisations acknowledge in one to six days: enough spread for a local standard's record to show both.
            var details = new NewComplaint(
                person, representative, adjustments ?? new Adjustments { PreferredChannel = person.Email is null && representative?.Email is null ? ContactChannel.Letter : ContactChannel.Email },
                body.Id, body.Name, body.Sector, whatHappened, finalResponse.AddMonths(-4), impact, outcome, procedure,
                complained, procedure == BodyProcedure.Finished ? finalResponse : null,
                mp is { } referral ? new MpReferral { MpName = referral.Name, Constituency = referral.Constituency, ReferredOn = received.Today.AddDays(-7) } : null,
                LegalRemedy.No, complained?.AddDays(1 + (_submitted % 6)), complained is { } on && localAnswers is not null ? localAnswers(on) : null);
            var complaint = Complaint.Submit(details, $"DEMO-{++_submitted}", received, _rules);
            complaint.IssueLink(AccessTokens.Hash(token ?? AccessTokens.Create().Token), received.Now.AddMonths(_options.LinkValidityMonths), Actor.Complainant, received);
            _db.Complaints.Add(complaint);
            return complaint;
        }

        private void Assign(Complaint complaint, int workingDaysAgo) => complaint.AssignTo(_tom.Id, _tom.Name, new Actor(null, "Sam Hughes"), At(workingDaysAgo));

        /// <summary>A message on a past day; the clock job would have run that morning, so the clocks are brought up to that day first.</summary>
        private void Message(Complaint complaint, int workingDaysAgo, string text)
        {
            var at = At(workingDaysAgo);
            complaint.RefreshClocks(_rules, at);
            complaint.SendMessage(text, _tom, at, _rules);
        }

        private async Task DecideChecksAsync(Complaint complaint, int workingDaysAgo, IEnumerable<EligibilityCheck> checks, bool met = true)
        {
            var engine = await _eligibility.RunAsync(complaint, cancellationToken);
            foreach (var check in checks)
            {
                var result = engine.Single(r => r.Check == check);
                var agrees = result.Outcome == (met ? CheckOutcome.Met : CheckOutcome.NotMet);
                complaint.DecideCheck(check, met, agrees ? null : "Checked against the papers on file.", result, _tom, At(workingDaysAgo));
            }
        }

        private async Task ToAssessmentAsync(Complaint complaint, int workingDaysAgo)
        {
            Assign(complaint, workingDaysAgo);
            Message(complaint, workingDaysAgo - 1, "Thank you for your complaint. I am the caseworker looking at it and will keep you updated.");
            complaint.StartChecks(_tom, At(workingDaysAgo - 1));
            await DecideChecksAsync(complaint, workingDaysAgo - 2, Enum.GetValues<EligibilityCheck>());
            complaint.CompleteChecks(_tom, At(workingDaysAgo - 2));
        }

        private async Task ToInvestigationAsync(Complaint complaint, int receivedAgo, int investigationAgo)
        {
            await ToAssessmentAsync(complaint, receivedAgo - 1);
            complaint.ChooseRoute(CaseStage.Investigation, "A full investigation is needed to establish what happened.", _tom, At(investigationAgo));
            UpdateWhileInvestigating(complaint, investigationAgo - 1, 20);
        }

        /// <summary>The updates a caseworker sends during an investigation, within the update clock.</summary>
        private void UpdateWhileInvestigating(Complaint complaint, int fromAgo, int untilAgo)
        {
            Message(complaint, fromAgo, "We are investigating your complaint and have asked the organisation for its records.");
            for (var update = fromAgo - 18; update > untilAgo; update -= 18)
            {
                Message(complaint, update, "An update on your complaint: we are still looking at the evidence and will write again within 20 working days.");
            }
        }

        private void Share(Complaint complaint, int workingDaysAgo, int windowWorkingDays, string markdown)
        {
            var at = At(workingDaysAgo);
            var due = _calendar.AddWorkingDays(at.Today, windowWorkingDays, complaint.Person.Nation);
            complaint.RefreshClocks(_rules, at);
            complaint.ShareProvisionalView(markdown.Replace("\r", "", StringComparison.Ordinal), due, _tom, at, _rules);
        }

        private async Task AttachAsync(Complaint complaint, int workingDaysAgo, string fileName)
        {
            var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
            await using var content = new MemoryStream(pdf);
            var document = await _evidence.SaveForCaseAsync(complaint.Id, fileName, content, _tom.Name, fromComplainant: false, cancellationToken);
            complaint.AddDocument(document, _tom, At(workingDaysAgo));
        }

        /// <summary>A moment some working days ago (England's calendar), at a time in the working day.</summary>
        private CaseTime At(int workingDaysAgo, int hour = 11)
        {
            var day = _calendar.AddWorkingDays(_now.Today, -Math.Max(1, workingDaysAgo), Nation.England);
            var utc = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified), UkTime);
            return new CaseTime(new DateTimeOffset(utc, TimeSpan.Zero), day);
        }

        private static PersonComplaining Person(string name, Nation nation, string? email, string? address = null) =>
            new() { Name = name, Nation = nation, Email = email, Address = address };
    }
}
