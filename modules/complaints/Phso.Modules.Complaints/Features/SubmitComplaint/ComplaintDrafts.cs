using System.Text.Json;

namespace Phso.Modules.Complaints.Features.SubmitComplaint;

/// <summary>The answers of a complaint being written, kept in the person's session (the shared session cache in the
/// database, 60 minutes idle, so any host serves the next page) and nowhere else until it is submitted.</summary>
public sealed class ComplaintDrafts(IHttpContextAccessor httpContext)
{
    private const string Key = "complaint-answers";

    private ISession Session => httpContext.HttpContext?.Session ?? throw new InvalidOperationException("Complaint answers need an HTTP session.");

    /// <summary>Reads the session from the cache without blocking the request thread; the form's pages call it before
    /// their handlers run, and <see cref="Load"/> then reads what was loaded.</summary>
    public Task ReadSessionAsync(CancellationToken cancellationToken) => Session.LoadAsync(cancellationToken);

    public ComplaintAnswers? Load() =>
        Session.GetString(Key) is { } json ? JsonSerializer.Deserialize<ComplaintAnswers>(json) : null;

    public void Save(ComplaintAnswers answers) => Session.SetString(Key, JsonSerializer.Serialize(answers));

    public void Clear() => Session.Remove(Key);
}
