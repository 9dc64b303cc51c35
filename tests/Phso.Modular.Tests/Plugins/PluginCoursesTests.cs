using System.Net;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Plugins.Features.Lifecycle;

namespace Phso.Modular.Tests.Plugins;

/// <summary>A plugin's courses reach its organisation's handlers only, while it runs; switching it off or
/// uninstalling it retires them without losing anyone's record.</summary>
public sealed class PluginCoursesTests(PluginHostFactory host) : IClassFixture<PluginHostFactory>
{
    private const string Course = "Our complaints procedure at Coldharbour";
    private const string Id = "coldharbour-complaint-standard";

    private async Task SendAsync(IRequest<Unit> command)
    {
        await using var scope = host.SystemScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    private async Task<int> VersionAsync()
    {
        await using var scope = host.SystemScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetPlugin(Id)))!.Plugin.Version;
    }

    [Fact]
    public async Task The_organisations_handlers_get_the_plugins_course_while_it_runs_and_keep_their_records_after()
    {
        await using (var scope = host.SystemScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new InstallPlugin(TestPlugins.Sample("Coldharbour.ComplaintStandard", Id)));
        }

        await host.FlushAsync();
        var handler = host.CreateBrowser();
        await handler.SignInAsync(Demo.PartnerHandler);
        var catalogue = await handler.GetPageAsync("/learning/catalogue");
        Assert.Contains(Course, catalogue, StringComparison.Ordinal);
        var staff = host.CreateBrowser();
        await staff.SignInAsync(Demo.Staff);
        Assert.DoesNotContain(Course, await staff.GetPageAsync("/learning/catalogue"), StringComparison.Ordinal);

        var courseLink = System.Text.RegularExpressions.Regex.Match(catalogue, $"href=\"(/learning/courses/[^\"]+)\"[^>]*>{Course}").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await handler.SubmitAsync(courseLink)).StatusCode);
        Assert.Contains("three working days", await handler.GetPageAsync($"{courseLink}/lessons/first-three-days"), StringComparison.Ordinal);

        await SendAsync(new DisablePlugin(Id, await VersionAsync(), "The trust is revising its procedure"));
        await host.FlushAsync();
        Assert.DoesNotContain(Course, await handler.GetPageAsync("/learning/catalogue"), StringComparison.Ordinal);
        Assert.Contains(Course, await handler.GetPageAsync("/learning"), StringComparison.Ordinal);

        await SendAsync(new EnablePlugin(Id, await VersionAsync()));
        await host.FlushAsync();
        Assert.Contains(Course, await handler.GetPageAsync("/learning/catalogue"), StringComparison.Ordinal);

        await SendAsync(new UninstallPlugin(Id, await VersionAsync(), "The trust has a new supplier"));
        await host.FlushAsync();
        Assert.DoesNotContain(Course, await handler.GetPageAsync("/learning/catalogue"), StringComparison.Ordinal);
        Assert.Contains(Course, await handler.GetPageAsync("/learning"), StringComparison.Ordinal);
    }
}
