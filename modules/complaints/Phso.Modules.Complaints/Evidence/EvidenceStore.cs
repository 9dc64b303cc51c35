using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Phso.Modules.Complaints.Domain;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Modules;
using Phso.SharedKernel.Web;

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
        var head = new byte[16];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            throw new FileRefusedException("The selected file is empty");
        }

        var contentType = FileSignatures.Detect(head.AsSpan(0, read))
            ?? throw new FileRefusedException("The selected file must be a PDF, JPG, PNG, GIF or WebP");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using var output = File.Create(path);
            var buffer = new byte[81920];
            hash.AppendData(head, 0, read);
            await output.WriteAsync(head.AsMemory(0, read), cancellationToken);
            size = read;
            for (var count = await content.ReadAsync(buffer, cancellationToken); count > 0; count = await content.ReadAsync(buffer, cancellationToken))
            {
                size += count;
                if (size > MaxBytes)
                {
                    throw new FileRefusedException($"The selected file must be smaller than {MaxBytes / (1024 * 1024)}MB");
                }

                hash.AppendData(buffer, 0, count);
                await output.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return (contentType, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The file's own name, without any path, control characters or characters unsafe in headers, at most 100 characters.</summary>
    public static string CleanName(string fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))]).Trim();
        if (name.Length > 100)
        {
            var extension = Path.GetExtension(name);
            name = name[..(100 - extension.Length)] + extension;
        }

        return name.Length == 0 ? "document" : name;
    }
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

/// <summary>An uploaded file the service will not keep (empty, not a PDF or image by its content, too large). Not a
/// request's refusal: each page shows it on its own file input, and the API as a problem on its "file" field.</summary>
public sealed class FileRefusedException(string message) : Exception(message);
