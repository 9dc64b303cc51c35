using System.Diagnostics;
using System.Text.Json;

namespace Phso.Browser.Tests;

/// <summary>
/// The W3C Nu HTML Checker (vnu.jar from the npm package vnu-jar, on the machine's Java) over the pages a test
/// visited, as the server sent them. Pages are collected while a test runs and checked in one run of the checker at the
/// end (starting Java once, not once a page); every error is a problem, warnings are not.
/// </summary>
public sealed class HtmlChecker
{
    private readonly List<(string Name, string Html)> _pages = [];

    public static string JarPath =>
        Environment.GetEnvironmentVariable("PHSO_VNU_JAR") is { Length: > 0 } configured ? configured
        : Path.Combine(RepositoryRoot(), "tests", "Phso.Browser.Tests", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public void Add(string name, string html)
    {
        if (_pages.All(p => p.Name != name))
        {
            _pages.Add((name, html));
        }
    }

    public int Count => _pages.Count;

    /// <summary>Checks every page collected; returns one line per error, naming the page and the line.</summary>
    public async Task<IReadOnlyList<string>> ErrorsAsync()
    {
        if (_pages.Count == 0)
        {
            return [];
        }

        if (!File.Exists(JarPath))
        {
            return [$"The HTML checker is not at {JarPath}: build the browser tests (npm ci installs vnu-jar) or set PHSO_VNU_JAR"];
        }

        var folder = Path.Combine(Path.GetTempPath(), "phso-html-check", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < _pages.Count; i++)
            {
                var file = Path.Combine(folder, $"page{i:000}.html");
                await File.WriteAllTextAsync(file, _pages[i].Html);
                files[Path.GetFileName(file)] = _pages[i].Name;
            }

            var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-Xss4m", "-jar", JarPath, "--errors-only", "--format", "json", "--exit-zero-always" }.Concat(files.Keys.Select(name => Path.Combine(folder, name))))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("java could not be started");
            var output = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var json = await output;
            using var report = JsonDocument.Parse(json.Length == 0 ? "{\"messages\":[]}" : json);
            return [.. report.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error")
                .Select(m => $"{(m.TryGetProperty("url", out var url) && files.TryGetValue((url.GetString() ?? "").Split('/')[^1], out var name) ? name : "?")}" +
                    $" line {(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: HTML error: {m.GetProperty("message").GetString()}")];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Phso.Modular.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Phso.Modular.sln was not found above the tests' folder.");
    }
}
