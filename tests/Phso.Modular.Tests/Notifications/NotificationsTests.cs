using System.Net;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Notifications.Contracts;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Security;

namespace Phso.Modular.Tests.Notifications;

[Collection(DemoHostCollection.Name)]
public sealed partial class NotificationsTests(PhsoFactory host)
{
    private async Task<(Guid PersonId, Guid NotificationId)> NotifyAsync(string email, string title, string? link, bool alsoByEmail)
    {
        await using var scope = host.SystemScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var person = (await mediator.Send(new FindPeople())).Single(p => p.Email == email);
        var id = await mediator.Send(new SendNotification(person.Id, title, "Something happened that you should know about.", link, alsoByEmail));
        return (person.Id, id);
    }

    [Fact]
    public async Task A_person_sees_their_notifications_and_the_unread_count_and_opening_one_marks_it_read()
    {
        var (_, id) = await NotifyAsync(Demo.EdiLead, "Your report is ready", "/organisations", alsoByEmail: false);
        var edi = host.CreateBrowser();
        await edi.SignInAsync(Demo.EdiLead);
        var home = await edi.GetPageAsync("/");
        var unread = int.Parse(UnreadBadge().Match(home).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(unread >= 1);

        var list = await edi.GetPageAsync("/notifications");
        Assert.Contains("Your report is ready", list, StringComparison.Ordinal);
        var open = await edi.PostFormAsync("/notifications", [], $"/notifications?handler=Open&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/organisations", open.Headers.Location!.OriginalString);

        var after = await edi.GetPageAsync("/");
        var left = UnreadBadge().Match(after);
        Assert.Equal(unread - 1, left.Success ? int.Parse(left.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
    }

    [Fact]
    public async Task Nobody_can_open_someone_elses_notification()
    {
        var (_, id) = await NotifyAsync(Demo.Coach, "Private to the coach", "/account", alsoByEmail: false);
        var other = host.CreateBrowser();
        await other.SignInAsync(Demo.Staff);
        var response = await other.PostFormAsync("/account/password", [], $"/notifications?handler=Open&id={id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Mark_all_as_read_clears_the_count()
    {
        await NotifyAsync(Demo.Publisher, "First", null, alsoByEmail: false);
        await NotifyAsync(Demo.Publisher, "Second", null, alsoByEmail: false);
        var publisher = host.CreateBrowser();
        await publisher.SignInAsync(Demo.Publisher);
        Assert.True(int.Parse(UnreadBadge().Match(await publisher.GetPageAsync("/")).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        var response = await publisher.PostFormAsync("/notifications", [], "/notifications?handler=MarkAllRead");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("You have no unread notifications.", await publisher.GetPageAsync("/notifications"), StringComparison.Ordinal);

        // The count beside "Notifications" is kept between pages; marking everything read empties what was kept.
        Assert.DoesNotMatch(UnreadBadge(), await publisher.GetPageAsync("/"));
        await NotifyAsync(Demo.Publisher, "Third", null, alsoByEmail: false);
        Assert.Equal("1", UnreadBadge().Match(await publisher.GetPageAsync("/")).Groups[1].Value);
    }

    [Fact]
    public async Task A_notification_can_also_go_by_email_with_an_absolute_link()
    {
        await NotifyAsync(Demo.Manager, "Training is due for your team", "/notifications", alsoByEmail: true);
        await host.FlushAsync();
        var email = host.EmailsTo(Demo.Manager).Last(e => e.Subject == "Training is due for your team");
        Assert.Contains("Dear Sam Hughes", email.Body, StringComparison.Ordinal);
        Assert.Matches("https?://[^/]+/notifications", email.Body);
    }

    [Fact]
    public async Task A_notification_may_only_link_inside_this_service()
    {
        await using var scope = host.SystemScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var person = (await mediator.Send(new FindPeople(Roles.Staff)))[0];
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => mediator.Send(new SendNotification(person.Id, "Phish", "Click here", "https://evil.example/", false)));
        Assert.Contains("Link", error.Errors.Keys);
    }

    [Fact]
    public async Task Many_notifications_go_in_one_command_each_emailed_to_its_own_recipient_and_a_bad_one_refuses_the_lot()
    {
        await using var scope = host.SystemScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var people = await mediator.Send(new FindPeople());
        var manager = people.Single(p => p.Email == Demo.Manager);
        var lead = people.Single(p => p.Email == Demo.EdiLead);
        var batch = Guid.NewGuid().ToString("N")[..8];
        SendNotification To(Guid who, string title, string link = "/learning") => new(who, $"{title} {batch}", "Something is due.", link, AlsoByEmail: true);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            mediator.Send(new SendNotifications([To(manager.Id, "Fine"), To(lead.Id, "Phish", "https://evil.example/")])));
        Assert.Contains("Notifications[1].Link", refused.Errors.Keys);
        var tooMany = await Assert.ThrowsAsync<RequestValidationException>(() =>
            mediator.Send(new SendNotifications([.. Enumerable.Repeat(To(manager.Id, "Many"), SendNotifications.MaximumCount + 1)])));
        Assert.Contains("Notifications", tooMany.Errors.Keys);

        var ids = await mediator.Send(new SendNotifications([To(manager.Id, "First"), To(lead.Id, "Second")]));
        Assert.Equal(2, ids.Distinct().Count());
        await host.FlushAsync();
        Assert.Single(host.EmailsTo(Demo.Manager), e => e.Subject == $"First {batch}");
        Assert.Single(host.EmailsTo(Demo.EdiLead), e => e.Subject == $"Second {batch}");
        Assert.DoesNotContain(host.EmailsTo(Demo.Manager), e => e.Subject.Contains($"Fine {batch}", StringComparison.Ordinal));
    }

    [GeneratedRegex("phso-badge\" aria-hidden=\"true\">(\\d+)<")]
    private static partial Regex UnreadBadge();
}
