using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Phso.Modules.Complaints.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Modules;

namespace Phso.Modules.Complaints.Evidence;

/// <summary>A file saved for a complaint that has not been submitted yet.</summary>
public sealed record DraftFile(Guid Id, string FileName, string ContentType, long Size, string Sha256);

/// <summary>
/// Evidence and case documents: PDF and images only, recognised by their first bytes (never by name or the browser's
/// claim), size-limited, stored outside the web root under the data folder with their SHA-256, and only ever served
/// as downloads.
/// </summary>
public sealed class EvidenceStore(IConfiguration configuration, IHostEnvironment environment, IOptions<ComplaintsOptions> options, TimeProvider clock)
{
    private string Root => Path.Combine(ModularMonolith.DataFolder(configuration, environment), "evidence");

    public long MaxBytes => options.Value.MaxEvidenceBytes;

    /// <summary>Saves a file uploaded with an unsent complaint, in its draft's folder.</summary>
    public async Task<DraftFile> SaveDraftAsync(Guid draftId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var (contentType, size, sha) = await WriteAsync(Path.Combine(Root, "drafts", draftId.ToString("N"), id.ToString("N")), content, cancellationToken);
        return new DraftFile(id, CleanName(fileName), contentType, size, sha);
    }

    /// <summary>Moves a draft's file to its case, as a document from the complainant.</summary>
    public CaseDocument AttachDraft(Guid draftId, DraftFile file, Guid complaintId, string addedBy)
    {
        ArgumentNullException.ThrowIfNull(file);
        var source = Path.Combine(Root, "drafts", draftId.ToString("N"), file.Id.ToString("N"));
        if (!File.Exists(source))
        {
            throw new RuleViolationException($"The file {file.FileName} is no longer available. Upload it again.");
        }

        var target = PathOf(complaintId, file.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(source, target, overwrite: true);
        return new CaseDocument
        {
            Id = file.Id, ComplaintId = complaintId, FileName = file.FileName, ContentType = file.ContentType, Size = file.Size, Sha256 = file.Sha256,
            AddedAt = clock.GetUtcNow(), AddedBy = addedBy, FromComplainant = true,
        };
    }

    /// <summary>Saves a file straight onto a case.</summary>
    public async Task<CaseDocument> SaveForCaseAsync(Guid complaintId, string fileName, Stream content, string addedBy, bool fromComplainant, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var (contentType, size, sha) = await WriteAsync(PathOf(complaintId, id), content, cancellationToken);
        return new CaseDocument
        {
            Id = id, ComplaintId = complaintId, FileName = CleanName(fileName), ContentType = contentType, Size = size, Sha256 = sha,
            AddedAt = clock.GetUtcNow(), AddedBy = addedBy, FromComplainant = fromComplainant,
        };
    }

    public Stream Open(CaseDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return File.OpenRead(PathOf(document.ComplaintId, document.Id));
    }

    public void DeleteDraftFile(Guid draftId, Guid fileId)
    {
        var path = Path.Combine(Root, "drafts", draftId.ToString("N"), fileId.ToString("N"));
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Deletes the files of complaints started but never sent, once their answers have expired.</summary>
    public int DeleteAbandonedDrafts(TimeSpan olderThan)
    {
        var folder = Path.Combine(Root, "drafts");
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var cutoff = clock.GetUtcNow().UtcDateTime - olderThan;
        var stale = Directory.GetDirectories(folder).Where(d => Directory.GetLastWriteTimeUtc(d) < cutoff).ToList();
        stale.ForEach(d => Directory.Delete(d, recursive: true));
        return stale.Count;
    }

    private string PathOf(Guid complaintId, Guid documentId) => Path.Combine(Root, "cases", complaintId.ToString("N"), documentId.ToString("N"));

    private async Task<(string ContentType, long Size, string Sha256)> WriteAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        var file = await CheckedFiles.WriteAsync(path, content, MaxBytes, cancellationToken);
        return (file.ContentType, file.Size, file.Sha256);
    }

    /// <summary>The file's own name, without any path, control characters or characters unsafe in headers, at most 100 characters.</summary>
    public static string CleanName(string fileName) => CheckedFiles.CleanName(fileName);
}

/// <summary>Private links for complainants: 256 random bits, of which only the SHA-256 is stored.</summary>
public static class AccessTokens
{
    public static (string Token, string Hash) Create()
    {
        var token = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token ?? "")));
}
