using System;
using System.Linq;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.MathNet;

/// <summary>
/// Reads the <c>IContinuousDistribution</c> a MathNet factory draws from: <c>new Normal()</c> and <c>new Normal(rng)</c>
/// are N(0, 1), <c>new Normal(m, s[, rng])</c> and <c>Normal.WithMeanStdDev</c> are N(m, s), <c>new ContinuousUniform()</c>
/// is U(0, 1) (its documented default), <c>new ContinuousUniform(a, b[, rng])</c> is U(a, b). A scale computed from a
/// variable is marked as scaled by size. Null for other distributions: random, but of unknown shape.
/// </summary>
internal static class MathNetDistributions
{
    public static RandomDraw? Read(IOperation distribution, MathNetTypes types) => Read(distribution, types, depth: 2);

    private static RandomDraw? Read(IOperation distribution, MathNetTypes types, int depth)
    {
        var value = distribution.WalkDownConversions();
        switch (value)
        {
            case ILocalReferenceOperation local when depth > 0 && BodyIndex.Of(local).SingleValue(local.Local) is { } assigned:
                return Read(assigned, types, depth - 1);
            case IObjectCreationOperation { Constructor: { } constructor } creation:
                return FromParameters(constructor.ContainingType, creation.Arguments, types);
            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "WithMeanStdDev" or "WithMeanVariance" } method } invocation:
                var draw = FromParameters(method.ContainingType, invocation.Arguments, types);
                return method.Name != "WithMeanVariance" ? draw
                    : draw is { ScaledBySize: false } ? RandomDraw.Normal(draw.First, Math.Sqrt(draw.Second))
                    : draw?.WithSizeScale(); // a variance, not a std: no scheme read from it
            default:
                return null;
        }
    }

    private static RandomDraw? FromParameters(INamedTypeSymbol type, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, MathNetTypes types)
    {
        var numbers = arguments.Where(argument => argument.Parameter?.Type.SpecialType == SpecialType.System_Double).Select(argument => argument.Value).ToList();
        if (SymbolEqualityComparer.Default.Equals(type, types.Normal))
        {
            return numbers.Count switch
            {
                0 => RandomDraw.Normal(0, 1),
                2 => Number(numbers[0]) is { } mean && Number(numbers[1]) is { } std ? RandomDraw.Normal(mean, std)
                    : Number(numbers[0]) == 0 ? Values.SchemeFormula.Scale(RandomDraw.Normal(0, 1), numbers[1], divides: false) : RandomDraw.Normal(0, 1).WithSizeScale(),
                _ => null,
            };
        }

        if (SymbolEqualityComparer.Default.Equals(type, types.ContinuousUniform))
        {
            return numbers.Count switch
            {
                0 => RandomDraw.Uniform(0, 1),
                2 => Number(numbers[0]) is { } low && Number(numbers[1]) is { } high ? RandomDraw.Uniform(low, high)
                    : numbers[0].IsNegationOf(numbers[1]) ? Values.SchemeFormula.Scale(RandomDraw.Uniform(-1, 1), numbers[1], divides: false) : RandomDraw.Uniform(-1, 1).WithSizeScale(),
                _ => null,
            };
        }

        return null;
    }

    /// <summary>A compile-time number, or a local assigned one once (<c>var std = 0.01;</c>).</summary>
    private static double? Number(IOperation operation)
    {
        if (operation.NumericConstant() is { } constant)
        {
            return constant;
        }

        return operation.WalkDownConversions() is ILocalReferenceOperation local && BodyIndex.Of(local).SingleValue(local.Local) is { } assigned
            ? assigned.NumericConstant()
            : null;
    }
}
