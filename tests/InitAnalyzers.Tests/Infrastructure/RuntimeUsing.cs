namespace InitAnalyzers.Tests.Infrastructure;

/// <summary>The <c>using</c> a fix to the runtime library adds, where the fixer's import puts it.</summary>
public static class RuntimeUsing
{
    /// <summary>
    /// <paramref name="source"/> with <c>using InitAnalyzers.Runtime;</c> after its last <c>using System...;</c> line: the
    /// imports stay sorted, System namespaces first.
    /// </summary>
    public static string WithRuntimeUsing(this string source)
    {
        var last = source.LastIndexOf("\nusing System", System.StringComparison.Ordinal);
        var start = last < 0 ? (source.StartsWith("using System", System.StringComparison.Ordinal) ? 0 : -1) : last + 1;
        if (start < 0)
        {
            return "using InitAnalyzers.Runtime;\n" + source;
        }

        var end = source.IndexOf('\n', start) + 1;
        return source.Insert(end, "using InitAnalyzers.Runtime;\n");
    }
}
