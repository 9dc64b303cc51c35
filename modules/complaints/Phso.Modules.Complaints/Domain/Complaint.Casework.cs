using System.Globalization;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Complaints.Domain;

/// <summary>Working a case at any stage: assignment, priority, notes, messages, documents, the body's link to the register, corrected facts, the complainant's private links.</summary>
public sealed partial class Complaint
{
    public void AssignTo(Guid? personId, string? name, Actor actor, CaseTime time)
    {
        AssignedToId = personId;
        AssignedToName = personId is null ? null : name;
        Record(CaseEventKind.Assigned, actor, time, personId is null ? "Unassigned" : $"Assigned to {name}", null, Visibility.Internal);
    }

    public void SetPriority(Priority priority, PriorityReasons reasons, string? note, Actor actor, CaseTime time)
    {
        if (priority == Priority.High && reasons == PriorityReasons.None)
        {
            throw new RuleViolationException("Select why this case has high priority");
        }

        Priority = priority;
        PriorityReasons = priority == Priority.High ? reasons : PriorityReasons.None;
        PriorityNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Record(CaseEventKind.PriorityChanged, actor, time,
            priority == Priority.High ? $"High priority: {string.Join(", ", reasons.Each().Select(r => r.Describe().ToLowerInvariant()))}" : "Normal priority", PriorityNote, Visibility.Internal);
    }

    public void AddNote(string text, Actor actor, CaseTime time)
    {
        RequireText(text, "Enter the note");
        Record(CaseEventKind.Note, actor, time, "Note", text.Trim(), Visibility.Internal);
    }

    /// <summary>A message to the person. It meets the running acknowledgement and update clocks, and starts the next update clock.</summary>
    public void SendMessage(string text, Actor actor, CaseTime time, CharterClockRules clocks)
    {
        ArgumentNullException.ThrowIfNull(time);
        RequireText(text, "Enter the message");
        var acknowledging = _clocks.Any(c => c.Kind == ClockKind.Acknowledgement && c.IsRunning);
        Record(acknowledging ? CaseEventKind.Acknowledged : CaseEventKind.MessageToComplainant, actor, time,
            acknowledging ? "Complaint acknowledged" : "Message sent to the complainant", text.Trim(), Visibility.Complainant);
        Contacted(time, clocks);
    }

    public void ReceiveMessage(string text, CaseTime time)
    {
        RequireText(text, "Enter your message");
        Record(CaseEventKind.MessageFromComplainant, Actor.Complainant, time, "Message from the complainant", text.Trim(), Visibility.Complainant);
    }

    public void AddDocument(CaseDocument document, Actor actor, CaseTime time)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.ComplaintId = Id;
        _documents.Add(document);
        Record(CaseEventKind.DocumentAdded, actor, time, $"Document added: {document.FileName}", null,
            document.FromComplainant ? Visibility.Complainant : Visibility.Internal, document.Id);
    }

    public void LinkBody(Guid organisationId, string name, Sector sector, Actor actor, CaseTime time)
    {
        var before = BodyName;
        OrganisationId = organisationId;
        BodyName = name;
        Sector = sector;
        Record(CaseEventKind.BodyLinked, actor, time, $"Body linked to the register: {name}", before == name ? null : $"Given as \"{before}\"", Visibility.Internal);
    }

    /// <summary>Corrects the facts the checks depend on; the engine's view changes with them.</summary>
    public void ChangeFacts(CaseFacts facts, Actor actor, CaseTime time)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!IsOpen)
        {
            throw new RuleViolationException("The facts of a case can be corrected only while it is open.");
        }

        var changes = new List<string>();
        void Note(string what, object? from, object? to)
        {
            if (!Equals(from, to))
            {
                changes.Add($"{what}: {Show(from)} to {Show(to)}");
            }
        }

        Note("became aware", AwareOn, facts.AwareOn);
        Note("body's procedure", BodyProcedure, facts.BodyProcedure);
        Note("complained to the body", ComplainedToBodyOn, facts.ComplainedToBodyOn);
        Note("body's acknowledgement", BodyAcknowledgedOn, facts.BodyAcknowledgedOn);
        Note("body's final response", BodyFinalResponseOn, facts.BodyFinalResponseOn);
        Note("MP referral", Mp is null ? null : $"{Mp.MpName} ({Mp.Constituency}) on {Day(Mp.ReferredOn)}", facts.Mp is null ? null : $"{facts.Mp.MpName} ({facts.Mp.Constituency}) on {Day(facts.Mp.ReferredOn)}");
        Note("legal remedy", LegalRemedy, facts.LegalRemedy);
        var answers = _localAnswers.Where(a => facts.LocalAnswers?.ContainsKey(a.Position) == true && a.Answer != facts.LocalAnswers[a.Position]).ToList();
        foreach (var answer in answers)
        {
            changes.Add($"answer to \u201c{answer.Question}\u201d: {answer.Describe(answer.Answer)} to {answer.Describe(facts.LocalAnswers![answer.Position])}");
        }

        if (changes.Count == 0)
        {
            return;
        }

        foreach (var answer in answers)
        {
            answer.Answer = facts.LocalAnswers![answer.Position];
        }

        AwareOn = facts.AwareOn;
        BodyProcedure = facts.BodyProcedure;
        ComplainedToBodyOn = facts.ComplainedToBodyOn;
        BodyAcknowledgedOn = facts.BodyAcknowledgedOn;
        BodyFinalResponseOn = facts.BodyFinalResponseOn;
        Mp = facts.Mp;
        LegalRemedy = facts.LegalRemedy;
        Record(CaseEventKind.FactsChanged, actor, time, "Facts corrected", string.Join("; ", changes), Visibility.Internal);
    }

    public EligibilityFacts EligibilityFacts(bool bodyInRemit) => new(
        ReceivedOn, AwareOn, BodyName, OrganisationId is not null, bodyInRemit, Sector, Impact, Representative, BodyProcedure,
        ComplainedToBodyOn, BodyFinalResponseOn, Mp, LegalRemedy);

    /// <summary>Adds a private link for the complainant (only the token's hash is kept) and revokes any earlier one.</summary>
    public void IssueLink(string tokenHash, DateTimeOffset expiresAt, Actor actor, CaseTime time)
    {
        ArgumentNullException.ThrowIfNull(time);
        foreach (var link in _links.Where(l => l.RevokedAt is null))
        {
            link.RevokedAt = time.Now;
        }

        _links.Add(new ComplainantAccess { Id = Guid.CreateVersion7(time.Now), ComplaintId = Id, TokenHash = tokenHash, IssuedAt = time.Now, ExpiresAt = expiresAt });
        if (_links.Count > 1)
        {
            Record(CaseEventKind.LinkIssued, actor, time, "A new private link was sent to the complainant; the earlier one no longer works", null, Visibility.Internal);
        }
    }

    public void RevokeLinks(string reason, Actor actor, CaseTime time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var active = _links.Where(l => l.RevokedAt is null).ToList();
        if (active.Count == 0)
        {
            throw new RuleViolationException("The complainant has no working link to revoke.");
        }

        active.ForEach(l => l.RevokedAt = time.Now);
        Record(CaseEventKind.LinkIssued, actor, time, "The complainant's private link was revoked", reason.Trim(), Visibility.Internal);
    }
}
