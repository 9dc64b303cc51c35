using System.Net;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Complaints;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Accounts.Features.FindPeople;
using Phso.Modules.Accounts.Features.ManagePeople;
using Phso.Modules.Training.Domain;
using Phso.Modules.Training.Features.Assignments;
using Phso.Modules.Training.Features.Authoring;
using Phso.Modules.Training.Features.CoursePackages;
using Phso.Modules.Training.Features.Reminders;
using Phso.SharedKernel.Security;

namespace Phso.Modular.Tests.Training;

/// <summary>Assignments, reminders and recurring cycles, driven as the job would drive them on a host whose clock the
/// test moves.</summary>
public sealed class TrainingClockTests(PhsoFactory host) : IClassFixture<PhsoFactory>
{
    private Task<int> RunJobAsync() => host.Services.GetRequiredService<TrainingReminders>().RunAsync(CancellationToken.None);

    private DateOnly Today => TrainingTime.Today(host.Clock);

    private async Task<T> AsSystemAsync<T>(IRequest<T> request)
    {
        await using var scope = host.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private async Task<Guid> CourseAsync(string key) => (await AsSystemAsync(new ListCourses())).Single(c => c.Key == key).Id;

    /// <summary>The reminders recorded for a person's records: kind and recipient.</summary>
    private async Task<List<(string Kind, Guid Recipient)>> RemindersAsync(Guid personId)
    {
        await using var scope = host.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<Phso.Modules.Training.Persistence.TrainingDbContext>();
        var records = db.Enrolments.Where(e => e.PersonId == personId).Select(e => e.Id);
        return [.. db.Reminders.Where(r => records.Contains(r.EnrolmentId)).OrderBy(r => r.SentAt).AsEnumerable().Select(r => (r.Kind, r.RecipientId))];
    }

    private async Task<int> NotificationsAsync(string email, string title)
    {
        var browser = host.CreateBrowser();
        await browser.SignInAsync(email);
        return Regex.Count(await browser.GetPageAsync("/notifications"), Regex.Escape($"Open<span class=\"govuk-visually-hidden\">: {title}</span>"));
    }

    [Fact]
    public async Task Reminders_go_once_at_30_7_and_1_days_and_once_overdue_to_the_learner_and_line_manager_and_stop_after_unassignment()
    {
        var edi = await CourseAsync("edi-essentials");
        var newcomer = await AsSystemAsync(new CreatePerson("Nadia Petrova", "nadia.petrova@ombudsman.example", PersonKind.Staff, [Roles.Staff], null, null,
            await host.PersonAsync(Demo.Manager), null));
        var due = Today.AddDays(40);
        Assert.Equal(1, await AsSystemAsync(new AssignCourse(edi, AssignmentTarget.Person, newcomer, null, due)));

        var manager = await host.PersonAsync(Demo.Manager);
        await RunJobAsync();
        Assert.Empty(await RemindersAsync(newcomer)); // 40 days away: nothing yet
        foreach (var daysBefore in new[] { 30, 7, 1 })
        {
            host.Clock.Advance(TimeSpan.FromDays(due.DayNumber - Today.DayNumber - daysBefore));
            await RunJobAsync();
            await RunJobAsync(); // running again sends nothing twice
        }

        host.Clock.Advance(TimeSpan.FromDays(2));
        await RunJobAsync();
        await RunJobAsync();
        Assert.Equal(
            [("due-30", newcomer), ("due-30", manager), ("due-7", newcomer), ("due-7", manager), ("due-1", newcomer), ("due-1", manager), ("overdue", newcomer), ("overdue", manager)],
            await RemindersAsync(newcomer));
        await host.FlushAsync();
        Assert.Equal(1, await NotificationsAsync(Demo.Manager, "Overdue: Equality, diversity and inclusion essentials"));

        // Unassigned: the unfinished record ends and nothing more is sent, however late it gets. (A course of its own:
        // the demo courses are also assigned to all staff, and a record another assignment needs does not end.)
        var files = new Dictionary<string, byte[]>(CoursePackage.DemoPackages().Single(p => p.Key == "handling-complaints-well").Files, StringComparer.Ordinal);
        files[CoursePackage.ManifestName] = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(files[CoursePackage.ManifestName])
            .Replace("\"key\": \"handling-complaints-well\"", "\"key\": \"reminder-test\"", StringComparison.Ordinal)
            .Replace("\"title\": \"Handling complaints well\"", "\"title\": \"Reminder test\"", StringComparison.Ordinal));
        var handling = (await AsSystemAsync(new ImportCoursePackage(files))).CourseId;
        await AsSystemAsync(new PublishCourse(handling));
        var soon = Today.AddDays(5);
        await AsSystemAsync(new AssignCourse(handling, AssignmentTarget.Person, newcomer, null, soon));
        await RunJobAsync();
        Assert.Equal(["due-7", "due-7"], (await RemindersAsync(newcomer)).Skip(8).Select(r => r.Kind)); // not the 30-day one as well
        var assignment = (await AsSystemAsync(new ListAssignments(handling))).Single(a => a.TargetName == "Nadia Petrova");
        Assert.Equal(1, await AsSystemAsync(new RemoveAssignment(assignment.Id)));
        host.Clock.Advance(TimeSpan.FromDays(10));
        await RunJobAsync();
        Assert.Equal(10, (await RemindersAsync(newcomer)).Count);

        // Nor for someone who has left.
        var leaver = await AsSystemAsync(new CreatePerson("Leo Grant", "leo.grant@ombudsman.example", PersonKind.Staff, [Roles.Staff], null, null, manager, null));
        await AsSystemAsync(new AssignCourse(handling, AssignmentTarget.Person, leaver, null, Today.AddDays(5)));
        var editing = await AsSystemAsync(new GetPersonForEditing(leaver));
        await AsSystemAsync(new DeactivatePerson(leaver, editing!.Version));
        await RunJobAsync();
        Assert.Empty(await RemindersAsync(leaver));

        // A retired course sends nothing either.
        await AsSystemAsync(new AssignCourse(handling, AssignmentTarget.Person, newcomer, null, Today.AddDays(20)));
        await AsSystemAsync(new RetireCourse(handling));
        host.Clock.Advance(TimeSpan.FromDays(15));
        await RunJobAsync();
        Assert.Equal(10, (await RemindersAsync(newcomer)).Count);
    }

    internal static async Task CompleteEdiAsync(HttpClient learner, Guid course)
    {
        foreach (var key in new[] { "equality-act", "public-sector-duty", "bias-in-casework", "reasonable-adjustments", "everyday-inclusion" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await learner.SubmitAsync($"/learning/courses/{course}/lessons/{key}")).StatusCode);
        }

        var passed = await learner.SubmitAsync($"/learning/courses/{course}/quiz",
            ("q-how-many-characteristics", "nine"), ("q-duty-aims", "eliminate"), ("q-duty-aims", "advance"), ("q-duty-aims", "relations"), ("q-adjustments-cost", "false"),
            ("q-bias-name", "confirmation bias"),
            ("q-match-terms-0", "Treating someone worse because of a protected characteristic"), ("q-match-terms-1", "A rule for everyone that puts one group at a disadvantage"),
            ("q-match-terms-2", "Unwanted conduct that violates someone's dignity"), ("q-match-terms-3", "Treating someone badly because they raised a discrimination concern"));
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
    }
}

/// <summary>Recurring training across a cycle, on its own host (the clock moves more than a year).</summary>
public sealed class RecertificationCycleTests(PhsoFactory host) : IClassFixture<PhsoFactory>
{
    private DateOnly Today => TrainingTime.Today(host.Clock);

    private Task<int> RunJobAsync() => host.Services.GetRequiredService<TrainingReminders>().RunAsync(CancellationToken.None);

    private async Task<Guid> CourseAsync(string key)
    {
        await using var scope = host.SystemScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListCourses())).Single(c => c.Key == key).Id;
    }

    [Fact]
    public async Task When_the_window_opens_the_completed_record_is_archived_a_new_cycle_starts_and_completing_it_supersedes_the_old_certificate()
    {
        var learner = host.CreateBrowser();
        await learner.SignInAsync(Demo.Coach);
        var course = await CourseAsync("edi-essentials");
        // The demo assigns EDI to all staff, so Rosa is already on it.
        await CompleteEdiAsync(learner, course);
        var overview = await learner.GetPageAsync($"/learning/courses/{course}");
        var firstCode = Regex.Match(overview, "href=\"/learning/certificates/([A-Z0-9-]{14})\"").Groups[1].Value;
        var expires = DateOnly.Parse(Regex.Match(overview, "valid until (\\d{1,2} \\w+ \\d{4})").Groups[1].Value, System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

        // Move to the day the window opens (two months before expiry) and run the job.
        host.Clock.Advance(TimeSpan.FromDays(expires.AddMonths(-2).DayNumber - Today.DayNumber));
        await RunJobAsync();
        learner = host.CreateBrowser();
        await learner.SignInAsync(Demo.Coach);
        var home = await learner.GetPageAsync("/learning");
        Assert.Contains("Earlier years", home, StringComparison.Ordinal);
        Assert.Contains("Not started", await learner.GetPageAsync($"/learning/courses/{course}"), StringComparison.Ordinal);
        Assert.Contains("Valid", await host.CreateBrowser().GetPageAsync($"/verify-certificate?code={firstCode}"), StringComparison.Ordinal);

        await CompleteEdiAsync(learner, course);
        var renewed = await host.CreateBrowser().GetPageAsync($"/verify-certificate?code={firstCode}");
        Assert.Contains("Superseded", renewed, StringComparison.Ordinal);
        Assert.Contains("Replaced by", renewed, StringComparison.Ordinal);
        Assert.Contains($"valid until {expires.AddYears(1):d MMMM yyyy}", await learner.GetPageAsync($"/learning/courses/{course}"), StringComparison.Ordinal);
    }

    private static Task CompleteEdiAsync(HttpClient learner, Guid course) => TrainingClockTests.CompleteEdiAsync(learner, course);
}
