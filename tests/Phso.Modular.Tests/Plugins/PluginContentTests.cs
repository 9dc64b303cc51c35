using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Host.Composition;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Organisations.Contracts;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Features.Lifecycle;
using Phso.SharedKernel.Domain;
using Phso.SharedKernel.Time;

namespace Phso.Modular.Tests.Plugins;

/// <summary>A plugin that would do less than it says is refused at install with what to fix: an organisation the
/// register does not have, a course training cannot read, a copy of the SDK. One that breaks later (an organisation it
/// names closes) is shown on its page and on the admin's home. A plugin may bring a library of its own (ADR 0008).</summary>
public sealed partial class PluginContentTests(PluginHostFactory host) : IClassFixture<PluginHostFactory>
{
    private const string Named = "Phso.TestPlugins.Faulty.NamesOrganisationsFromFile";

    private static Dictionary<string, byte[]> Names(params string[] names) => new() { ["names.txt"] = Encoding.UTF8.GetBytes(string.Join('\n', names)) };

    private static async Task<HttpResponseMessage> InstallAsync(HttpClient admin, byte[] zip)
    {
        var form = await admin.GetPageAsync("/admin/plugins");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(zip), "package", "plugin.zip" },
        };
        return await admin.PostAsync("/admin/plugins", content);
    }

    private async Task<HttpClient> AdminAsync()
    {
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        return admin;
    }

    private async Task<T> AsSystemAsync<T>(IRequest<T> request)
    {
        await using var scope = host.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    [Fact]
    public async Task A_plugin_naming_an_organisation_the_register_does_not_have_is_refused_with_the_closest_name()
    {
        var admin = await AdminAsync();

        // The guide's example as an outside author followed it: the register says "Riverside Community Health NHS Trust".
        var refused = await InstallAsync(admin, TestPlugins.Package(Named, host.Key, id: "riverside", extra: Names("Riverside Community NHS Trust")));

        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The standard \"Named standard\" names the organisation \"Riverside Community NHS Trust\", which is not an open organisation in the ombudsman's register, " +
            "so it applies to nobody: did you mean \"Riverside Community Health NHS Trust\"?", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/plugins/riverside")).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(host.DataFolder, "plugins", "riverside")) && Directory.GetDirectories(Path.Combine(host.DataFolder, "plugins", "riverside")).Length > 0);

        var accepted = await InstallAsync(admin, TestPlugins.Package(Named, host.Key, id: "riverside", extra: Names("Riverside Community Health NHS Trust")));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(PluginStatus.Active, (await AsSystemAsync(new GetPlugin("riverside")))!.Plugin.Status);
    }

    [Fact]
    public async Task A_plugin_whose_course_cannot_be_read_is_refused_with_the_course_file_and_line()
    {
        var course = Training.Packages.Demo("handling-complaints-well");
        var manifest = Encoding.UTF8.GetString(course["course.json"])
            .Replace("\"key\": \"handling-complaints-well\"", "\"key\": \"plugin-test-course\"", StringComparison.Ordinal)
            .Replace("{ \"key\": \"form\", \"text\"", "{ \"text\"", StringComparison.Ordinal);
        course["course.json"] = Encoding.UTF8.GetBytes(manifest);
        var extra = Names("Coldharbour Teaching Hospitals NHS Trust");
        foreach (var (name, bytes) in course)
        {
            extra[$"courses/test-course/{name}"] = bytes;
        }

        var admin = await AdminAsync();
        var refused = await InstallAsync(admin, TestPlugins.Package(Named, host.Key, id: "broken-course", extra: extra));

        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var line = manifest[..manifest.IndexOf("Send them the complaint form", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.Contains($"courses/test-course/course.json line {line}: Question \"first-step\": choice 1 needs a \"key\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/plugins/broken-course")).StatusCode);
    }

    [Fact]
    public async Task A_package_carrying_its_own_copy_of_the_sdk_is_refused_and_told_why()
    {
        var sdk = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Phso.Plugins.Abstractions.dll"));
        var admin = await AdminAsync();

        var refused = await InstallAsync(admin, TestPlugins.Package("Phso.TestPlugins.Faulty.Working", host.Key, id: "with-sdk",
            extra: new Dictionary<string, byte[]> { ["Phso.Plugins.Abstractions.dll"] = sdk }));

        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Phso.Plugins.Abstractions.dll: the package contains the plugin SDK itself. Leave it out", page, StringComparison.Ordinal);
        Assert.Contains("ExcludeAssets=\"runtime\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_may_bring_a_library_of_its_own_which_is_loaded_beside_it()
    {
        var admin = await AdminAsync();

        var installed = await InstallAsync(admin, TestPlugins.Package("Phso.TestPlugins.WithLibrary.Plugin", host.Key, id: "with-library", project: TestPlugins.WithLibrary));

        Assert.True(installed.StatusCode == HttpStatusCode.Redirect, Browser.Excerpt(await installed.Content.ReadAsStringAsync()));
        var details = (await AsSystemAsync(new GetPlugin("with-library")))!;
        Assert.Equal(PluginStatus.Active, details.Plugin.Status);
        Assert.Equal("Read through a bundled library.", Assert.Single(details.Standards).Summary);
    }

    [Fact]
    public async Task An_organisation_leaving_the_register_later_is_shown_on_the_plugin_page_and_the_admin_home()
    {
        var name = $"Plugin Test Trust {Guid.NewGuid():N}"[..30];
        var organisation = await AsSystemAsync(new RegisterOrganisation(name, OrganisationType.NhsTrust, Sector.Health, Nation.England, true, true, null));
        var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await InstallAsync(admin, TestPlugins.Package(Named, host.Key, id: "later", extra: Names(name)))).StatusCode);
        Assert.DoesNotContain("does less than it says", await admin.GetPageAsync("/admin/plugins/later"), StringComparison.Ordinal);
        var before = NeedAttention().Match(await admin.GetPageAsync("/"));

        var version = (await AsSystemAsync(new GetOrganisation(organisation)))!.Version;
        await AsSystemAsync(new CloseOrganisation(organisation, version, "Merged into another trust"));

        var page = WebUtility.HtmlDecode(await admin.GetPageAsync("/admin/plugins/later"));
        Assert.Contains("This plugin does less than it says", page, StringComparison.Ordinal);
        Assert.Contains($"names the organisation \"{name}\", which is not an open organisation in the ombudsman's register", page, StringComparison.Ordinal);
        var after = NeedAttention().Match(await admin.GetPageAsync("/"));
        Assert.True(after.Success, "the admin's home says plugins need attention");
        Assert.Equal((before.Success ? int.Parse(before.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0) + 1,
            int.Parse(after.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Disabling_and_uninstalling_ask_for_confirmation_and_a_reason_which_the_history_keeps()
    {
        var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await InstallAsync(admin, TestPlugins.Package("Phso.TestPlugins.Faulty.Working", host.Key, id: "confirmed"))).StatusCode);
        var page = await admin.GetPageAsync("/admin/plugins/confirmed");
        Assert.Contains("href=\"/admin/plugins/confirmed/disable\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Disable", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Uninstall", page, StringComparison.Ordinal);

        var confirm = await admin.GetPageAsync("/admin/plugins/confirmed/disable");
        Assert.Contains("Disable Test plugin confirmed?", confirm, StringComparison.Ordinal);
        var empty = await admin.SubmitAsync("/admin/plugins/confirmed/disable", ("Reason", "  "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("<a href=\"#Reason\">Enter your reason for switching the plugin off</a>", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(PluginStatus.Active, (await AsSystemAsync(new GetPlugin("confirmed")))!.Plugin.Status);
        var tooLong = await admin.SubmitAsync("/admin/plugins/confirmed/disable", ("Reason", new string('x', 501)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains(new string('x', 501), await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/plugins/confirmed/disable", ("Reason", "The trust asked us to pause it"))).StatusCode);
        var disabled = (await AsSystemAsync(new GetPlugin("confirmed")))!.Plugin;
        Assert.Equal(PluginStatus.Disabled, disabled.Status);
        Assert.Equal("Disabled by Priya Shah: The trust asked us to pause it", disabled.StatusReason);
        Assert.Contains("Disabled by Priya Shah: The trust asked us to pause it", WebUtility.HtmlDecode(await admin.GetPageAsync("/admin/plugins/confirmed")), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.SubmitAsync("/admin/plugins/confirmed/uninstall", ("Reason", ""))).StatusCode);
        Assert.NotNull(await AsSystemAsync(new GetPlugin("confirmed")));
        var stale = await admin.SubmitAsync("/admin/plugins/confirmed/uninstall", ("Reason", "Replaced"), ("Version", "0"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/plugins/confirmed/uninstall", ("Reason", "Replaced by the trust's new supplier"))).StatusCode);
        Assert.Null(await AsSystemAsync(new GetPlugin("confirmed")));
    }

    [Fact]
    public async Task The_command_line_says_plainly_that_a_plugin_was_installed_but_could_not_start_and_why()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "phso-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Data:Folder"] = dataFolder,
            ["Plugins:TrustedKeys:0:Publisher"] = PluginHostFactory.Publisher,
            ["Plugins:TrustedKeys:0:PublicKeyPem"] = host.Key.ExportSubjectPublicKeyInfoPem(),
        };
        var package = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(package, TestPlugins.Package("Phso.TestPlugins.Faulty.ThrowsAtRegistration", host.Key, id: "cannot-start"));
        var (code, output) = await ConsoleOutput.CaptureAsync(() => HostCommandLine.RunAsync(["plugin-install", "--package", package], settings));
        Assert.Equal(1, code);
        Assert.Contains("Installed Test plugin cannot-start 1.0.0, but it could not start: Failed at registration", output, StringComparison.Ordinal);
        Assert.Contains("It stays installed and switched off.", output, StringComparison.Ordinal);

        var (noReason, _) = await ConsoleOutput.CaptureAsync(() => HostCommandLine.RunAsync(["plugin-uninstall", "--id", "cannot-start"], settings));
        Assert.NotEqual(0, noReason);
        Assert.Equal(0, (await ConsoleOutput.CaptureAsync(() => HostCommandLine.RunAsync(["plugin-uninstall", "--id", "cannot-start", "--reason", "It never started"], settings))).Code);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
        File.Delete(package);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("(\\d+) plugins? needs? attention")]
    private static partial Regex NeedAttention();
}
