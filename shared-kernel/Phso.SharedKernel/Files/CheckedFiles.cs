using System.Security.Cryptography;
using Phso.SharedKernel.Web;

namespace Phso.SharedKernel.Files;

/// <summary>What was kept of an uploaded file: its type by content, its size and its SHA-256.</summary>
public sealed record CheckedFile(string ContentType, long Size, string Sha256);

/// <summary>
/// Writes an uploaded file only when it is a PDF or an image by its first bytes (never by its name or the type the
/// browser claims) and no larger than the limit, hashing it on the way; a refused file leaves nothing behind. Shared
/// by every module that keeps evidence (complaints' documents, recommendations' evidence), each under its own folder
/// of the data folder, outside the web root.
/// </summary>
public static class CheckedFiles
{
    public static async Task<CheckedFile> WriteAsync(string path, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
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
        long size;
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
                if (size > maxBytes)
                {
                    throw new FileRefusedException($"The selected file must be smaller than {maxBytes / (1024 * 1024)}MB");
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

        return new CheckedFile(contentType, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
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

/// <summary>An uploaded file the service will not keep (empty, not a PDF or image by its content, too large). Not a
/// request's refusal: each page shows it on its own file input, and the API as a problem on its "file" field.</summary>
public sealed class FileRefusedException(string message) : Exception(message);
