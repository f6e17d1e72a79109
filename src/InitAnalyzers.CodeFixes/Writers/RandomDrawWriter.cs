using System;
using System.Linq;
using System.Threading;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers;
using InitAnalyzers.Recognizers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace InitAnalyzers.CodeFixes.Writers;

/// <summary>
/// Rescales an unscaled random weight value in place, keeping the user's draw and its family: a uniform draw becomes
/// <c>(random.NextDouble() * 2 - 1) * WeightInit.HeBound(fanIn)</c> (Unity: <c>Random.Range(-bound, bound)</c>), a standard
/// normal becomes <c>Gaussian() * WeightInit.HeStd(fanIn)</c>. Fixed factors and shifts around the draw are dropped, and so is a
/// scheme's formula that does not suit the activation (<c>Gaussian() * Math.Sqrt(2.0 / n)</c> before tanh).
/// </summary>
internal static class RandomDrawWriter
{
    /// <summary>
    /// The outermost part of <paramref name="value"/> that is already a unit draw (U[0, 1), U(-1, 1), N(0, 1) or a ranged call),
    /// so the user's spelling of it is kept; null when the value is not one recognized draw under constant factors and shifts.
    /// </summary>
    public static DrawCore? Find(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
    {
        // An unscaled draw (INIT004), or one under a scheme's formula (INIT003), whose formula the fix replaces.
        if (model.GetOperation(value, cancellationToken) is not { } operation || RandomDrawRecognizer.Recognize(operation) is not { } whole || (whole.ScaledBySize && whole.Scheme is null && whole.MalformedScale is null))
        {
            return null;
        }

        for (var current = operation.WalkDownConversions(); current is not null; current = Inner(current))
        {
            if (RandomDrawRecognizer.Recognize(current) is not { } draw || draw.Family != whole.Family || (draw.ScaledBySize && draw.Scheme is null && draw.MalformedScale is null))
            {
                return null;
            }

            if (!draw.ScaledBySize && draw.Zeroing is null && Form(current, draw) is { } form && current.Syntax is ExpressionSyntax syntax)
            {
                return new DrawCore(syntax, form, form == DrawForm.Range ? ((IInvocationOperation)current).TargetMethod : null);
            }
        }

        return null;
    }

    /// <summary>Builds the rescaled value for <paramref name="plan"/>'s scheme and fans, cast to the element type where it is <c>float</c>.</summary>
    public static SyntaxNode Build(ArrayInitPlan plan, DrawCore core, SyntaxGenerator generator, INamedTypeSymbol weightInit, SemanticModel model)
    {
        var type = generator.TypeExpression(weightInit).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        var (method, fans) = plan.Scheme switch
        {
            InitScheme.HeNormal or InitScheme.HeUniform => ("He", new[] { plan.FanIn }),
            InitScheme.XavierNormal or InitScheme.XavierUniform => ("Xavier", new[] { plan.FanIn, plan.FanOut! }),
            _ => ("LeCun", new[] { plan.FanIn }),
        };
        var scale = generator.InvocationExpression(generator.MemberAccessExpression(type, method + (core.Family == InitKind.Normal ? "Std" : "Bound")), fans.Select(fan => generator.Argument(fan)));
        var kept = core.Syntax.WithoutTrivia();
        var single = SpecialType.System_Single;
        SyntaxNode value;
        var isSingle = false;
        switch (core.Form)
        {
            case DrawForm.UnitUniform:
                value = generator.MultiplyExpression(generator.SubtractExpression(generator.MultiplyExpression(kept, generator.LiteralExpression(2)), generator.LiteralExpression(1)), scale);
                break;
            case DrawForm.Range when core.Range is { } range && kept is InvocationExpressionSyntax call:
                // Random.Range(-bound, bound) through the user's own spelling of Random; Unity's Range takes floats.
                var bound = range.Parameters[0].Type.SpecialType == single ? generator.CastExpression(generator.TypeExpression(single), scale) : scale;
                value = generator.InvocationExpression(call.Expression, generator.Argument(generator.NegateExpression(bound)), generator.Argument(bound));
                isSingle = range.ReturnType.SpecialType == single;
                break;
            default:
                value = generator.MultiplyExpression(kept, scale);
                break;
        }

        if (!isSingle && model.GetTypeInfo(plan.Target).ConvertedType?.SpecialType == single)
        {
            value = generator.CastExpression(generator.TypeExpression(single), value);
        }

        return value.WithTriviaFrom(plan.Target);
    }

    /// <summary>The operand that carries the draw, one level in: through a negation, or the drawn side of an affine step.</summary>
    private static IOperation? Inner(IOperation operation) => operation switch
    {
        IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus => minus.Operand.WalkDownConversions(),
        IBinaryOperation binary when RandomDrawRecognizer.Recognize(binary.LeftOperand) is not null => binary.LeftOperand.WalkDownConversions(),
        IBinaryOperation binary when RandomDrawRecognizer.Recognize(binary.RightOperand) is not null => binary.RightOperand.WalkDownConversions(),
        _ => null,
    };

    /// <summary>
    /// A helper that draws uniformly between the two numbers it is given (<c>RandomValue(lower, upper)</c>), whatever they are:
    /// read with two made-up pairs, so that a helper that also scales or shifts them is not taken for one.
    /// </summary>
    private static bool DrawsBetweenItsArguments(IMethodSymbol helper, IInvocationOperation call) =>
        helper.SingleReturnedExpression(call) is { } returned
        && Draws(returned, helper, -1, 1) && Draws(returned, helper, 2, 5);

    private static bool Draws(IOperation returned, IMethodSymbol helper, double low, double high) =>
        RandomDrawRecognizer.Recognize(returned, ParameterValues.Probe(helper.Parameters, new[] { low, high })) is { Family: InitKind.Uniform, ScaledBySize: false } draw
        && Math.Abs(draw.First - low) < 1e-12 && Math.Abs(draw.Second - high) < 1e-12;

    private static DrawForm? Form(IOperation operation, RandomDraw draw)
    {
        if (draw.Family == InitKind.Normal)
        {
            return draw.Mean == 0 && draw.StandardDeviation == 1 ? DrawForm.StandardNormal : null;
        }

        if (operation is IInvocationOperation { Arguments.Length: 2, TargetMethod: var range } call
            && range.Parameters.All(parameter => parameter.Type.SpecialType is SpecialType.System_Single or SpecialType.System_Double)
            && (range.ContainingType.Name == "Random" || DrawsBetweenItsArguments(range, call)))
        {
            return DrawForm.Range;
        }

        return draw switch
        {
            { First: 0, Second: 1 } => DrawForm.UnitUniform,
            { First: -1, Second: 1 } => DrawForm.CentredUniform,
            _ => null,
        };
    }
}
