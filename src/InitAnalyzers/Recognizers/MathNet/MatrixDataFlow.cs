using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.MathNet;

/// <summary>
/// Follows a layer's product forward to where its output lands, through the bias (<c>+ b</c>, <c>.Add(b)</c>), a scaling,
/// the activation (<c>.Map(f)</c>, <c>.PointwiseTanh()</c>, <c>Relu(z)</c>) and up to two locals or fields of the same body:
/// the variables and method results that hold it, the products that take it as a factor, and the activation applied.
/// A sum with the layer's own input (<c>x + W * x</c>) is a residual branch: nothing is claimed for it.
/// </summary>
internal sealed class MatrixDataFlow
{
    private const int MaxHops = 2;

    private static readonly ConditionalWeakTable<IOperation, Dictionary<ISymbol, List<IOperation>>> ReadsByRoot = new();

    private readonly MathNetTypes types;
    private readonly ISymbol containingMember;
    private readonly ImmutableArray<ISymbol> inputs;
    private readonly List<DataHandle> outputs = new();
    private readonly List<SyntaxNode> consumers = new();
    private readonly List<ActivationKind> sinks = new();
    private bool residual;

    private MatrixDataFlow(MathNetTypes types, ISymbol containingMember, ImmutableArray<ISymbol> inputs)
    {
        this.types = types;
        this.containingMember = containingMember;
        this.inputs = inputs;
    }

    public static void Follow(MatrixProduct product, IOperation operation, ISymbol containingMember, MathNetTypes types)
    {
        var flow = new MatrixDataFlow(types, containingMember, product.Inputs);
        if (operation is IInvocationOperation call && call.TargetMethod.ReturnsVoid && MatrixProducts.ResultArgument(call) is { } result)
        {
            flow.Land(result.Value, call.Syntax.Span.End, ActivationKind.Linear, MaxHops);
        }
        else
        {
            flow.Walk(operation, ActivationKind.Linear, MaxHops);
        }

        if (flow.residual)
        {
            return;
        }

        product.Outputs = flow.outputs.ToImmutableArray();
        product.Consumers = flow.consumers.ToImmutableArray();
        product.Activation = Combine(flow.sinks);
    }

    private void Walk(IOperation start, ActivationKind applied, int hops)
    {
        var current = start;
        while (true)
        {
            switch (current.Parent)
            {
                case IConversionOperation conversion:
                    current = conversion;
                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } sum:
                    if (IsResidual(sum.LeftOperand == current ? sum.RightOperand : sum.LeftOperand))
                    {
                        residual = true;
                        return;
                    }

                    current = sum;
                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide } product:
                    var factor = product.LeftOperand == current ? product.RightOperand : product.LeftOperand;
                    if (product.OperatorKind == BinaryOperatorKind.Multiply && types.IsMatrixOrVector(factor.WalkDownConversions().Type) && types.IsMatrixOrVector(current.Type))
                    {
                        Consume(product, applied);
                        return;
                    }

                    current = product; // a scaling by a number
                    continue;
                case IInvocationOperation call when call.Instance == current:
                    if (!FollowInstanceCall(call, ref applied))
                    {
                        return;
                    }

                    current = call;
                    continue;
                case IArgumentOperation { Parent: IInvocationOperation call } argument:
                    if (!FollowArgument(call, argument, ref applied))
                    {
                        return;
                    }

                    current = call;
                    continue;
                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    Land(assignment.Target, assignment.Syntax.Span.End, applied, hops);
                    return;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } initializer:
                    LandOn(declarator.Symbol, initializer, initializer.Syntax.Span.End, applied, hops);
                    return;
                case IReturnOperation:
                    outputs.Add(new DataHandle(containingMember.OriginalDefinition, null, 0));
                    sinks.Add(applied);
                    return;
                default:
                    return;
            }
        }
    }

    /// <summary>A call on the layer's output: another product, the bias, the activation, or a reshaping; false where the trail ends.</summary>
    private bool FollowInstanceCall(IInvocationOperation call, ref ActivationKind applied)
    {
        var method = call.TargetMethod;
        if (!MathNetTypes.IsMathNetMethod(method))
        {
            return false;
        }

        if (MatrixProducts.ProductArgument(call, types) is not null)
        {
            Consume(call, applied);
            return false;
        }

        if (method.Name is "Add" or "Subtract" && call.Arguments.Length == 1)
        {
            if (IsResidual(call.Arguments[0].Value))
            {
                residual = true;
                return false;
            }

            return true;
        }

        if (MatrixActivations.OfInstanceCall(call) is { } kind)
        {
            applied = Compose(applied, kind);
            if (method.ReturnsVoid)
            {
                sinks.Add(applied); // MapInplace: the variable now holds the activated values
                return false;
            }

            return true;
        }

        return !method.ReturnsVoid && types.IsMatrixOrVector(method.ReturnType)
            && method.Name is "Clone" or "Transpose" or "Multiply" or "Divide" or "PointwiseMultiply" or "Column" or "Row" or "ToColumnMatrix" or "ToRowMatrix";
    }

    /// <summary>The layer's output passed to a call: a product (<c>W2.Multiply(h)</c>), the bias (<c>b.Add(z)</c>), or a helper that activates it.</summary>
    private bool FollowArgument(IInvocationOperation call, IArgumentOperation argument, ref ActivationKind applied)
    {
        if (MatrixProducts.ProductArgument(call, types) == argument)
        {
            Consume(call, applied);
            return false;
        }

        var method = call.TargetMethod;
        if (MathNetTypes.IsMathNetMethod(method))
        {
            if (method.Name is "Add" or "Subtract" && call.Arguments.Length == 1 && call.Instance is { } instance)
            {
                if (IsResidual(instance))
                {
                    residual = true;
                    return false;
                }

                return true;
            }

            return false;
        }

        // Relu(z), Sigmoid(w.DotProduct(x) + b), activation(z): one matrix (or number) in, one out.
        var kindOf = ValueKind(argument.Value.Type);
        if (kindOf == 0 || ValueKind(call.Type) != kindOf || call.Arguments.Any(other => other != argument && ValueKind(other.Value.Type) == kindOf))
        {
            return false;
        }

        applied = Compose(applied, MatrixActivations.OfHelper(call, argument));
        return true;
    }

    /// <summary>1 for a matrix or vector, 2 for a floating-point number, 0 otherwise.</summary>
    private int ValueKind(ITypeSymbol? type) =>
        types.IsMatrixOrVector(type) ? 1 : type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single ? 2 : 0;

    private void Consume(IOperation product, ActivationKind applied)
    {
        consumers.Add(product.Syntax);
        sinks.Add(applied);
    }

    /// <summary>The output is stored: a local, parameter, field, property, or an element of an array or list.</summary>
    private void Land(IOperation target, int position, ActivationKind applied, int hops)
    {
        var symbol = MatrixProducts.Storage(target);
        if (symbol is null)
        {
            sinks.Add(applied);
            return;
        }

        LandOn(symbol, target, position, applied, hops);
    }

    private void LandOn(ISymbol symbol, IOperation site, int position, ActivationKind applied, int hops)
    {
        symbol = symbol.OriginalDefinition;
        outputs.Add(new DataHandle(symbol, site.Root().Syntax, position));
        var reads = hops > 0 ? ReadsAfter(site, symbol, position) : new List<IOperation>();
        if (reads.Count == 0)
        {
            sinks.Add(applied);
            return;
        }

        foreach (var read in reads)
        {
            Walk(read, applied, hops - 1);
        }
    }

    /// <summary>Reads of <paramref name="symbol"/> later in the same body, not counting writes to it.</summary>
    private static List<IOperation> ReadsAfter(IOperation site, ISymbol symbol, int position)
    {
        var root = site.Root();
        var index = ReadsByRoot.GetValue(root, Index);
        return index.TryGetValue(symbol, out var reads) ? reads.Where(read => read.Syntax.SpanStart >= position).ToList() : new List<IOperation>();
    }

    private static Dictionary<ISymbol, List<IOperation>> Index(IOperation root)
    {
        var index = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is not (ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation) || operation.StorageSymbol() is not { } symbol)
            {
                continue;
            }

            var use = operation.WalkUpConversions();
            if (use.Parent is ISimpleAssignmentOperation assignment && assignment.Target == use)
            {
                continue;
            }

            if (!index.TryGetValue(symbol, out var reads))
            {
                index[symbol] = reads = new List<IOperation>();
            }

            reads.Add(operation);
        }

        return index;
    }

    private bool IsResidual(IOperation other) => inputs.Any(input => input is not IMethodSymbol && other.References(input));

    private static ActivationKind Compose(ActivationKind applied, ActivationKind next) =>
        applied == ActivationKind.Linear ? next : next == ActivationKind.Linear ? applied : ActivationKind.Unknown;

    /// <summary>
    /// The activation the layer's output goes through: the one non-linear activation seen on its paths (a cached
    /// pre-activation <c>_z = z</c> beside <c>a = z.Map(f)</c> does not hide f), Linear when every path is linear.
    /// </summary>
    private static ActivationKind Combine(List<ActivationKind> sinks)
    {
        var nonLinear = sinks.Where(kind => kind is not ActivationKind.Linear and not ActivationKind.Unknown).Distinct().ToList();
        if (nonLinear.Count > 0)
        {
            return nonLinear.Count == 1 ? nonLinear[0] : ActivationKind.Unknown;
        }

        return sinks.Count > 0 && sinks.All(kind => kind == ActivationKind.Linear) ? ActivationKind.Linear : ActivationKind.Unknown;
    }
}
