using System.IO.Compression;

namespace Phso.SharedKernel.Files;

/// <summary>
/// Reads an uploaded zip (course packages, plugin packages) into memory by relative path, refusing what could harm the
/// server: entries whose path leads outside the folder (zip slip), too many files, a file or a whole too large (zip
/// bombs are caught by counting what is actually decompressed, not trusting the sizes the zip declares).
/// </summary>
public static class SafeZip
{
    /// <param name="zip">The zip.</param>
    /// <param name="limits">How many files and bytes are allowed.</param>
    /// <param name="unwrapSingleFolder">Read from inside a folder that holds everything (a zip made of a folder).</param>
    public static IReadOnlyDictionary<string, byte[]> Read(Stream zip, ZipLimits limits, bool unwrapSingleFolder = true)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(limits);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            if (entries.Count > limits.MaxFiles)
            {
                throw new SafeZipException("(package)", $"The package has {entries.Count} files; at most {limits.MaxFiles} are allowed");
            }

            var prefix = unwrapSingleFolder && entries.Count > 0 && entries.All(e => e.FullName.Contains('/', StringComparison.Ordinal))
                && entries.Select(e => e.FullName.Split('/')[0]).Distinct().Count() == 1
                ? entries[0].FullName.Split('/')[0] + "/"
                : "";
            long total = 0;
            foreach (var entry in entries)
            {
                var name = entry.FullName.Replace('\\', '/')[prefix.Length..];
                if (name.StartsWith('/') || name.Contains(':', StringComparison.Ordinal) || name.Split('/').Any(part => part is ".." or "." or ""))
                {
                    throw new SafeZipException(entry.FullName, "This file's path leads outside the package");
                }

                using var stream = entry.Open();
                using var copy = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    copy.Write(buffer, 0, read);
                    total += read;
                    if (copy.Length > limits.MaxFileBytes)
                    {
                        throw new SafeZipException(name, $"This file is larger than {Describe(limits.MaxFileBytes)}");
                    }

                    if (total > limits.MaxTotalBytes)
                    {
                        throw new SafeZipException("(package)", $"The package's files come to more than {Describe(limits.MaxTotalBytes)}");
                    }
                }

                files[name] = copy.ToArray();
            }
        }
        catch (InvalidDataException)
        {
            throw new SafeZipException("(package)", "The file is not a zip file");
        }

        return files;
    }

    private static string Describe(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";
}

/// <summary>How much a zip may hold.</summary>
public sealed record ZipLimits(int MaxFiles, long MaxFileBytes, long MaxTotalBytes);

/// <summary>A zip was refused: the path within it (or "(package)") and what is wrong.</summary>
public sealed class SafeZipException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;

    public string Problem { get; } = problem;
}
