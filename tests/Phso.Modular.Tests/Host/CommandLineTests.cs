using Phso.Host.Composition;
using Phso.Modular.Tests.Infrastructure;

namespace Phso.Modular.Tests.Host;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Create_admin_makes_a_first_administrator_who_can_sign_in_and_refuses_a_second_with_the_same_address()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "phso-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Data:Folder"] = dataFolder, ["Logging:LogLevel:Default"] = "Warning" }.WithDatabaseFor(dataFolder);
        Environment.SetEnvironmentVariable("PHSO_ADMIN_PASSWORD", "a long first admin password");
        try
        {
            Assert.Equal(0, await HostCommandLine.RunAsync(["create-admin", "--email", "first.admin@ombudsman.example", "--name", "First Admin"], settings));
            Assert.Equal(2, await HostCommandLine.RunAsync(["create-admin", "--email", "first.admin@ombudsman.example", "--name", "First Admin"], settings));
            Assert.NotEqual(0, await HostCommandLine.RunAsync(["create-admin", "--name", "No Email"], settings));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PHSO_ADMIN_PASSWORD", null);
        }

        using var host = new CommandLineHost(dataFolder);
        var admin = host.CreateBrowser();
        await admin.SignInAsync("first.admin@ombudsman.example", "a long first admin password");
        Assert.Contains("Welcome, First Admin", await admin.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.GetAsync("/admin/people")).StatusCode);
    }

    private sealed class CommandLineHost : PhsoFactory
    {
        public CommandLineHost(string dataFolder)
            : base(dataFolder)
        {
            Settings["Demo:Seed"] = "false";
        }
    }
}
