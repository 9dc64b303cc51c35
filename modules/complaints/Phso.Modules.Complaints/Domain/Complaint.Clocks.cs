using System.Globalization;
using Phso.Modules.Complaints.Contracts;
using Phso.Modules.Plugins.Contracts;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Persistence;

namespace Phso.Modules.Complaints.Domain;

/// <summary>The charter clocks: started by the steps that promise the person something, met when we are in touch, and kept up to date by the nightly check.</summary>
public sealed partial class Complaint
{
    /// <summary>Brings each running clock's state up to date; returns the clocks whose state changed, for notifications.</summary>
    public IReadOnlyList<CharterClock> RefreshClocks(CharterClockRules rules, CaseTime time)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(time);
        var changed = new List<CharterClock>();
        foreach (var clock in _clocks.Where(c => c.IsRunning))
        {
            var state = rules.StateOn(clock, time.Today, Person.Nation);
            if (state != clock.State)
            {
                clock.State = state;
                changed.Add(clock);
                if (state is ClockState.DueSoon or ClockState.Overdue)
                {
                    Record(state == ClockState.Overdue ? CaseEventKind.ClockOverdue : CaseEventKind.ClockDue, new Actor(null, "Charter clock"), time,
                        $"{clock.Kind.Describe()} {(state == ClockState.Overdue ? "overdue since" : "due on")} {Day(clock.DueOn)}", null, Visibility.Internal);
                }
            }
        }

        RefreshClockStatus();
        return changed;
    }

    /// <summary>The person heard from us: the running clocks are met (or met late) and the next update clock starts.</summary>
    private void Contacted(CaseTime time, CharterClockRules clocks)
    {
        foreach (var clock in _clocks.Where(c => c.IsRunning))
        {
            clock.CompletedOn = time.Today;
            clock.State = time.Today <= clock.DueOn ? ClockState.Met : ClockState.MetLate;
        }

        if (IsOpen)
        {
            StartClock(ClockKind.Update, time.Today, clocks);
        }

        RefreshClockStatus();
    }

    private void StartClock(ClockKind kind, DateOnly from, CharterClockRules rules)
    {
        foreach (var running in _clocks.Where(c => c.Kind == kind && c.IsRunning))
        {
            running.State = ClockState.Stopped;
            running.CompletedOn = from;
        }

        _clocks.Add(new CharterClock
        {
            Id = Guid.CreateVersion7(), ComplaintId = Id, Kind = kind, StartedOn = from, DueOn = rules.DueOn(kind, from, Person.Nation), State = ClockState.Running,
        });
        RefreshClockStatus();
    }

    private void RefreshClockStatus()
    {
        var running = _clocks.Where(c => c.IsRunning).ToList();
        ClockStatus = running.Count == 0 ? ClockStatus.None
            : running.Any(c => c.State == ClockState.Overdue) ? ClockStatus.Overdue
            : running.Any(c => c.State == ClockState.DueSoon) ? ClockStatus.DueSoon
            : ClockStatus.OnTrack;
        NextClockDueOn = running.Count == 0 ? null : running.Min(c => c.DueOn);
    }
}
