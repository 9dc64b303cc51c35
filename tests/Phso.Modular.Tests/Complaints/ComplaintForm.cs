using System.Net;
using System.Text.RegularExpressions;
using Phso.Modular.Tests.Infrastructure;

namespace Phso.Modular.Tests.Complaints;

/// <summary>Fills in the public complaint form page by page, as a person would.</summary>
public static partial class ComplaintForm
{
    public sealed record Submitted(string Reference, string Link);

    /// <summary>Posts one question page and checks it moved on.</summary>
    public static async Task<string> AnswerAsync(this HttpClient client, string page, params (string Name, string Value)[] fields)
    {
        var response = await client.PostFormAsync(page, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page} answered {(int)response.StatusCode}: {Browser.Excerpt(await response.Content.ReadAsStringAsync())}");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>A complete complaint about an NHS body from the register, made by the person themselves.</summary>
    public static async Task<Submitted> SubmitNhsComplaintAsync(this HttpClient client, Guid organisationId, string name = "Margaret Collins", string email = "margaret.collins@example.com",
        string awareOn = "3 9 2026", string procedure = "Finished")
    {
        var aware = awareOn.Split(' ');
        Assert.Equal("/complain/representative", await client.AnswerAsync("/complain/who", ("Answers.Who", "someone-else")));
        await client.AnswerAsync("/complain/who", ("Answers.Who", "myself"));
        await client.AnswerAsync("/complain/person", ("Answers.PersonName", name), ("Answers.PersonNation", "England"));
        await client.AnswerAsync("/complain/contact", ("Answers.PreferredChannel", "Email"), ("Answers.Email", email));
        await client.AnswerAsync("/complain/organisation", ("Answers.OrganisationId", organisationId.ToString()));
        await client.AnswerAsync("/complain/what-happened", ("Answers.WhatHappened", "My mother waited eleven hours in the emergency department without pain relief, and staff did not check on her."));
        await client.AnswerAsync("/complain/when-aware", ("Answers.AwareOn.Day", aware[0]), ("Answers.AwareOn.Month", aware[1]), ("Answers.AwareOn.Year", aware[2]));
        await client.AnswerAsync("/complain/impact", ("Answers.Impact", "She was in severe pain and frightened, and I lost two days of work looking after her afterwards."));
        await client.AnswerAsync("/complain/outcome", ("Answers.OutcomeWanted", "An apology and a change to how patients in the waiting area are checked."));
        await client.AnswerAsync("/complain/organisation-complaint", ("Answers.BodyProcedure", procedure),
            ("Answers.ComplainedOn.Day", "20"), ("Answers.ComplainedOn.Month", "9"), ("Answers.ComplainedOn.Year", "2026"),
            ("Answers.FinalResponseOn.Day", "30"), ("Answers.FinalResponseOn.Month", "10"), ("Answers.FinalResponseOn.Year", "2026"));
        await client.AnswerAsync("/complain/legal", ("Answers.LegalRemedy", "No"));
        await client.AnswerAsync("/complain/adjustments", ("Answers.NeedsAdjustments", "true"), ("Answers.SupportNeeds", "LargePrint"), ("Answers.ExtraTime", "yes"));
        return await client.SendAsync();
    }

    /// <summary>Sends the complaint from the check-your-answers page and reads the confirmation.</summary>
    public static async Task<Submitted> SendAsync(this HttpClient client)
    {
        var sent = await client.PostFormAsync("/complain/check", []);
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, $"Sending answered {(int)sent.StatusCode}: {Browser.Excerpt(await sent.Content.ReadAsStringAsync())}");
        var confirmation = await client.GetPageAsync(sent.Headers.Location!.OriginalString);
        var reference = Reference().Match(confirmation).Groups[1].Value;
        var link = PrivateLink().Match(confirmation).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(reference), Browser.Excerpt(confirmation));
        return new Submitted(reference, new Uri(link).PathAndQuery);
    }

    [GeneratedRegex("<strong>(PSO-\\d{4}-\\d{5})</strong>")]
    private static partial Regex Reference();

    [GeneratedRegex("href=\"(https?://[^\"]+/my-complaint/[A-Za-z0-9_-]{43})\"")]
    private static partial Regex PrivateLink();
}
