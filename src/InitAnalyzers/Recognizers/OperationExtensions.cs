using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers;

internal static class OperationExtensions
{
    public static IEnumerable<IOperation> DescendantsAndSelf(this IOperation operation)
    {
        var stack = new Stack<IOperation>();
        stack.Push(operation);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in current.ChildOperations)
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>Steps up through implicit and explicit conversions (<c>(double)w[i]</c>, float to double).</summary>
    public static IOperation WalkUpConversions(this IOperation operation)
    {
        while (operation.Parent is IConversionOperation conversion)
        {
            operation = conversion;
        }

        return operation;
    }

    public static IOperation WalkDownConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The outermost operation of the body or initializer that holds <paramref name="operation"/>.</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>The field, parameter or local that an array expression reads, if it is that simple.</summary>
    public static ISymbol? StorageSymbol(this IOperation operation) => operation.WalkDownConversions() switch
    {
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        IPropertyReferenceOperation property => property.Property.OriginalDefinition,
        IParameterReferenceOperation parameter => parameter.Parameter,
        ILocalReferenceOperation local => local.Local,
        _ => null,
    };

    /// <summary>
    /// The field, parameter or local behind an element access (<see cref="ElementAccess"/>), through jagged levels: <c>w[l][i][j]</c>
    /// gives w. A local that only ever names a field's array or a row of it, or views one as a span (<c>var row = w[l]; row[i]</c>,
    /// <c>var s = w.AsSpan(); s[i]</c>), gives the field.
    /// </summary>
    public static ISymbol? ArrayStorage(this IOperation element)
    {
        var current = element;
        while (current.Indexed() is { } indexed)
        {
            current = indexed.WalkDownConversions();
        }

        var storage = current.StorageSymbol();
        return storage is ILocalSymbol local && ElementAccess.IsArrayOrSpan(local.Type) && BodyIndex.Of(current).AliasedArray(local) is { } aliased ? aliased : storage;
    }

    /// <summary>
    /// True when <paramref name="operation"/> reads an element of <paramref name="array"/> through a local that names it or
    /// one of its rows (<c>var row = w[l]; ... row[i]</c>), as <see cref="ArrayStorage"/> resolves such a local.
    /// </summary>
    public static bool ReadsThroughAlias(this IOperation operation, ISymbol array)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant.Indexed()?.WalkDownConversions() is ILocalReferenceOperation && SymbolEqualityComparer.Default.Equals(descendant.ArrayStorage(), array))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The argument of <c>Math.Sqrt(x)</c> or <c>MathF.Sqrt(x)</c>, conversions removed; null for anything else.</summary>
    public static IOperation? SquareRootArgument(this IOperation operation) =>
        operation.WalkDownConversions() is IInvocationOperation { TargetMethod: { Name: "Sqrt", ContainingType.Name: "Math" or "MathF" }, Arguments.Length: 1 } sqrt
            ? sqrt.Arguments[0].Value.WalkDownConversions()
            : null;

    /// <summary><c>-bound</c> and <c>bound</c>, written alike: a symmetric range.</summary>
    public static bool IsNegationOf(this IOperation low, IOperation high) =>
        low.WalkDownConversions() is IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus && minus.Operand.WalkDownConversions().Syntax.ToString() == high.WalkDownConversions().Syntax.ToString();

    public static bool IsIntegral(this ITypeSymbol? type) =>
        type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Byte;

    public static bool IsFloating(this ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single;

    /// <summary>A compile-time number (a literal, a const, a folded expression of them), before or after conversions.</summary>
    public static double? NumericConstant(this IOperation operation)
    {
        var constant = operation.ConstantValue.HasValue ? operation.ConstantValue : operation.WalkDownConversions().ConstantValue;
        if (!constant.HasValue || constant.Value is null or string or bool or char)
        {
            return null;
        }

        try
        {
            return System.Convert.ToDouble(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (System.OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// The single expression a method returns (<c>double Sigmoid(double x) => 1 / (1 + Math.Exp(-x))</c>), when its body
    /// is in the same syntax tree as <paramref name="call"/>; null for other trees, metadata, or several returns.
    /// Binding a body costs as much as compiling it, so a body whose syntax shows more than one return, or none, is not bound,
    /// and each body is read once per semantic model.
    /// </summary>
    public static IOperation? SingleReturnedExpression(this IMethodSymbol method, IOperation call)
    {
        if (call.SemanticModel is not { } model || method.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        var known = ReturnedExpressions.GetValue(model, _ => new ConcurrentDictionary<IMethodSymbol, IOperation?>(SymbolEqualityComparer.Default));
        return known.GetOrAdd(method, body => ReturnedExpression(body, model));
    }

    private static readonly ConditionalWeakTable<SemanticModel, ConcurrentDictionary<IMethodSymbol, IOperation?>> ReturnedExpressions = new();

    private static IOperation? ReturnedExpression(IMethodSymbol method, SemanticModel model)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree || !MayReturnOnce(reference.GetSyntax()) || model.GetOperation(reference.GetSyntax()) is not { } body)
            {
                continue;
            }

            IOperation? returned = null;
            var count = 0;
            foreach (var operation in body.DescendantsAndSelf())
            {
                if (operation is IReturnOperation { ReturnedValue: { } value })
                {
                    returned = value;
                    count++;
                }
            }

            if (count == 1)
            {
                return returned;
            }
        }

        return null;
    }

    /// <summary>
    /// False when the syntax alone shows that a block body cannot have exactly one returned value: two return statements
    /// with a value, or none and no lambda (whose expression body is an implicit return). Expression bodies return once.
    /// </summary>
    private static bool MayReturnOnce(SyntaxNode declaration)
    {
        var block = declaration switch
        {
            BaseMethodDeclarationSyntax { ExpressionBody: null } method => method.Body,
            LocalFunctionStatementSyntax { ExpressionBody: null } function => function.Body,
            AccessorDeclarationSyntax { ExpressionBody: null } accessor => accessor.Body,
            _ => null,
        };
        if (block is null)
        {
            return true;
        }

        var returns = 0;
        var lambdas = false;
        foreach (var node in block.DescendantNodes())
        {
            switch (node)
            {
                case ReturnStatementSyntax { Expression: not null } when ++returns > 1:
                    return false;
                case YieldStatementSyntax { Expression: not null } when ++returns > 1:
                    return false;
                case AnonymousFunctionExpressionSyntax:
                    lambdas = true;
                    break;
            }
        }

        return returns == 1 || lambdas;
    }

    public static bool References(this IOperation operation, ISymbol symbol)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (SymbolEqualityComparer.Default.Equals(descendant.StorageSymbol(), symbol))
            {
                return true;
            }
        }

        return false;
    }
}
