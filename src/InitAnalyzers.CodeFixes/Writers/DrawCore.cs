using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.CodeFixes.Writers;

/// <summary>How the part of the user's draw that a fix keeps is distributed, which says how to rescale it.</summary>
internal enum DrawForm
{
    /// <summary>U[0, 1): <c>random.NextDouble()</c>, <c>NextSingle()</c>; centred as <c>core * 2 - 1</c>, then scaled by the bound.</summary>
    UnitUniform,

    /// <summary>U(-1, 1): <c>random.NextDouble() * 2 - 1</c>, a helper returning it; scaled by the bound.</summary>
    CentredUniform,

    /// <summary>A ranged call, <c>Random.Range(a, b)</c>: its arguments become <c>(-bound, bound)</c>.</summary>
    Range,

    /// <summary>N(0, 1): a Box-Muller transform, a helper returning it; scaled by the standard deviation.</summary>
    StandardNormal,
}

/// <summary>
/// The user's own random draw inside an unscaled weight value (<c>random.NextDouble()</c> in <c>random.NextDouble() - 0.5</c>),
/// kept by the fix so that the random source, its seed and the distribution family stay the user's.
/// </summary>
internal sealed class DrawCore
{
    public DrawCore(ExpressionSyntax syntax, DrawForm form, IMethodSymbol? range)
    {
        Syntax = syntax;
        Form = form;
        Range = range;
    }

    /// <summary>The expression kept, as the user wrote it.</summary>
    public ExpressionSyntax Syntax { get; }

    public DrawForm Form { get; }

    /// <summary>The ranged method (<c>UnityEngine.Random.Range(float, float)</c>) of a <see cref="DrawForm.Range"/> draw.</summary>
    public IMethodSymbol? Range { get; }

    public InitKind Family => Form == DrawForm.StandardNormal ? InitKind.Normal : InitKind.Uniform;
}
