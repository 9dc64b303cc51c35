using System.Text;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Complaints.Features.CharterClocks;
using Phso.Modules.Complaints.Features.SubmitComplaint;
using Phso.Modules.Complaints.Features.Timeliness;
using Phso.Modules.Complaints.Features.WorkCases;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Complaints.Contracts;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Time;
using Phso.SharedKernel.Web;

namespace Phso.Modular.Tests.Complaints;

/// <summary>The timeliness figures, on a host with no demo data and a clock set to June 2025 (no bank holidays in
/// England that month), so each figure can be worked out by hand.</summary>
public sealed class TimelinessTests : IClassFixture<TimelinessTests.EmptyHost>
{
    private readonly EmptyHost _host;

    public TimelinessTests(EmptyHost host) => _host = host;

    public sealed class EmptyHost : PhsoFactory
    {
        public EmptyHost() => Settings["Demo:Seed"] = "false";
    }

    [Fact]
    public async Task Decisions_by_month_median_working_days_clocks_kept_and_open_cases_add_up_and_filter_by_sector()
    {
        // Monday 2 June 2025, 10:00 in London.
        _host.Clock.SetTo(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));
        var trust = await SendAsync(new RegisterOrganisation("Wexcombe Hospitals NHS Trust", OrganisationType.NhsTrust, Sector.Health, Nation.England, true, false, null));
        var department = await SendAsync(new RegisterOrganisation("Department for Harbours", OrganisationType.GovernmentDepartment, Sector.Parliamentary, Nation.England, true, false, null));

        var resolvedQuickly = await SubmitAsync(trust, "Ada Quick");
        var declined = await SubmitAsync(trust, "Bea Declined");
        var resolvedLate = await SubmitAsync(trust, "Cal Late");
        var parliamentary = await SubmitAsync(department, "Dev Parliament", mp: true);
        var stillOpen = await SubmitAsync(trust, "Eve Open");
        await MessageAsync(resolvedQuickly);
        await MessageAsync(parliamentary);
        await SendAsync(new StartChecks(stillOpen, null));

        // Monday 9 June: 5 working days after receipt, the last day to acknowledge.
        _host.Clock.Advance(TimeSpan.FromDays(7));
        await ResolveAsync(resolvedQuickly);

        // Monday 16 June: 10 working days; Cal is acknowledged late.
        _host.Clock.Advance(TimeSpan.FromDays(7));
        await MessageAsync(resolvedLate);
        await SendAsync(new StartChecks(declined, null));
        await SendAsync(new DeclineComplaint(declined, null, [DeclineReason.Premature], Signpost.BodyComplaintsProcedure, "Complain to the trust first."));

        // Monday 23 June: 15 working days.
        _host.Clock.Advance(TimeSpan.FromDays(7));
        await ResolveAsync(resolvedLate);
        await ResolveAsync(parliamentary);
        await _host.Services.GetRequiredService<CharterClockWatch>().RefreshAsync(CancellationToken.None);

        var all = await SendAsync(new GetTimeliness(null, 3));
        Assert.Equal(new DateOnly(2025, 6, 23), all.Today);
        Assert.Equal(["Apr 2025", "May 2025", "Jun 2025"], all.Decisions.Select(m => m.Label));
        var june = all.Decisions[^1];
        Assert.Equal(3, june.ByOutcome[ComplaintOutcome.ResolvedWithoutInvestigation]);
        Assert.Equal(1, june.Declined);
        Assert.Equal(4, june.Total);
        Assert.Equal(13, june.MedianWorkingDays); // 5, 10, 15, 15: halfway between 10 and 15, rounded up
        Assert.Null(all.Decisions[0].MedianWorkingDays);
        Assert.Equal(1, all.OpenTotal);
        Assert.Equal(1, all.OpenByStage.Single(s => s.Stage == CaseStage.Checks).Count);
        Assert.Equal(1, all.OpenOverdue);
        Assert.Equal(1, all.OpenByAge.Single(a => a.Label == "Under 1 month").Count);
        var acknowledgements = all.Clocks.Single(c => c.Kind == ClockKind.Acknowledgement);
        Assert.Equal((2, 1, 67), (acknowledgements.Met, acknowledgements.MetLate, acknowledgements.PercentOnTime!.Value));

        var health = await SendAsync(new GetTimeliness(Sector.Health, 3));
        Assert.Equal(3, health.Decisions[^1].Total);
        Assert.Equal(10, health.Decisions[^1].MedianWorkingDays); // 5, 10, 15
        var healthAcknowledgements = health.Clocks.Single(c => c.Kind == ClockKind.Acknowledgement);
        Assert.Equal((1, 1, 50), (healthAcknowledgements.Met, healthAcknowledgements.MetLate, healthAcknowledgements.PercentOnTime!.Value));
        Assert.Null(health.Clocks.Single(c => c.Kind == ClockKind.Update).PercentOnTime);

        var csv = Encoding.UTF8.GetString(TimelinessCsv.Write(all)).TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Section,Period,Measure,Value", csv[0]);
        Assert.Contains("Decisions,2025-06,Declined,1", csv);
        Assert.Contains("Decisions,2025-06,Total,4", csv);
        Assert.Contains("Decisions,2025-06,Median working days from receipt,13", csv);
        Assert.Contains("Decisions,2025-04,Median working days from receipt,", csv);
    }

    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = _host.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private Task<Unit> MessageAsync(string reference) => SendAsync(new SendMessage(reference, null, "Thank you for your complaint; I am looking at it."));

    private async Task ResolveAsync(string reference)
    {
        await SendAsync(new StartChecks(reference, null));
        foreach (var check in Enum.GetValues<EligibilityCheck>())
        {
            await SendAsync(new DecideCheck(reference, null, check, true, "Checked by hand."));
        }

        await SendAsync(new CompleteChecks(reference, null));
        await SendAsync(new ChooseRoute(reference, null, CaseStage.EarlyResolution, "A quick fix is likely."));
        await SendAsync(new ResolveCase(reference, null, "The body agreed to apologise."));
    }

    private async Task<string> SubmitAsync(Guid organisationId, string name, bool mp = false)
    {
        var answers = new ComplaintAnswers
        {
            Who = "myself", PersonName = name, PersonNation = Nation.England, PreferredChannel = ContactChannel.Email, Email = "someone@example.com",
            OrganisationId = organisationId, WhatHappened = "Something went wrong with the service I received.", AwareOn = Parts(2025, 3, 3),
            Impact = "It caused me distress.", OutcomeWanted = "An apology.", BodyProcedure = BodyProcedure.Finished,
            ComplainedOn = Parts(2025, 3, 10), FinalResponseOn = Parts(2025, 5, 1), LegalRemedy = LegalRemedy.No, NeedsAdjustments = false,
        };
        if (mp)
        {
            answers.MpReferred = true;
            answers.MpName = "Nia Holt";
            answers.MpConstituency = "Wexcombe";
            answers.MpReferredOn = Parts(2025, 5, 20);
        }

        return (await SendAsync(new SubmitComplaint(answers))).Reference;
    }

    private static DateParts Parts(int year, int month, int day) => DateParts.From(new DateOnly(year, month, day));
}
