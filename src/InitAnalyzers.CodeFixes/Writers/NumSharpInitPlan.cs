using System.Collections.Immutable;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.CodeFixes.Writers;

/// <summary>What a NumSharp fix will write: which expression it replaces, with which draw, scale, shape and element type.</summary>
internal sealed class NumSharpInitPlan
{
    public NumSharpInitPlan(ExpressionSyntax target, InitScheme scheme, ExpressionSyntax fanIn, ExpressionSyntax? fanOut, bool orientationKnown, ExpressionSyntax? random, ExpressionSyntax? shape, ImmutableArray<ExpressionSyntax> dimensions, ArgumentListSyntax? asType, ITypeSymbol? asTypeArgument)
    {
        Target = target;
        Scheme = scheme;
        FanIn = fanIn;
        FanOut = fanOut;
        OrientationKnown = orientationKnown;
        Random = random;
        Shape = shape;
        Dimensions = dimensions;
        AsType = asType;
        AsTypeArgument = asTypeArgument;
    }

    /// <summary>The array expression that is replaced: <c>np.zeros((a, b))</c>, <c>np.random.randn(a, b) * 0.01</c>.</summary>
    public ExpressionSyntax Target { get; }

    public InitScheme Scheme { get; }

    public ExpressionSyntax FanIn { get; }

    public ExpressionSyntax? FanOut { get; }

    public bool OrientationKnown { get; }

    /// <summary>The user's <c>NumPyRandom</c> (<c>np.random</c>, a seeded <c>rng</c>); null to write <c>np.random</c>.</summary>
    public ExpressionSyntax? Random { get; }

    /// <summary>The shape as the user wrote it, when it converts to <c>Shape</c>; null to write <c>new Shape(dimensions)</c>.</summary>
    public ExpressionSyntax? Shape { get; }

    public ImmutableArray<ExpressionSyntax> Dimensions { get; }

    /// <summary>The arguments of the <c>.astype(...)</c> that keeps the user's element type, if it is not float64.</summary>
    public ArgumentListSyntax? AsType { get; }

    /// <summary>When the element type came from a type argument (<c>np.zeros&lt;float&gt;</c>): the type, written as <c>np.float32</c> or <c>typeof(T)</c>.</summary>
    public ITypeSymbol? AsTypeArgument { get; }

    public bool IsUniform => Scheme is InitScheme.HeUniform or InitScheme.XavierUniform or InitScheme.LeCunUniform;

    public string Title
    {
        get
        {
            var (name, scale) = Scheme switch
            {
                InitScheme.HeNormal => ("He normal", "HeStd"),
                InitScheme.HeUniform => ("He uniform", "HeBound"),
                InitScheme.XavierNormal => ("Xavier normal", "XavierStd"),
                InitScheme.XavierUniform => ("Xavier uniform", "XavierBound"),
                InitScheme.LeCunNormal => ("LeCun normal", "LeCunStd"),
                _ => ("LeCun uniform", "LeCunBound"),
            };
            var draw = IsUniform ? "np.random.uniform" : "np.random.normal";
            var note = OrientationKnown ? string.Empty : "; orientation unknown, so not He";
            return $"Initialize with {name} ({draw}, WeightInit.{scale}{note})";
        }
    }
}
