using System.Text.Json;

namespace Phso.Modules.Complaints.Features.SubmitComplaint;

/// <summary>The answers of a complaint being written, kept in the person's session (server memory, 60 minutes idle)
/// and nowhere else until it is submitted.</summary>
public sealed class ComplaintDrafts(IHttpContextAccessor httpContext)
{
    private const string Key = "complaint-answers";

    private ISession Session => httpContext.HttpContext?.Session ?? throw new InvalidOperationException("Complaint answers need an HTTP session.");

    public ComplaintAnswers? Load() =>
        Session.GetString(Key) is { } json ? JsonSerializer.Deserialize<ComplaintAnswers>(json) : null;

    public void Save(ComplaintAnswers answers) => Session.SetString(Key, JsonSerializer.Serialize(answers));

    public void Clear() => Session.Remove(Key);
}
