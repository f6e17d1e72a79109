using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Values;

/// <summary>
/// Folds an expression to a number where the code fixes it: literals and constants, a local assigned once from such a value
/// (<c>var initrange = 0.1;</c>), a static readonly field initialized with one (<c>static readonly double sqrt5 = Math.Sqrt(5);</c>),
/// arithmetic over them and <c>Math.Sqrt</c>/<c>Pow</c>/<c>Abs</c>. Null when any part is not fixed.
/// </summary>
internal static class NumberFolder
{
    private const int MaxDepth = 4;

    public static double? Fold(IOperation? operation) => Fold(operation, null, MaxDepth);

    /// <summary>Folds <paramref name="operation"/> in a helper where a call fixes some parameters (<paramref name="parameters"/>).</summary>
    public static double? Fold(IOperation? operation, ParameterValues? parameters) => Fold(operation, parameters, MaxDepth);

    private static double? Fold(IOperation? operation, ParameterValues? parameters, int depth)
    {
        if (operation is null || depth < 0)
        {
            return null;
        }

        if (operation.NumericConstant() is { } constant)
        {
            return constant;
        }

        operation = operation.WalkDownConversions();
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return BodyIndex.Of(operation).SingleValue(local.Local) is { } value ? Fold(value, parameters, depth - 1) : null;
            case IParameterReferenceOperation { Parameter: var parameter } when parameters is not null:
                return BodyIndex.Of(operation).Writes(parameter) ? null : parameters.Number(parameter);
            case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field } reference:
                return Fold(StaticInitializer(field, reference), null, depth - 1);
            case IParenthesizedOperation parenthesized:
                return Fold(parenthesized.Operand, parameters, depth);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus:
                return -Fold(minus.Operand, parameters, depth);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus } plus:
                return Fold(plus.Operand, parameters, depth);
            case IBinaryOperation binary when Fold(binary.LeftOperand, parameters, depth) is { } left && Fold(binary.RightOperand, parameters, depth) is { } right:
                return binary.OperatorKind switch
                {
                    BinaryOperatorKind.Add => left + right,
                    BinaryOperatorKind.Subtract => left - right,
                    BinaryOperatorKind.Multiply => left * right,
                    BinaryOperatorKind.Divide when right != 0 => IsInteger(binary.Type) ? Math.Truncate(left / right) : left / right,
                    _ => null,
                };
            case IInvocationOperation { TargetMethod.ContainingType.Name: "Math" or "MathF" } call when call.Arguments.Length is 1 or 2:
                var first = Fold(call.Arguments[0].Value, parameters, depth);
                var second = call.Arguments.Length == 2 ? Fold(call.Arguments[1].Value, parameters, depth) : 0;
                if (first is not { } x || second is not { } y)
                {
                    return null;
                }

                return call.TargetMethod.Name switch
                {
                    "Sqrt" when x >= 0 => Math.Sqrt(x),
                    "Pow" when call.Arguments.Length == 2 => Math.Pow(x, y),
                    "Abs" => Math.Abs(x),
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>The initializer of a static readonly field declared in the same syntax tree.</summary>
    private static IOperation? StaticInitializer(IFieldSymbol field, IOperation reference)
    {
        var model = reference.SemanticModel;
        var declarator = field.DeclaringSyntaxReferences.FirstOrDefault(syntax => syntax.SyntaxTree == model?.SyntaxTree)?.GetSyntax() as VariableDeclaratorSyntax;
        return declarator?.Initializer is { } initializer && model?.GetOperation(initializer) is IFieldInitializerOperation { Value: { } value } ? value : null;
    }

    private static bool IsInteger(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte
        or SpecialType.System_UInt32 or SpecialType.System_UInt64;
}
