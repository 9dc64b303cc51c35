using System.Runtime.Loader;
using Phso.Modules.Plugins.Loading;
using Phso.Plugins.Abstractions;

namespace Phso.Modular.Tests.Plugins;

/// <summary>The loader contains every way a plugin can fail: each leaves the host running and gives a clear reason.</summary>
public sealed class PluginLoaderTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);
    private static readonly ComplaintHistory History = new("Coldharbour Teaching Hospitals NHS Trust", new Dictionary<string, DateOnly>(), new Dictionary<string, string>());

    private static Task<PluginLoadOutcome> LoadAsync(string entryType, string project = TestPlugins.Faulty) =>
        PluginLoader.LoadAsync("test", TestPlugins.InstalledCopy(project), project + ".dll", entryType, Limit);

    [Fact]
    public async Task A_working_plugin_loads_in_its_own_context_sharing_only_the_sdk()
    {
        var outcome = await LoadAsync("Phso.TestPlugins.Faulty.Working");

        var plugin = Assert.IsType<LoadedPlugin>(outcome.Plugin, exactMatch: true);
        var standard = Assert.Single(plugin.Standards);
        Assert.Equal("Test standard", standard.Description.Name);
        Assert.IsType<PluginLoadContext>(AssemblyLoadContext.GetLoadContext(standard.Standard.GetType().Assembly));
        Assert.Same(typeof(IPartnerPlugin).Assembly, standard.Standard.GetType().GetInterfaces().Single().Assembly);
        Assert.Equal("Checked by the test plugin.", Assert.Single((await PluginCalls.RunAsync("Assessing", () => standard.Standard.Assess(History), Limit)).Value!).Text);
        plugin.Unload();
    }

    [Fact]
    public async Task A_plugin_that_throws_when_created_fails_at_load()
    {
        var outcome = await LoadAsync("Phso.TestPlugins.Faulty.ThrowsAtLoad");

        Assert.Null(outcome.Plugin);
        Assert.StartsWith("Failed at load: Creating the plugin failed:", outcome.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_that_throws_or_hangs_when_registering_fails_at_registration()
    {
        Assert.Equal("Failed at registration: Registering failed: InvalidOperationException: The test plugin cannot register.", (await LoadAsync("Phso.TestPlugins.Faulty.ThrowsAtRegistration")).Failure);
        Assert.Equal("Failed at registration: Registering did not finish within 2 seconds", (await LoadAsync("Phso.TestPlugins.Faulty.HangsAtRegistration")).Failure);
    }

    [Fact]
    public async Task A_plugin_that_throws_or_hangs_when_called_is_contained()
    {
        var throws = Assert.Single((await LoadAsync("Phso.TestPlugins.Faulty.ThrowsAtCall")).Plugin!.Standards).Standard;
        var hangs = Assert.Single((await LoadAsync("Phso.TestPlugins.Faulty.HangsAtCall")).Plugin!.Standards).Standard;

        Assert.Equal("Assessing failed: InvalidOperationException: The test plugin failed during a call.", (await PluginCalls.RunAsync("Assessing", () => throws.Assess(History), Limit)).Failure);
        Assert.Equal("Assessing did not finish within 2 seconds", (await PluginCalls.RunAsync("Assessing", () => hangs.Assess(History), Limit)).Failure);
    }

    [Fact]
    public async Task A_plugin_referencing_more_than_the_sdk_is_refused_before_any_of_it_runs()
    {
        var outcome = await LoadAsync("Phso.TestPlugins.ReferencesHost.Plugin", TestPlugins.ReferencesHost);

        Assert.Null(outcome.Plugin);
        Assert.Contains("Phso.TestPlugins.ReferencesHost.dll references Phso.SharedKernel, which is neither the SDK nor part of the plugin", outcome.Failure, StringComparison.Ordinal);
        Assert.DoesNotContain(AssemblyLoadContext.All, c => c.Name == "plugin:test" && c.Assemblies.Any(a => a.GetName().Name == TestPlugins.ReferencesHost));
    }

    [Fact]
    public async Task An_entry_type_that_is_missing_or_not_a_plugin_is_reported()
    {
        Assert.Equal(
            "Failed at load: Phso.TestPlugins.Faulty.dll has no public class Phso.TestPlugins.Faulty.Nothing implementing IPartnerPlugin with a public parameterless constructor",
            (await LoadAsync("Phso.TestPlugins.Faulty.Nothing")).Failure);
    }

    [Fact]
    public async Task A_file_that_is_not_an_assembly_is_refused()
    {
        var folder = TestPlugins.InstalledCopy(TestPlugins.Faulty);
        File.WriteAllText(Path.Combine(folder, "Broken.dll"), "not an assembly");

        var outcome = await PluginLoader.LoadAsync("test", folder, "Phso.TestPlugins.Faulty.dll", "Phso.TestPlugins.Faulty.Working", Limit);

        Assert.Equal("Refused at load: Broken.dll is not a .NET assembly", outcome.Failure);
    }

    [Fact]
    public async Task Intake_questions_that_the_form_could_not_ask_are_refused_at_registration_with_what_to_fix()
    {
        IntakeQuestion Text(int n) => new($"question-{n}", $"Question {n}?", IntakeAnswerKind.Text);
        IEnumerable<string> Problems(params IntakeQuestion[] questions) =>
            Registrations.Problems([], [new IntakeQuestionSet(["Coldharbour Teaching Hospitals NHS Trust"], questions)], [], Path.GetTempPath());

        Assert.Empty(Problems([.. Enumerable.Range(1, Registrations.MaxIntakeQuestions).Select(Text)]));
        Assert.Equal(
            ["a plugin may add at most 10 questions to the complaint form (this one adds 11)"],
            Problems([.. Enumerable.Range(1, Registrations.MaxIntakeQuestions + 1).Select(Text)]));
        Assert.Equal(
            [
                "the intake question \"where\" may offer at most 20 different options of up to 100 characters",
                "two intake questions, or a question and a milestone, have the key \"acknowledged\"",
            ],
            Problems(
                new IntakeQuestion("where", "Which site?", IntakeAnswerKind.Choice, Choices: ["North", "north"]),
                new IntakeQuestion("acknowledged", "When?", IntakeAnswerKind.Date)));
    }
}
