using System.Linq;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.MathNet;

/// <summary>
/// Says what a matrix assigned to a weight field holds: zeros, one constant, a random draw (with its distribution
/// when recognized), or unknown values. Reads through a one-expression helper of the same file
/// (<c>W1 = NewLayer(h, n)</c>), reporting at the call.
/// </summary>
internal static class MatrixValues
{
    private const int MaxHelperDepth = 1;

    /// <summary>What assigning <paramref name="value"/> writes; null when it holds nothing yet (<c>null</c>, <c>default</c>).</summary>
    public static MatrixWrite? Classify(IOperation value, MathNetTypes types) => Classify(value, value.Syntax.GetLocation(), types, MaxHelperDepth);

    private static MatrixWrite? Classify(IOperation value, Location location, MathNetTypes types, int depth)
    {
        var stripped = value.WalkDownConversions();
        if (stripped is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation)
        {
            return null;
        }

        if (MathNetFactory.Read(stripped, types) is { } factory)
        {
            return FromFactory(factory, location, types);
        }

        if (depth > 0 && stripped is IInvocationOperation { TargetMethod: { } helper } call && !MathNetTypes.IsMathNetMethod(helper)
            && helper.SingleReturnedExpression(call) is { } returned && returned.WalkDownConversions() is not IParameterReferenceOperation)
        {
            return Classify(returned, location, types, depth - 1);
        }

        return new MatrixWrite(MatrixWriteKind.ValueWrite, location, random: RandomSources.ContainsRandomDraw(stripped));
    }

    private static MatrixWrite FromFactory(MathNetFactory factory, Location location, MathNetTypes types)
    {
        switch (factory.Content)
        {
            case FactoryContent.Zeros:
                return new MatrixWrite(MatrixWriteKind.ZeroAllocation, location);
            case FactoryContent.Value:
                return Constant(factory.Argument!, location) ?? new MatrixWrite(MatrixWriteKind.ValueWrite, location);
            case FactoryContent.StandardNormal or FactoryContent.SeededStandardNormal:
                return new MatrixWrite(MatrixWriteKind.ValueWrite, location, draw: RandomDraw.Normal(0, 1));
            case FactoryContent.Distribution:
                return new MatrixWrite(MatrixWriteKind.ValueWrite, location, draw: MathNetDistributions.Read(factory.Argument!, types), random: true);
            default:
                return FromFunction(factory.Argument!, location);
        }
    }

    /// <summary><c>(i, j) =&gt; random.NextDouble()</c> or a method group: what one element receives.</summary>
    private static MatrixWrite FromFunction(IOperation function, Location location)
    {
        var element = ElementExpression(function.WalkDownConversions());
        if (element is null)
        {
            return new MatrixWrite(MatrixWriteKind.ValueWrite, location);
        }

        if (Constant(element, location) is { } constant)
        {
            return constant;
        }

        return new MatrixWrite(MatrixWriteKind.ValueWrite, location, draw: RandomDrawRecognizer.Recognize(element), random: RandomSources.ContainsRandomDraw(element));
    }

    /// <summary>The single expression a lambda or a method group returns for each element.</summary>
    public static IOperation? ElementExpression(IOperation function)
    {
        switch (function)
        {
            case IDelegateCreationOperation { Target: var target }:
                return ElementExpression(target);
            case IAnonymousFunctionOperation lambda:
                var returns = lambda.Body.DescendantsAndSelf().OfType<IReturnOperation>().Where(ret => ret.ReturnedValue is not null).ToList();
                return returns.Count == 1 && lambda.Body.DescendantsAndSelf().OfType<IAnonymousFunctionOperation>().Count() == 0 ? returns[0].ReturnedValue : null;
            case IMethodReferenceOperation { Method: var method } reference:
                return method.SingleReturnedExpression(reference);
            default:
                return null;
        }
    }

    private static MatrixWrite? Constant(IOperation value, Location location) => value.NumericConstant() switch
    {
        0 => new MatrixWrite(MatrixWriteKind.ZeroAllocation, location),
        { } constant => new MatrixWrite(MatrixWriteKind.ConstantFill, location, constant),
        null => null,
    };
}
