using System.Linq;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers.Activations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.MathNet;

/// <summary>
/// Recognizes an activation applied to a whole MathNet matrix or vector, by what it computes:
/// <c>.Map(Math.Tanh)</c>, <c>.Map(x =&gt; Math.Max(0, x))</c>, <c>.Map(Sigmoid)</c> (read through the method), <c>.PointwiseTanh()</c>,
/// <c>.PointwiseMaximum(0)</c>, and a one-expression helper over the matrix (<c>Relu(z) =&gt; z.Map(...)</c>).
/// </summary>
internal static class MatrixActivations
{
    private const int MaxHelperDepth = 2;

    /// <summary>
    /// The activation an instance call on a matrix applies: null when the call is not element-wise
    /// (the caller decides what else it may be), <see cref="ActivationKind.Unknown"/> when it is but is not recognized.
    /// </summary>
    public static ActivationKind? OfInstanceCall(IInvocationOperation call)
    {
        var arguments = call.Arguments.Where(argument => argument.ArgumentKind != ArgumentKind.DefaultValue).Select(argument => argument.Value).ToList();
        return call.TargetMethod.Name switch
        {
            "Map" or "MapInplace" when arguments.Count >= 1 => OfFunction(arguments[0]),
            "PointwiseTanh" when arguments.Count == 0 => ActivationKind.Tanh,
            "PointwiseMaximum" when arguments.Count == 1 && arguments[0].NumericConstant() == 0 => ActivationKind.ReLU,
            "Map" or "MapInplace" or "MapIndexed" or "MapIndexedInplace" => ActivationKind.Unknown,
            var name when name.StartsWith("Pointwise", System.StringComparison.Ordinal) && name is not "PointwiseMultiply" and not "PointwiseDivide" => ActivationKind.Unknown,
            _ => null,
        };
    }

    /// <summary>The activation a scalar function applies: a method group (<c>Math.Tanh</c>, <c>Sigmoid</c>) or a lambda.</summary>
    public static ActivationKind OfFunction(IOperation function)
    {
        switch (function.WalkDownConversions())
        {
            case IDelegateCreationOperation { Target: var target }:
                return OfFunction(target);
            case IMethodReferenceOperation { Method: var method } reference:
                return OfScalarMethod(method, reference);
            case IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } lambda when MatrixValues.ElementExpression(lambda) is { } body:
                return HandWrittenActivations.Recognize(body, lambda.Symbol.Parameters[0]);
            default:
                return ActivationKind.Unknown;
        }
    }

    /// <summary><c>Math.Tanh</c>, or a one-parameter method whose body computes an activation of its parameter.</summary>
    public static ActivationKind OfScalarMethod(IMethodSymbol method, IOperation site)
    {
        if (method.ContainingType is { Name: "Math" or "MathF", ContainingNamespace.Name: "System" })
        {
            return method.Name == "Tanh" ? ActivationKind.Tanh : ActivationKind.Unknown;
        }

        return method.Parameters.Length == 1 && method.SingleReturnedExpression(site) is { } body
            ? HandWrittenActivations.Recognize(body, method.Parameters[0])
            : ActivationKind.Unknown;
    }

    /// <summary>
    /// A helper that takes the layer's output and returns the activated matrix (<c>static Matrix&lt;double&gt; Relu(Matrix&lt;double&gt; z) =&gt; z.Map(...)</c>),
    /// or a scalar one applied to a dot product (<c>Sigmoid(w.DotProduct(x) + b)</c>).
    /// </summary>
    public static ActivationKind OfHelper(IInvocationOperation call, IArgumentOperation argument) => OfHelper(call, argument, MaxHelperDepth);

    private static ActivationKind OfHelper(IInvocationOperation call, IArgumentOperation argument, int depth)
    {
        var method = call.TargetMethod;
        if (argument.Parameter is not { } parameter)
        {
            return ActivationKind.Unknown;
        }

        if (method.ContainingType is { Name: "Math" or "MathF", ContainingNamespace.Name: "System" })
        {
            var others = call.Arguments.Where(other => other != argument).ToList();
            return method.Name switch
            {
                "Tanh" => ActivationKind.Tanh,
                "Max" when others.Count == 1 && others[0].Value.NumericConstant() == 0 => ActivationKind.ReLU,
                _ => ActivationKind.Unknown,
            };
        }

        if (depth == 0 || method.Parameters.Length != 1 || method.SingleReturnedExpression(call) is not { } body)
        {
            return ActivationKind.Unknown;
        }

        if (parameter.Type.SpecialType is SpecialType.System_Double or SpecialType.System_Single)
        {
            return HandWrittenActivations.Recognize(body, method.Parameters[0]);
        }

        return OfMatrixExpression(body.WalkDownConversions(), method.Parameters[0], depth - 1);
    }

    /// <summary>What a helper's returned expression applies to its matrix parameter.</summary>
    private static ActivationKind OfMatrixExpression(IOperation body, IParameterSymbol parameter, int depth)
    {
        if (body is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
        {
            return ActivationKind.Linear;
        }

        if (body is IInvocationOperation { Instance: { } instance } call && instance.WalkDownConversions() is IParameterReferenceOperation target
            && SymbolEqualityComparer.Default.Equals(target.Parameter, parameter))
        {
            return OfInstanceCall(call) ?? ActivationKind.Unknown;
        }

        if (body is IInvocationOperation { Instance: null } helper && helper.Arguments.Length == 1
            && helper.Arguments[0].Value.WalkDownConversions() is IParameterReferenceOperation passed && SymbolEqualityComparer.Default.Equals(passed.Parameter, parameter))
        {
            return OfHelper(helper, helper.Arguments[0], depth);
        }

        return ActivationKind.Unknown;
    }
}
