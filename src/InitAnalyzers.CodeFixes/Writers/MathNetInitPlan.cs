using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers.MathNet;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.CodeFixes.Writers;

/// <summary>
/// What a MathNet fix will write: which node it replaces, in which idiom, and the distribution scaled with
/// <c>WeightInit</c> (<c>new Normal(0, WeightInit.HeStd(fanIn))</c> or <c>new ContinuousUniform(-b, b)</c>).
/// </summary>
internal sealed class MathNetInitPlan
{
    public MathNetInitPlan(SyntaxNode target, TensorShape shape, InitScheme scheme, ExpressionSyntax fanIn, ExpressionSyntax? fanOut, bool orientationKnown)
    {
        Target = target;
        Shape = shape;
        Scheme = scheme;
        FanIn = fanIn;
        FanOut = fanOut;
        OrientationKnown = orientationKnown;
    }

    /// <summary>The factory call or <c>new DenseMatrix(...)</c> that is replaced, or the <c>Clear()</c> call.</summary>
    public SyntaxNode Target { get; }

    public TensorShape Shape { get; }

    /// <summary>The user's <c>Random</c> method's receiver, or the type whose <c>CreateRandom</c> is called; null for <c>Clear()</c>.</summary>
    public ExpressionSyntax? Receiver { get; set; }

    public FactoryIdiom Idiom { get; set; }

    /// <summary>The sizes as the user wrote them: rows and columns of a matrix, the length of a vector.</summary>
    public ExpressionSyntax[] Sizes { get; set; } = System.Array.Empty<ExpressionSyntax>();

    /// <summary>The matrix a <c>Clear()</c> emptied; the fix copies fresh values into it.</summary>
    public ExpressionSyntax? Cleared { get; set; }

    public InitScheme Scheme { get; }

    public ExpressionSyntax FanIn { get; }

    public ExpressionSyntax? FanOut { get; }

    public bool OrientationKnown { get; }

    /// <summary>The random source to keep: the user's <c>System.Random</c>, or <c>new SystemRandomSource(seed, true)</c> for a seeded draw.</summary>
    public ExpressionSyntax? RandomSource { get; set; }

    /// <summary>The seed of <c>Random(r, c, seed)</c>, kept through a seeded <c>SystemRandomSource</c>.</summary>
    public ExpressionSyntax? Seed { get; set; }

    public bool Uniform => Scheme is InitScheme.HeUniform or InitScheme.XavierUniform or InitScheme.LeCunUniform;

    public string Title
    {
        get
        {
            var (name, helper) = Scheme switch
            {
                InitScheme.HeNormal => ("He normal", "new Normal(0, WeightInit.HeStd(fanIn))"),
                InitScheme.HeUniform => ("He uniform", "new ContinuousUniform(-WeightInit.HeBound(fanIn), WeightInit.HeBound(fanIn))"),
                InitScheme.XavierNormal => ("Xavier normal", "new Normal(0, WeightInit.XavierStd(fanIn, fanOut))"),
                InitScheme.XavierUniform => ("Xavier uniform", "new ContinuousUniform(-WeightInit.XavierBound(fanIn, fanOut), WeightInit.XavierBound(fanIn, fanOut))"),
                InitScheme.LeCunNormal => ("LeCun normal", "new Normal(0, WeightInit.LeCunStd(fanIn))"),
                _ => ("LeCun uniform", "new ContinuousUniform(-WeightInit.LeCunBound(fanIn), WeightInit.LeCunBound(fanIn))"),
            };
            return OrientationKnown
                ? $"Draw from {name} ({helper})"
                : $"Draw from {name} ({helper}; orientation unknown, so not He)";
        }
    }
}
