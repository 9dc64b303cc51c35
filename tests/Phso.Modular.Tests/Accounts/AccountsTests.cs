using System.Net;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Security;

namespace Phso.Modular.Tests.Accounts;

[Collection(DemoHostCollection.Name)]
public sealed class AccountsTests(PhsoFactory host)
{
    private const string GoodPassword = "correct horse battery staple";

    private async Task<HttpClient> AdminAsync()
    {
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        return admin;
    }

    /// <summary>Creates a member of staff through the admin page and returns the new person's page.</summary>
    private static async Task<string> AddStaffAsync(HttpClient admin, string name, string email, params string[] roles)
    {
        var response = await admin.PostFormAsync("/admin/people/new",
            [new("Input.DisplayName", name), new("Input.Email", email), new("Input.Kind", "Staff"), .. roles.Select(r => new KeyValuePair<string, string>("Input.StaffRoles", r))]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Browser.Excerpt(await response.Content.ReadAsStringAsync()));
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Follows the invitation link from the email, chooses a password and returns the link used.</summary>
    private async Task<string> AcceptInvitationAsync(string email)
    {
        await host.FlushAsync();
        var link = host.LinkInLatestEmailTo(email);
        var visitor = host.CreateBrowser();
        var set = await visitor.PostFormAsync(link, ("Input.Password", GoodPassword), ("Input.ConfirmPassword", GoodPassword));
        Assert.True(set.StatusCode == HttpStatusCode.Redirect, Browser.Excerpt(await set.Content.ReadAsStringAsync()));
        return link;
    }

    [Fact]
    public async Task A_new_person_is_invited_by_email_chooses_a_password_and_signs_in_and_the_link_works_once()
    {
        var admin = await AdminAsync();
        await AddStaffAsync(admin, "Nadia Rahman", "nadia.rahman@ombudsman.example", Roles.Caseworker);
        var link = await AcceptInvitationAsync("nadia.rahman@ombudsman.example");
        Assert.Contains("Your account on the ombudsman", host.EmailsTo("nadia.rahman@ombudsman.example")[^1].Subject, StringComparison.Ordinal);

        var nadia = host.CreateBrowser();
        await nadia.SignInAsync("nadia.rahman@ombudsman.example", GoodPassword);
        var home = await nadia.GetPageAsync("/");
        Assert.Contains("Welcome, Nadia Rahman", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/organisations\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/people\"", home, StringComparison.Ordinal);

        var again = await host.CreateBrowser().PostFormAsync(link, ("Input.Password", "another good password"), ("Input.ConfirmPassword", "another good password"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("This link has expired or has already been used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short", "short", "Passwords must be at least 12 characters")]
    [InlineData("long enough password", "a different one", "The passwords do not match")]
    [InlineData("my oliver.khan@ombudsman.example pw", "my oliver.khan@ombudsman.example pw", "Your password must not contain your email address")]
    public async Task A_weak_or_mistyped_password_is_refused_with_a_reason(string password, string confirmation, string message)
    {
        var admin = await AdminAsync();
        var email = $"oliver.khan@ombudsman.example";
        if (host.EmailsTo(email).Count == 0)
        {
            await AddStaffAsync(admin, "Oliver Khan", email);
        }

        await host.FlushAsync();
        var response = await host.CreateBrowser().PostFormAsync(host.LinkInLatestEmailTo(email), ("Input.Password", password), ("Input.ConfirmPassword", confirmation));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_passwords_are_refused_and_the_fifth_locks_the_account_even_against_the_right_one()
    {
        var admin = await AdminAsync();
        await AddStaffAsync(admin, "Lena Fischer", "lena.fischer@ombudsman.example");
        await AcceptInvitationAsync("lena.fischer@ombudsman.example");

        var browser = host.CreateBrowser();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await browser.PostFormAsync("/account/sign-in", ("Input.Email", "lena.fischer@ombudsman.example"), ("Input.Password", "not the password"));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("The email address or password is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var fifth = await browser.PostFormAsync("/account/sign-in", ("Input.Email", "lena.fischer@ombudsman.example"), ("Input.Password", "not the password"));
        Assert.Contains("This account is locked for 15 minutes", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var right = await browser.PostFormAsync("/account/sign-in", ("Input.Email", "lena.fischer@ombudsman.example"), ("Input.Password", GoodPassword));
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("This account is locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_with_nothing_typed_asks_for_each_field()
    {
        var response = await host.CreateBrowser().PostFormAsync("/account/sign-in", ("Input.Email", ""), ("Input.Password", ""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your email address", page, StringComparison.Ordinal);
        Assert.Contains("Enter your password", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_has_left_cannot_sign_in_and_is_signed_out_of_open_sessions()
    {
        var admin = await AdminAsync();
        var personPage = await AddStaffAsync(admin, "Kofi Mensah", "kofi.mensah@ombudsman.example");
        await AcceptInvitationAsync("kofi.mensah@ombudsman.example");
        var kofi = host.CreateBrowser();
        await kofi.SignInAsync("kofi.mensah@ombudsman.example", GoodPassword);

        var deactivate = await admin.GetPageAsync(personPage + "/deactivate");
        var version = System.Text.RegularExpressions.Regex.Match(deactivate, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        var done = await admin.PostFormAsync(personPage + "/deactivate", ("version", version));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var again = await host.CreateBrowser().PostFormAsync("/account/sign-in", ("Input.Email", "kofi.mensah@ombudsman.example"), ("Input.Password", GoodPassword));
        Assert.Contains("You cannot sign in with this account", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        var stale = await kofi.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("/account/sign-in", stale.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_their_own_account()
    {
        await using var scope = host.SystemScope();
        var me = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FindPeople(Roles.Admin))).Single(p => p.Email == Demo.Admin);
        var admin = await AdminAsync();
        var page = await admin.GetPageAsync($"/admin/people/{me.Id}/deactivate");
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        var response = await admin.PostFormAsync($"/admin/people/{me.Id}/deactivate", ("version", version));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("You cannot deactivate your own account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_needs_a_partner_organisation_and_a_partner_role()
    {
        var admin = await AdminAsync();
        var response = await admin.PostFormAsync("/admin/people/new", ("Input.DisplayName", "Ruth Adams"), ("Input.Email", "ruth.adams@coldharbour.example"), ("Input.Kind", "Partner"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Select the person&#x27;s role in their organisation", page, StringComparison.Ordinal);
        Assert.Contains("Select the partner organisation they work for", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Ruth Adams\"", page, StringComparison.Ordinal);

        await using var scope = host.SystemScope();
        var notPartner = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FindOrganisations("Millbrook Surgery"))).Items[0];
        var wrongOrganisation = await admin.PostFormAsync("/admin/people/new",
            ("Input.DisplayName", "Ruth Adams"), ("Input.Email", "ruth.adams@coldharbour.example"), ("Input.Kind", "Partner"), ("Input.PartnerRole", Roles.PartnerHandler), ("Input.OrganisationId", notPartner.Id.ToString()));
        Assert.Contains("Select an open partner organisation from the list", await wrongOrganisation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_address_already_in_use_is_refused()
    {
        var admin = await AdminAsync();
        var response = await admin.PostFormAsync("/admin/people/new", ("Input.DisplayName", "Copycat"), ("Input.Email", "STAFF@ombudsman.example"), ("Input.Kind", "Staff"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Someone else already has an account with STAFF@ombudsman.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_address_identity_cannot_hold_is_refused_on_the_email_field()
    {
        // The validator lets an apostrophe through (it is a valid address); Identity's user names do not, and its
        // refusal still lands on the field it concerns.
        var admin = await AdminAsync();
        var response = await admin.PostFormAsync("/admin/people/new", ("Input.DisplayName", "Siobhan O'Brien"), ("Input.Email", "siobhan.o'brien@ombudsman.example"), ("Input.Kind", "Staff"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Input_Email\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Email\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_management_cannot_loop()
    {
        await using var scope = host.SystemScope();
        var people = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FindPeople());
        var manager = people.Single(p => p.Email == Demo.Manager);
        var report = people.Single(p => p.Email == Demo.Caseworker);
        Assert.Equal(manager.Id, report.LineManagerId);

        var admin = await AdminAsync();
        var edit = await admin.GetPageAsync($"/admin/people/{manager.Id}/edit");
        var version = System.Text.RegularExpressions.Regex.Match(edit, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var response = await admin.PostFormAsync($"/admin/people/{manager.Id}/edit",
            ("Input.DisplayName", manager.DisplayName), ("Input.Email", manager.Email), ("Input.Kind", "Staff"), ("Input.StaffRoles", Roles.Manager),
            ("Input.LineManagerId", report.Id.ToString()), ("Input.Version", version));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tom Okafor reports (directly or through others) to Sam Hughes, so cannot be their line manager", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_modules_read_direct_reports_and_teams_through_the_contracts()
    {
        await using var scope = host.SystemScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var manager = (await mediator.Send(new FindPeople(Roles.Manager))).Single(p => p.Email == Demo.Manager);
        var reports = await mediator.Send(new GetDirectReports(manager.Id));
        Assert.Contains(reports, p => p.Email == Demo.Caseworker && p.TeamName == "Casework team 1");
        Assert.Contains(reports, p => p.Email == Demo.Staff);
        Assert.All(reports, p => Assert.True(p.IsStaff));
        var partner = (await mediator.Send(new FindPeople(Roles.PartnerHandler))).Single(p => p.Email == Demo.PartnerHandler);
        Assert.False(partner.IsStaff);
        Assert.NotNull(partner.OrganisationId);
    }

    [Fact]
    public async Task Forgotten_password_says_the_same_whether_or_not_the_address_has_an_account()
    {
        var unknown = await host.CreateBrowser().PostFormAsync("/account/forgot-password", ("Input.Email", "nobody@nowhere.example"));
        var known = await host.CreateBrowser().PostFormAsync("/account/forgot-password", ("Input.Email", Demo.Publisher));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("If there is an active account for nobody@nowhere.example", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("If there is an active account for publisher@ombudsman.example", await known.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await host.FlushAsync();
        Assert.Empty(host.EmailsTo("nobody@nowhere.example"));
        Assert.Equal("Reset your password", host.EmailsTo(Demo.Publisher)[^1].Subject);
    }

    [Fact]
    public async Task Changing_a_password_needs_the_current_one()
    {
        var admin = await AdminAsync();
        await AddStaffAsync(admin, "Ana Silva", "ana.silva@ombudsman.example");
        await AcceptInvitationAsync("ana.silva@ombudsman.example");
        var ana = host.CreateBrowser();
        await ana.SignInAsync("ana.silva@ombudsman.example", GoodPassword);

        var wrong = await ana.PostFormAsync("/account/password", ("Input.CurrentPassword", "wrong wrong wrong"), ("Input.Password", "a brand new passphrase"), ("Input.ConfirmPassword", "a brand new passphrase"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Your current password is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await ana.PostFormAsync("/account/password", ("Input.CurrentPassword", GoodPassword), ("Input.Password", "a brand new passphrase"), ("Input.ConfirmPassword", "a brand new passphrase"));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ana.GetAsync("/account")).StatusCode);
        await host.CreateBrowser().SignInAsync("ana.silva@ombudsman.example", "a brand new passphrase");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var staff = host.CreateBrowser();
        await staff.SignInAsync(Demo.Coach);
        var response = await staff.PostFormAsync("/account/sign-out", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await staff.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Signing_out_makes_a_copy_of_the_cookie_worthless_at_once_and_later()
    {
        var staff = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var signIn = await host.CreateBrowser().PostFormAsync("/account/sign-in", ("Input.Email", Demo.Caseworker), ("Input.Password", Modules.Accounts.DemoData.DemoPeople.Password));
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("phso.auth=", StringComparison.Ordinal)).Split(';')[0];
        staff.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/cases")).StatusCode);

        // Signed out in the browser that holds the cookie; the copy taken before is now refused.
        var form = await staff.GetAsync("/account/sign-out");
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("phso.antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/account/sign-out") { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) })
        {
            signOut.Headers.Add("Cookie", $"{cookie}; {antiforgery}");
            using var signOutClient = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            Assert.Equal(HttpStatusCode.Redirect, (await signOutClient.SendAsync(signOut)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync("/api/cases")).StatusCode);
        host.Clock.Advance(TimeSpan.FromSeconds(65));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync("/api/cases")).StatusCode);
    }
}
