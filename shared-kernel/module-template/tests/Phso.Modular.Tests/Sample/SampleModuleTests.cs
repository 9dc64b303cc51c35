using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Sample.Contracts;
using Phso.Modules.Sample.Persistence;

namespace Phso.Modular.Tests.Sample;

/// <summary>The Sample module through its page and its API, including the refusals (made from the module template).</summary>
public sealed class SampleModuleTests(PhsoFactory host) : IClassFixture<PhsoFactory>
{
    [Fact]
    public async Task A_note_recorded_on_the_page_is_listed_and_published_through_the_outbox()
    {
        var staff = host.CreateBrowser();
        await staff.SignInAsync(Demo.Staff);
        var posted = await staff.PostFormAsync("/sample", ("Input.Text", "Checked the template end to end."));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        Assert.Contains("Checked the template end to end.", await staff.GetPageAsync("/sample"), StringComparison.Ordinal);
        await using var scope = host.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.EventType.Contains(nameof(SampleNoteRecorded)) && m.Payload.Contains("Checked the template end to end.")));
    }

    [Fact]
    public async Task Its_share_of_the_scale_data_is_written_in_bulk_with_its_audit_and_only_once()
    {
        using var scaled = new PhsoFactory();
        var plan = new Phso.SharedKernel.Modules.ScalePlan(Cases: 60, People: 20, Enrolments: 40, Seed: 3);
        var output = new StringWriter();
        await Phso.SharedKernel.Modules.ScaleData.SeedScaleDataAsync(scaled.Services, plan, output, CancellationToken.None);
        Assert.Contains("sample: 60 notes", output.ToString(), StringComparison.Ordinal);

        await using (var scope = scaled.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
            Assert.True(await db.Notes.CountAsync() >= 60);
            Assert.Equal(60, await db.AuditEntries.CountAsync(a => a.Command == Phso.SharedKernel.Modules.ScaleData.Operation));
        }

        var again = new StringWriter();
        await Phso.SharedKernel.Modules.ScaleData.SeedScaleDataAsync(scaled.Services, plan, again, CancellationToken.None);
        Assert.DoesNotContain("sample:", again.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_note_is_refused_on_its_field_with_a_400()
    {
        var staff = host.CreateBrowser();
        await staff.SignInAsync(Demo.Staff);
        var refused = await staff.PostFormAsync("/sample", ("Input.Text", "  "));
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("href=\"#Input_Text\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Text\"", page, StringComparison.Ordinal);
        Assert.Contains("Enter the note", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_lists_notes_records_one_and_names_the_field_it_refuses()
    {
        var staff = host.CreateBrowser();
        await staff.SignInAsync(Demo.Staff);
        var created = await staff.PostAsJsonAsync("/api/sample/notes", new { text = "From the API." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var list = JsonDocument.Parse(await staff.GetStringAsync(new Uri("/api/sample/notes", UriKind.Relative)));
        Assert.Contains(list.RootElement.EnumerateArray(), n => n.GetProperty("text").GetString() == "From the API.");

        var refused = await staff.PostAsJsonAsync("/api/sample/notes", new { text = new string('x', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("Text", out _));
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in_and_the_api_says_401()
    {
        var anonymous = host.CreateBrowser();
        var page = await anonymous.GetAsync(new Uri("/sample", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var api = await anonymous.GetAsync(new Uri("/api/sample/notes", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }
}
