using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Phso.SharedKernel.Modules;

namespace Phso.Modules.Publication.Anonymisation;

/// <summary>
/// <c>publication-anonymise --in texts.jsonl --out anonymised.jsonl</c>: the pipeline on any text, for operators to
/// check a text and for measuring it on a corpus. Each input line is a JSON object with <c>text</c> and, optionally,
/// <c>knownNames</c> (names, or objects with <c>name</c>, <c>role</c> and <c>title</c>), <c>bodyNames</c> and
/// <c>smallBody</c>; each output line has the anonymised <c>text</c>, its <c>changes</c>, its <c>flags</c> and the
/// <c>people</c> with their pseudonyms, plus the input's <c>id</c> when it had one. A line that is not such an object
/// is reported with its number and skipped; the exit code is then 1.
/// </summary>
internal static class AnonymiseCommand
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ModuleCommand Create()
    {
        var input = new Option<FileInfo>("--in") { Description = "The texts: one JSON object a line, with \"text\" and optional \"knownNames\"", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where the anonymised texts go (one JSON object a line)", Required = true };
        return new("publication-anonymise", "Anonymises texts as publication does, with every change and every flag, one JSON object a line.", [input, output],
            async (parse, _, cancellationToken) =>
            {
                var from = parse.GetValue(input)!;
                if (!from.Exists)
                {
                    await Console.Error.WriteLineAsync($"{from.FullName} does not exist.");
                    return 2;
                }

                var (texts, problems) = await RunAsync(from.FullName, parse.GetValue(output)!.FullName, cancellationToken);
                await Console.Out.WriteLineAsync($"Anonymised {texts} text(s) into {parse.GetValue(output)!.FullName}.");
                return problems == 0 ? 0 : 1;
            });
    }

    /// <summary>Reads, anonymises and writes line by line; returns how many texts were written and how many lines
    /// were refused.</summary>
    public static async Task<(int Texts, int Problems)> RunAsync(string inPath, string outPath, CancellationToken cancellationToken)
    {
        var (texts, problems, number) = (0, 0, 0);
        await using var writer = new StreamWriter(outPath);
        await foreach (var line in File.ReadLinesAsync(inPath, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (Read(line) is not { } request)
            {
                problems++;
                await Console.Error.WriteLineAsync($"Line {number}: not a JSON object with a \"text\" string; skipped.");
                continue;
            }

            var document = Anonymiser.Start(request.Context);
            var result = document.Anonymise(request.Text);
            var answer = new JsonObject
            {
                ["id"] = request.Id?.DeepClone(),
                ["text"] = result.Text,
                ["changes"] = JsonSerializer.SerializeToNode(result.Changes, Json),
                ["flags"] = JsonSerializer.SerializeToNode(result.Flags, Json),
                ["people"] = new JsonArray([.. document.People.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["pseudonym"] = p.Pseudonym, ["foundInText"] = p.FoundInText })]),
            };
            if (request.Id is null)
            {
                answer.Remove("id");
            }

            await writer.WriteLineAsync(answer.ToJsonString());
            texts++;
        }

        return (texts, problems);
    }

    internal sealed record Request(JsonNode? Id, string Text, AnonymisationContext Context);

    internal static Request? Read(string line)
    {
        try
        {
            if (JsonNode.Parse(line) is not JsonObject item || item["text"] is not JsonValue textValue || !textValue.TryGetValue<string>(out var text))
            {
                return null;
            }

            var known = new List<KnownPerson>();
            foreach (var entry in item["knownNames"] as JsonArray ?? [])
            {
                if (entry is JsonValue value && value.TryGetValue<string>(out var name))
                {
                    known.Add(new KnownPerson(name));
                }
                else if (entry is JsonObject person && person["name"]?.GetValue<string>() is { } personName)
                {
                    var role = Enum.TryParse<PersonRole>(person["role"]?.GetValue<string>(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : PersonRole.Other;
                    known.Add(new KnownPerson(personName, role, person["title"]?.GetValue<string>()));
                }
            }

            var bodies = (item["bodyNames"] as JsonArray ?? []).Select(b => b?.GetValue<string>()).OfType<string>().ToList();
            var small = item["smallBody"] is JsonValue s && s.TryGetValue<bool>(out var isSmall) && isSmall;
            return new Request(item["id"], text, new AnonymisationContext(known, bodies, small));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
