using System.Text.Json;

namespace Phso.Modules.Complaints.Features.SubmitComplaint;

/// <summary>The answers of a complaint being written, kept in the person's session (the shared session cache in the
/// database, 60 minutes idle, so any host serves the next page) and nowhere else until it is submitted.</summary>
public sealed class ComplaintDrafts(IHttpContextAccessor httpContext)
{
    private const string Key = "complaint-answers";

    /// <summary>The session, or null on a GET that brought no session cookie: the host runs no session for it, as
    /// there are no answers yet to read (the first question starts from nothing; later ones say the answers expired).</summary>
    private ISession? Session => httpContext.HttpContext?.Features.Get<Microsoft.AspNetCore.Http.Features.ISessionFeature>()?.Session;

    /// <summary>Reads the session from the cache without blocking the request thread; the form's pages call it before
    /// their handlers run, and <see cref="Load"/> then reads what was loaded.</summary>
    public Task ReadSessionAsync(CancellationToken cancellationToken) => Session?.LoadAsync(cancellationToken) ?? Task.CompletedTask;

    public ComplaintAnswers? Load() =>
        Session?.GetString(Key) is { } json ? JsonSerializer.Deserialize<ComplaintAnswers>(json) : null;

    public void Save(ComplaintAnswers answers) =>
        (Session ?? throw new InvalidOperationException("Complaint answers are saved from a POST, which always has a session.")).SetString(Key, JsonSerializer.Serialize(answers));

    public void Clear() => Session?.Remove(Key);
}
