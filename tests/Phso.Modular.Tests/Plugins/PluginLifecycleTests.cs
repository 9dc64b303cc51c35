using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Plugins.Contracts;
using Phso.Modules.Plugins.Features.Lifecycle;

namespace Phso.Modular.Tests.Plugins;

/// <summary>An admin installs, switches, upgrades and removes plugins through the pages; every faulty plugin is
/// contained with a clear reason while the host keeps serving; safe mode starts with every plugin off.</summary>
public sealed class PluginLifecycleTests(PluginHostFactory host) : IClassFixture<PluginHostFactory>
{
    private const string Faulty = "Phso.TestPlugins.Faulty.";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, string page, byte[] zip, string? handler = null, params (string Name, string Value)[] fields)
    {
        var form = await admin.GetPageAsync(page);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(zip), "package", "plugin.zip" },
        };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return await admin.PostAsync(handler is null ? page : $"{page}?handler={handler}", content);
    }

    private async Task<HttpClient> AdminAsync()
    {
        var admin = host.CreateBrowser();
        await admin.SignInAsync(Demo.Admin);
        return admin;
    }

    private async Task<PluginDetails> DetailsAsync(string id)
    {
        await using var scope = host.SystemScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetPlugin(id)))!;
    }

    [Fact]
    public async Task An_admin_installs_switches_upgrades_and_uninstalls_a_plugin_without_a_restart()
    {
        var admin = await AdminAsync();
        var installed = await UploadAsync(admin, "/admin/plugins", TestPlugins.Package(Faulty + "Working", host.Key, id: "lifecycle"));
        Assert.True(installed.StatusCode == HttpStatusCode.Redirect, Browser.Excerpt(await installed.Content.ReadAsStringAsync()));
        Assert.Equal("/admin/plugins/lifecycle", installed.Headers.Location!.OriginalString);
        var page = await admin.GetPageAsync("/admin/plugins/lifecycle");
        Assert.Contains("is running now; no restart is needed", page, StringComparison.Ordinal);
        Assert.Contains("Test standard", page, StringComparison.Ordinal);
        Assert.Contains("3 working days", page, StringComparison.Ordinal);
        Assert.True((await DetailsAsync("lifecycle")).Running);

        var again = await UploadAsync(admin, "/admin/plugins", TestPlugins.Package(Faulty + "Working", host.Key, id: "lifecycle"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("A plugin with the id &quot;lifecycle&quot; is already installed", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/plugins/lifecycle/disable", ("Reason", "Testing the lifecycle"))).StatusCode);
        Assert.Equal(PluginStatus.Disabled, (await DetailsAsync("lifecycle")).Plugin.Status);
        Assert.False((await DetailsAsync("lifecycle")).Running);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/plugins/lifecycle?handler=Enable")).StatusCode);
        Assert.True((await DetailsAsync("lifecycle")).Running);

        var version = (await DetailsAsync("lifecycle")).Plugin.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var older = await UploadAsync(admin, "/admin/plugins/lifecycle", TestPlugins.Package(Faulty + "Working", host.Key, id: "lifecycle", version: "0.9.0"), "Upgrade", ("version", version));
        Assert.Equal(HttpStatusCode.Conflict, older.StatusCode);
        Assert.Contains("Version 0.9.0 is older than the installed 1.0.0: a downgrade must be forced.", await older.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var newer = await UploadAsync(admin, "/admin/plugins/lifecycle", TestPlugins.Package(Faulty + "Working", host.Key, id: "lifecycle", version: "1.1.0"), "Upgrade", ("version", version));
        Assert.Equal(HttpStatusCode.Redirect, newer.StatusCode);
        Assert.Equal("1.1.0", (await DetailsAsync("lifecycle")).Plugin.PluginVersion);
        Assert.True((await DetailsAsync("lifecycle")).Running);
        version = (await DetailsAsync("lifecycle")).Plugin.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var forced = await UploadAsync(admin, "/admin/plugins/lifecycle", TestPlugins.Package(Faulty + "Working", host.Key, id: "lifecycle", version: "1.0.1"), "Upgrade", ("version", version), ("force", "true"));
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        Assert.Equal("1.0.1", (await DetailsAsync("lifecycle")).Plugin.PluginVersion);

        var history = await admin.GetPageAsync("/admin/plugins/lifecycle");
        Assert.Contains("History", history, StringComparison.Ordinal);
        Assert.Contains("1.1.0", history, StringComparison.Ordinal);

        var folder = Path.Combine(host.DataFolder, "plugins", "lifecycle");
        Assert.Single(Directory.GetDirectories(folder));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/plugins/lifecycle/uninstall", ("Reason", "Testing the lifecycle"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/plugins/lifecycle")).StatusCode);
        Assert.Empty(Directory.GetDirectories(folder));
    }

    [Theory]
    [InlineData("Coldharbour.ComplaintStandard", "coldharbour-complaint-standard", "Coldharbour complaints policy", "Acknowledge and offer a discussion")]
    [InlineData("Glenmorven.ComplaintStandard", "glenmorven-model-procedure", "Model complaints handling procedure (NHS Scotland)", "Stage 1: frontline response")]
    public async Task The_sample_plugins_built_and_signed_by_the_build_install_through_the_admin_page(string project, string id, string standard, string stage)
    {
        var admin = await AdminAsync();

        var installed = await UploadAsync(admin, "/admin/plugins", TestPlugins.Sample(project, id));

        Assert.True(installed.StatusCode == HttpStatusCode.Redirect, Browser.Excerpt(await installed.Content.ReadAsStringAsync()));
        var page = await admin.GetPageAsync($"/admin/plugins/{id}");
        Assert.Contains(standard, page, StringComparison.Ordinal);
        Assert.Contains(stage, page, StringComparison.Ordinal);
        Assert.Contains("Signed by a key trusted for the publisher", page, StringComparison.Ordinal);
        Assert.Contains("Questions for the complaint form", page, StringComparison.Ordinal);
        Assert.Contains($"<code>courses/", page, StringComparison.Ordinal);

        // In words for an admin: the kind of answer each question takes, a stage's note in a column of its own, the date
        // it was installed as people write it.
        Assert.DoesNotMatch("\\((yesno|date|choice)[,)]", page);
        Assert.Matches("\\((yes or no|a date|one of \\d+ choices|text), (optional|an answer is required)\\)", page);
        Assert.Contains("<th scope=\"col\" class=\"govuk-table__header\">Note</th>", page, StringComparison.Ordinal);
        Assert.Matches("<dd class=\"govuk-summary-list__value\"><time datetime=\"[0-9T:.-]+Z\">\\d{1,2} \\w+ \\d{4} at \\d{1,2}:\\d{2}(am|pm)</time></dd>", page);
        Assert.Equal(PluginStatus.Active, (await DetailsAsync(id)).Plugin.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/admin/plugins/{id}/uninstall", ("Reason", "Tried the sample"))).StatusCode);
    }

    [Theory]
    [InlineData("ThrowsAtLoad", "Failed at load: Creating the plugin failed")]
    [InlineData("ThrowsAtRegistration", "Failed at registration: Registering failed: InvalidOperationException: The test plugin cannot register.")]
    [InlineData("HangsAtRegistration", "Failed at registration: Registering did not finish within 2 seconds")]
    public async Task A_plugin_that_fails_at_load_or_registration_is_marked_malfunctioned_and_the_host_keeps_serving(string entryType, string reason)
    {
        var admin = await AdminAsync();
        var id = "fails-" + entryType.ToLowerInvariant();

        var installed = await UploadAsync(admin, "/admin/plugins", TestPlugins.Package(Faulty + entryType, host.Key, id: id));

        Assert.Equal(HttpStatusCode.Redirect, installed.StatusCode);
        var plugin = (await DetailsAsync(id)).Plugin;
        Assert.Equal(PluginStatus.Malfunctioned, plugin.Status);
        Assert.StartsWith(reason, plugin.StatusReason, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(reason), await admin.GetPageAsync("/admin/plugins"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/cases")).StatusCode);
    }

    [Fact]
    public async Task A_plugin_referencing_the_host_is_malfunctioned_before_any_of_it_runs()
    {
        var admin = await AdminAsync();

        await UploadAsync(admin, "/admin/plugins", TestPlugins.Package("Phso.TestPlugins.ReferencesHost.Plugin", host.Key, id: "references-host", project: TestPlugins.ReferencesHost));

        var plugin = (await DetailsAsync("references-host")).Plugin;
        Assert.Equal(PluginStatus.Malfunctioned, plugin.Status);
        Assert.Contains("references Phso.SharedKernel, which is neither the SDK nor part of the plugin", plugin.StatusReason, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadPackages() => new()
    {
        { "unsigned", "The package is not signed (no plugin.sig): only signed plugins can be installed" },
        { "untrusted", "No key is trusted for the publisher &quot;Unknown Ltd&quot;" },
        { "bad-signature", "The signature does not match plugin.json" },
        { "tampered", "does not match its SHA-256 in plugin.json: it was changed after the package was made" },
        { "incompatible", "The plugin works with SDK versions 0.1.0 to 0.9.0; this platform&#x27;s SDK is 1.0.0" },
        { "malformed", "plugin.json: &quot;entryType&quot; must name the class that implements IPartnerPlugin" },
        { "escaping", "This file&#x27;s path leads outside the package" },
        { "not-a-zip", "The file is not a zip file" },
    };

    [Theory]
    [MemberData(nameof(BadPackages))]
    public async Task A_bad_package_is_refused_with_the_reason_and_nothing_is_installed(string kind, string message)
    {
        using var otherKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var working = Faulty + "Working";
        var package = kind switch
        {
            "unsigned" => TestPlugins.Package(working, null, id: kind),
            "untrusted" => TestPlugins.Package(working, host.Key, id: kind, publisher: "Unknown Ltd"),
            "bad-signature" => TestPlugins.Package(working, otherKey, id: kind),
            "tampered" => Tamper(TestPlugins.Package(working, host.Key, id: kind)),
            "incompatible" => TestPlugins.Package(working, host.Key, id: kind, change: m => { m["minimumSdkVersion"] = "0.1.0"; m["maximumSdkVersion"] = "0.9.0"; }),
            "malformed" => TestPlugins.Package(working, host.Key, id: kind, change: m => m.Remove("entryType")),
            "escaping" => Training.Packages.Zip(new Dictionary<string, byte[]> { ["plugin.json"] = "{}"u8.ToArray(), ["../../evil.dll"] = [1] }),
            _ => "%PDF-1.4"u8.ToArray(),
        };
        var admin = await AdminAsync();

        var refused = await UploadAsync(admin, "/admin/plugins", package);

        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/plugins/{kind}")).StatusCode);
    }

    [Fact]
    public async Task Safe_mode_starts_with_every_plugin_off_and_changes_nothing_stored()
    {
        var admin = await AdminAsync();
        await UploadAsync(admin, "/admin/plugins", TestPlugins.Package(Faulty + "Working", host.Key, id: "safe-mode"));
        Assert.True((await DetailsAsync("safe-mode")).Running);

        using (var safe = new PluginHostFactory(host.DataFolder, host.Key, safeMode: true))
        {
            await using var scope = safe.SystemScope();
            var list = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListPlugins());
            Assert.True(list.SafeMode);
            Assert.All(list.Plugins, row => Assert.False(row.Running));
            Assert.Equal(PluginStatus.Active, list.Plugins.Single(p => p.Plugin.Id == "safe-mode").Plugin.Status);
            var safeAdmin = safe.CreateBrowser();
            await safeAdmin.SignInAsync(Demo.Admin);
            Assert.Contains("Safe mode is on: no plugin is running", await safeAdmin.GetPageAsync("/admin/plugins"), StringComparison.Ordinal);
        }

        using var normal = new PluginHostFactory(host.DataFolder, host.Key, safeMode: false);
        await using var again = normal.SystemScope();
        Assert.True((await again.ServiceProvider.GetRequiredService<IMediator>().Send(new GetPlugin("safe-mode")))!.Running);
    }

    /// <summary>The package with its entry assembly changed after the manifest was signed.</summary>
    private static byte[] Tamper(byte[] zip)
    {
        using var stream = new MemoryStream(zip);
        var files = Phso.Modules.Plugins.Packages.PluginPackage.FilesOfZip(stream).ToDictionary(f => f.Key, f => f.Value);
        var dll = files["Phso.TestPlugins.Faulty.dll"];
        dll[^1] ^= 0xFF;
        return Training.Packages.Zip(files);
    }
}
