using System.IO.Compression;
using Phso.Modules.Training.Features.CoursePackages;

namespace Phso.Modular.Tests.Training;

/// <summary>Course packages for tests: the demo courses' files, and zips made from files.</summary>
internal static class Packages
{
    public static Dictionary<string, byte[]> Demo(string key) =>
        new(CoursePackage.DemoPackages().Single(p => p.Key == key).Files, StringComparer.Ordinal);

    public static byte[] Zip(IReadOnlyDictionary<string, byte[]> files)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }

        return stream.ToArray();
    }
}
