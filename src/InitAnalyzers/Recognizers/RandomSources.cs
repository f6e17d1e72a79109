using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers;

/// <summary>Recognizes a draw from a random source: <c>System.Random</c>, Unity's <c>Random</c>, MathNet distributions, or a user helper that says so.</summary>
internal static class RandomSources
{
    /// <summary>Parts of a helper's name (any case) that say it draws: <c>RandomWeight</c>, <c>NextGaussian</c>, <c>SampleNoise</c>.</summary>
    public static readonly string[] DrawingNameParts = { "Rand", "Gauss", "Noise", "Mutat", "Uniform", "Sample" };

    /// <summary>The prefix of <c>System.Random</c>'s draws and of helpers named after them (<c>NextDouble</c>, <c>NextGaussian</c>).</summary>
    public const string DrawingNamePrefix = "Next";

    /// <summary>True when <paramref name="operation"/> contains a call that draws a random number.</summary>
    public static bool ContainsRandomDraw(IOperation operation)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is IInvocationOperation invocation && IsRandomDraw(invocation.TargetMethod))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsRandomDraw(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (type.Name == "Random" || type.ContainingNamespace?.ToDisplayString() == "MathNet.Numerics.Distributions")
        {
            return true;
        }

        // A user helper such as Initialiser.Weight() is recognized by its name: names are secondary evidence,
        // and here they only ever silence INIT001 (a write of unknown random values is not a zero).
        var name = method.Name;
        return Array.Exists(DrawingNameParts, part => Contains(name, part)) || name.StartsWith(DrawingNamePrefix, StringComparison.Ordinal);
    }

    private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
}
