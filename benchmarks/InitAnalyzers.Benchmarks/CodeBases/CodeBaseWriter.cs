using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace InitAnalyzers.Benchmarks.CodeBases;

/// <summary>Lays generated classes out in files of a few classes each, until the code base reaches its size; deterministic for a seed.</summary>
internal static class CodeBaseWriter
{
    private const int ClassesPerFile = 4;

    public static IReadOnlyList<(string Path, string Text)> Generate(string area, IReadOnlyList<Func<Random, string, string>> templates, int targetLines, int seed, string usings = "using System;\nusing System.Collections.Generic;\n")
    {
        var random = new Random(seed);
        var files = new List<(string, string)>();
        var lines = 0;
        var next = 0;
        while (lines < targetLines)
        {
            var fileIndex = files.Count;
            var text = new StringBuilder(usings).Append('\n').Append("namespace ").Append(area).Append(".Part").Append(fileIndex.ToString(CultureInfo.InvariantCulture)).Append(";\n");
            for (var i = 0; i < ClassesPerFile && lines < targetLines; i++)
            {
                // Round robin over the templates, so that any slice of the code base has every kind.
                var template = templates[next % templates.Count];
                var suffix = next.ToString(CultureInfo.InvariantCulture);
                next++;
                var type = template(random, suffix);
                text.Append('\n').Append(type.Replace("\r\n", "\n")).Append('\n');
                lines += CountLines(type) + 1;
            }

            lines += 3;
            files.Add(($"{area}/File{fileIndex.ToString(CultureInfo.InvariantCulture)}.cs", text.ToString()));
        }

        return files;
    }

    public static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

    public static string ElementType(Random random) => random.Next(3) == 0 ? "float" : "double";

    public static int CountLines(string text)
    {
        var count = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                count++;
            }
        }

        return count;
    }
}
