using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Features.Lifecycle;
using Phso.Plugins.Abstractions;

namespace Phso.Modular.Tests.Plugins;

/// <summary>A running plugin's standard is measured against a complaint's dates on the right calendar; a plugin that
/// keeps failing (or hanging) when called is switched off as Malfunctioned, and the caller just gets no findings.</summary>
public sealed class LocalStandardTests(PluginHostFactory host) : IClassFixture<PluginHostFactory>
{
    private const string Coldharbour = "Coldharbour Teaching Hospitals NHS Trust";

    private async Task InstallAsync(string entryType, string id)
    {
        await using var scope = host.SystemScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new InstallPlugin(TestPlugins.Package("Phso.TestPlugins.Faulty." + entryType, host.Key, id: id)));
    }

    private async Task<LocalStandardReport?> MeasureAsync(string pluginId, DateOnly complained, DateOnly? acknowledged)
    {
        var dates = new Dictionary<string, DateOnly> { [Milestones.Complained] = complained };
        if (acknowledged is { } a)
        {
            dates[Milestones.Acknowledged] = a;
        }

        await using var scope = host.SystemScope();
        var reports = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetLocalStandards(Coldharbour.ToUpperInvariant(), dates, new Dictionary<string, string>()));
        return reports.SingleOrDefault(r => r.PluginId == pluginId);
    }

    private async Task<PluginDetails> DetailsAsync(string id)
    {
        await using var scope = host.SystemScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetPlugin(id)))!;
    }

    [Fact]
    public async Task Deadlines_are_counted_in_working_days_across_christmas_on_the_standards_calendar()
    {
        await InstallAsync("Working", "measured");

        // Complained Wednesday 23 December 2026: Christmas Day and the Boxing Day substitute (Monday 28th) do not count,
        // so 3 working days run to Wednesday 30 December.
        var met = (await MeasureAsync("measured", new DateOnly(2026, 12, 23), new DateOnly(2026, 12, 29)))!;
        var stage = Assert.Single(met.Stages);
        Assert.Equal(StageOutcome.Met, stage.Outcome);
        Assert.Equal(new DateOnly(2026, 12, 30), stage.DueBy);
        Assert.Equal("Checked by the test plugin.", Assert.Single(met.Findings).Text);
        Assert.Equal("England and Wales", met.Calendar);

        var late = Assert.Single((await MeasureAsync("measured", new DateOnly(2026, 12, 23), new DateOnly(2027, 1, 4)))!.Stages);
        Assert.Equal(StageOutcome.Missed, late.Outcome);
        Assert.Equal("Done on 4 January 2027, 2 working days after it was due on 30 December 2026.", late.Explanation);

        var unknown = Assert.Single((await MeasureAsync("measured", new DateOnly(2020, 1, 6), null))!.Stages);
        Assert.Equal(StageOutcome.Unknown, unknown.Outcome);
        Assert.StartsWith("Due by 9 January 2020; we were not told whether or when it was done", unknown.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caseworker_sees_the_organisations_own_standard_on_a_case_about_it_and_not_on_others()
    {
        await InstallAsync("Working", "on-the-case-page");
        var coldharbourCase = await host.DemoCaseAsync(Phso.Modules.Complaints.Domain.CaseStage.ProvisionalView, "Coldharbour");
        var caseworker = host.CreateBrowser();
        await caseworker.SignInAsync(Demo.Caseworker);

        var page = await caseworker.GetPageAsync($"/cases/{coldharbourCase}");

        Assert.Contains("own standard: Test standard", page, StringComparison.Ordinal);
        Assert.Contains("Acknowledge", page, StringComparison.Ordinal);
        Assert.Contains("working days on the England and Wales calendar", page, StringComparison.Ordinal);
        await using var scope = host.SystemScope();
        var queue = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Phso.Modules.Complaints.Features.ReadCases.ListCases(IncludeEnded: true, PageSize: 200));
        var otherCase = queue.Items.First(c => !c.BodyName.StartsWith("Coldharbour", StringComparison.Ordinal)).Reference;
        Assert.DoesNotContain("own standard:", await caseworker.GetPageAsync($"/cases/{otherCase}"), StringComparison.Ordinal);

        // The organisation's record across its cases: every case is counted once per stage.
        var organisationLink = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/cases/local-standards/[^\"]+)\"").Groups[1].Value;
        var record = await caseworker.GetPageAsync(organisationLink);
        Assert.Contains("Test standard", record, StringComparison.Ordinal);
        var organisationId = Guid.Parse(organisationLink.Split('/')[^1]);
        var measured = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Phso.Modules.Complaints.Features.LocalStandards.GetLocalStandardRecord(organisationId)))!;
        Assert.True(measured.Complaints > 0);
        var stage = Assert.Single(measured.Standards.Single(s => s.PluginId == "on-the-case-page").Stages);
        Assert.Equal(measured.Complaints, stage.Met + stage.MetWithExtension + stage.Missed + stage.NotYetDue + stage.Unknown);
        Assert.Contains($"Across the {measured.Complaints} complaints", record, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await caseworker.GetAsync($"/cases/local-standards/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData("ThrowsAtCall", "Assessing the complaint failed: InvalidOperationException: The test plugin failed during a call.")]
    [InlineData("HangsAtCall", "Assessing the complaint did not finish within 2 seconds")]
    public async Task A_plugin_that_keeps_failing_when_called_is_switched_off_as_malfunctioned(string entryType, string failure)
    {
        var id = "calls-" + entryType.ToLowerInvariant();
        await InstallAsync(entryType, id);

        for (var call = 1; call <= 3; call++)
        {
            var report = (await MeasureAsync(id, new DateOnly(2026, 12, 23), new DateOnly(2026, 12, 29)))!;
            Assert.Equal("The plugin's own checks could not be run just now.", report.FindingsUnavailable);
            Assert.Equal(StageOutcome.Met, Assert.Single(report.Stages).Outcome);
        }

        var details = await DetailsAsync(id);
        Assert.False(details.Running);
        Assert.Equal(PluginStatus.Malfunctioned, details.Plugin.Status);
        Assert.Equal($"Switched off after 3 failed calls in a row; the last: {failure}", details.Plugin.StatusReason);
        Assert.Null(await MeasureAsync(id, new DateOnly(2026, 12, 23), null));
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.GetAsync("/cases")).StatusCode);
    }

    [Fact]
    public async Task The_same_case_seen_again_within_a_minute_does_not_run_the_plugins_check_again()
    {
        await InstallAsync("CountsCalls", "counted");

        var first = Assert.Single((await MeasureAsync("counted", new DateOnly(2026, 12, 23), new DateOnly(2026, 12, 29)))!.Findings).Text;
        var again = Assert.Single((await MeasureAsync("counted", new DateOnly(2026, 12, 23), new DateOnly(2026, 12, 29)))!.Findings).Text;
        var otherDates = Assert.Single((await MeasureAsync("counted", new DateOnly(2026, 12, 23), new DateOnly(2026, 12, 30)))!.Findings).Text;

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherDates);
    }
}
