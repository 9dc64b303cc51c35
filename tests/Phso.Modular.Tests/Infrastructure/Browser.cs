using System.Net;
using System.Text.RegularExpressions;
using Phso.Modules.Accounts.DemoData;

namespace Phso.Modular.Tests.Infrastructure;

/// <summary>What a browser does with forms: fetch the page for its antiforgery token, post the fields, keep cookies.</summary>
public static partial class Browser
{
    public static async Task<string> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}. {Excerpt(body)}");
        return body;
    }

    /// <summary>Gets <paramref name="formPage"/>, then posts <paramref name="fields"/> with its antiforgery token to
    /// <paramref name="action"/> (the same page by default).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetPageAsync(formPage);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{formPage} has no antiforgery token");
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))));
        return await client.PostAsync(action ?? formPage, content);
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, params (string Name, string Value)[] fields) =>
        client.PostFormAsync(formPage, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>As a browser submits the page's main form: its hidden fields (the version read, the antiforgery
    /// token) plus what the person typed or chose, which replaces a hidden field of the same name.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string formPage, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetPageAsync(formPage);
        var main = page.IndexOf("<main", StringComparison.Ordinal);
        var hidden = Input().Matches(main >= 0 ? page[main..] : page).Select(m => m.Value)
            .Where(input => input.Contains("type=\"hidden\"", StringComparison.Ordinal))
            .Select(input => (Name: WebUtility.HtmlDecode(Attribute(input, "name")), Value: WebUtility.HtmlDecode(Attribute(input, "value"))))
            .Where(h => fields.All(f => f.Name != h.Name))
            .GroupBy(h => h.Name).Select(g => g.First());
        var content = new FormUrlEncodedContent(hidden.Concat(fields).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(formPage, content);
    }

    /// <summary>Signs in through the sign-in page as a demo account and checks it worked.</summary>
    public static async Task SignInAsync(this HttpClient client, string email, string password = DemoPeople.Password)
    {
        var response = await client.PostFormAsync("/account/sign-in", ("Input.Email", email), ("Input.Password", password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {email} gave {(int)response.StatusCode}: {Excerpt(await response.Content.ReadAsStringAsync())}");
    }

    public static string Excerpt(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var main = body.IndexOf("<main", StringComparison.Ordinal);
        var text = main >= 0 ? body[main..] : body;
        text = Tags().Replace(text, " ");
        text = Spaces().Replace(text, " ");
        return text.Length > 600 ? text[..600] : text;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private static string Attribute(string tag, string name) => Regex.Match(tag, $" {name}=\"([^\"]*)\"").Groups[1].Value;

    [GeneratedRegex("<input [^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
