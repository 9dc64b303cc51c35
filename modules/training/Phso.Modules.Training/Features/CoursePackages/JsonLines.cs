using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Phso.SharedKernel.Files;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Phso.Modules.Training.Contracts;
using Phso.Modules.Training.Domain;

namespace Phso.Modules.Training.Features.CoursePackages;

/// <summary>The line on which each JSON value starts, by its path ($.sections[0].lessons[1].file), for messages.</summary>
internal sealed class JsonLines
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public static JsonLines Map(byte[] json)
    {
        var map = new JsonLines();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new Stack<(string Path, int Index, bool IsArray)>();
        string? property = null;
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        int LineAt(long offset) => lineStarts.BinarySearch((int)offset) is var found && found >= 0 ? found + 1 : ~found;

        string Current()
        {
            if (path.Count == 0)
            {
                return "$";
            }

            var (parent, index, isArray) = path.Peek();
            return isArray ? $"{parent}[{index}]" : $"{parent}.{property}";
        }

        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    map._lines.TryAdd(Current(), LineAt(reader.TokenStartIndex));
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var here = Current();
                    map._lines.TryAdd(here, LineAt(reader.TokenStartIndex));
                    path.Push((here, 0, reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    path.Pop();
                    Advance(path);
                    break;
                default:
                    map._lines.TryAdd(Current(), LineAt(reader.TokenStartIndex));
                    Advance(path);
                    break;
            }
        }

        return map;
    }

    /// <summary>The line of the value at <paramref name="path"/>, or of the nearest enclosing value written.</summary>
    public int? LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = p[..Math.Max(p.LastIndexOfAny(['.', '[']), 0)])
        {
            if (_lines.TryGetValue(p, out var line))
            {
                return line;
            }
        }

        return _lines.GetValueOrDefault("$", 1);
    }

    private static void Advance(Stack<(string Path, int Index, bool IsArray)> path)
    {
        if (path.Count > 0 && path.Peek() is { IsArray: true } top)
        {
            path.Pop();
            path.Push(top with { Index = top.Index + 1 });
        }
    }
}
