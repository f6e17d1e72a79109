using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.TorchSharp;

/// <summary>
/// Follows the data through <c>forward</c> to find what consumes each layer's output: <c>relu.forward(fc1.forward(x))</c>,
/// <c>functional.relu(fc1.call(x))</c>, <c>fc1.forward(x).relu()</c>, <c>x = fc1.forward(x); x = x.tanh();</c>, an activation module
/// field, the entries of a <c>Sequential</c> in order (through the branches and loops that built it), and <c>Dropout</c>, pooling
/// and normalization in between. A layer whose output reaches another layer is hidden; one whose output is returned is an output.
/// </summary>
internal sealed class TorchForwardFlow
{
    private const int MaxDepth = 3;

    private readonly TorchSharpTypes types;
    private readonly TorchInitWalker resolver;
    private readonly Func<IMethodSymbol, IOperation?> bodyOf;
    private readonly Func<IMethodSymbol, bool> isOwn;

    /// <summary>Stands for modules the flow does not see into: their output feeds what follows, but is none of the model's known layers.</summary>
    private readonly TorchLayer opaque = new(LayerKind.Opaque, "?", null, null, null);

    private List<Flow>? returns;

    public TorchForwardFlow(TorchSharpTypes types, TorchInitWalker resolver, Func<IMethodSymbol, IOperation?> bodyOf, Func<IMethodSymbol, bool> isOwn)
    {
        this.types = types;
        this.resolver = resolver;
        this.bodyOf = bodyOf;
        this.isOwn = isOwn;
    }

    /// <summary>The <c>Sequential</c>s that <c>forward</c> runs.</summary>
    public HashSet<TorchLayer> Called { get; } = new();

    public void Run(IOperation body)
    {
        returns = null;
        Walk(body, new Dictionary<ISymbol, Flow>(SymbolEqualityComparer.Default), MaxDepth);
    }

    /// <summary>Runs a <c>Sequential</c> on its own, for a model whose <c>forward</c> does not show how it is called.</summary>
    public void RunAlone(TorchLayer sequential) => Apply(sequential, Flow.Empty);

    private void Walk(IOperation operation, Dictionary<ISymbol, Flow> locals, int depth)
    {
        switch (operation)
        {
            case IBlockOperation block:
                foreach (var statement in block.Operations)
                {
                    Walk(statement, locals, depth);
                }

                return;
            case IVariableDeclarationGroupOperation group:
                foreach (var declarator in group.Declarations.SelectMany(declaration => declaration.Declarators))
                {
                    if (declarator.GetVariableInitializer() is { Value: { } value } && Eval(value, locals, depth) is { } flow)
                    {
                        locals[declarator.Symbol] = flow;
                    }
                }

                return;
            case IReturnOperation { ReturnedValue: { } returned }:
                if (Eval(returned, locals, depth) is { } result)
                {
                    Return(result);
                }

                return;
            case IConditionalOperation conditional when conditional.Type is null:
                Eval(conditional.Condition, locals, depth);
                var whenTrue = Copy(locals);
                Walk(conditional.WhenTrue, whenTrue, depth);
                var whenFalse = Copy(locals);
                if (conditional.WhenFalse is { } otherwise)
                {
                    Walk(otherwise, whenFalse, depth);
                }

                Replace(locals, Union(whenTrue, whenFalse));
                return;
            case ILoopOperation loop:
                // Zero, one or more iterations: the second pass carries what the first produced (x = layer.forward(x) in a loop).
                var first = Copy(locals);
                Walk(loop.Body, first, depth);
                var second = Union(locals, first);
                Walk(loop.Body, second, depth);
                Replace(locals, Union(locals, second));
                return;
            case IExpressionStatementOperation statement:
                Eval(statement.Operation, locals, depth);
                return;
            case ILocalFunctionOperation or IAnonymousFunctionOperation:
                return;
        }

        foreach (var child in operation.ChildOperations)
        {
            Walk(child, locals, depth);
        }
    }

    private Flow? Eval(IOperation operation, Dictionary<ISymbol, Flow> locals, int depth)
    {
        switch (operation)
        {
            case IConversionOperation conversion:
                return Eval(conversion.Operand, locals, depth);
            case IParenthesizedOperation parenthesized:
                return Eval(parenthesized.Operand, locals, depth);
            case ILocalReferenceOperation local:
                return locals.TryGetValue(local.Local, out var localFlow) ? localFlow : null;
            case IParameterReferenceOperation parameter:
                return locals.TryGetValue(parameter.Parameter, out var parameterFlow) ? parameterFlow : types.IsTensor(parameter.Type) ? Flow.Empty : null;
            case ISimpleAssignmentOperation assignment:
                var assigned = Eval(assignment.Value, locals, depth);
                if (assignment.Target is ILocalReferenceOperation target && assigned is not null)
                {
                    locals[target.Local] = assigned;
                }
                else if (assignment.Target is IParameterReferenceOperation parameterTarget && assigned is not null)
                {
                    locals[parameterTarget.Parameter] = assigned;
                }

                return assigned;
            case ICompoundAssignmentOperation compound:
                var combined = Union(Eval(compound.Target, locals, depth), Eval(compound.Value, locals, depth));
                if (compound.Target is ILocalReferenceOperation compoundTarget && combined is not null)
                {
                    locals[compoundTarget.Local] = combined;
                }

                return combined;
            case IDeconstructionAssignmentOperation deconstruction:
                var tupleFlow = Eval(deconstruction.Value, locals, depth);
                foreach (var element in deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                {
                    if (tupleFlow is not null)
                    {
                        locals[element.Local] = tupleFlow;
                    }
                }

                return tupleFlow;
            case IInvocationOperation call:
                return Call(call, locals, depth);
            case IBinaryOperation binary:
                var left = Eval(binary.LeftOperand, locals, depth);
                var right = Eval(binary.RightOperand, locals, depth);
                MarkAdded(binary, binary.LeftOperand);
                MarkAdded(binary, binary.RightOperand);
                return Union(left, right);
            case IUnaryOperation unary:
                return Eval(unary.Operand, locals, depth);
            case IConditionalOperation conditional:
                Eval(conditional.Condition, locals, depth);
                return Union(Eval(conditional.WhenTrue, locals, depth), conditional.WhenFalse is { } whenFalse ? Eval(whenFalse, locals, depth) : null);
            case ICoalesceOperation coalesce:
                return Union(Eval(coalesce.Value, locals, depth), Eval(coalesce.WhenNull, locals, depth));
            case IPropertyReferenceOperation { Property.Name: "T" or "mT" or "H", Instance: { } instance }:
                return Eval(instance, locals, depth);
            case IAnonymousFunctionOperation or IDelegateCreationOperation:
                return null;
        }

        Flow? result = null;
        foreach (var child in operation.ChildOperations)
        {
            result = Union(result, Eval(child, locals, depth));
        }

        return result;
    }

    private Flow? Call(IInvocationOperation call, Dictionary<ISymbol, Flow> locals, int depth)
    {
        var method = call.TargetMethod;
        var instanceFlow = call.Instance is { } instance ? Eval(instance, locals, depth) : null;
        var argumentFlows = call.Arguments.Select(argument => Eval(argument.Value, locals, depth)).ToList();
        var firstArgument = argumentFlows.FirstOrDefault(flow => flow is not null);

        // fc1.forward(x), fc1.call(x): the layer held by the member.
        if (method.Name is "forward" or "call" or "Invoke" && call.Instance is { } receiver && types.IsModule(method.ContainingType)
            && resolver.Resolve(receiver, new Environment()) is { Layers.Count: 1, Bulk: false } module)
        {
            return Apply(module.Layers[0], firstArgument ?? Flow.Empty);
        }

        // x.matmul(W), torch.matmul(x, W), functional.linear(x, W, b): a layer made of Parameter fields.
        if (Product(call) is { } product)
        {
            var input = product.Input is null ? Flow.Empty : Eval(product.Input, locals, depth) ?? Flow.Empty;
            product.Weight.Multiplied = true;
            product.Weight.FanInIndex = product.Weight.FanInIndex is null || product.Weight.FanInIndex == product.FanInIndex ? product.FanInIndex : -1;
            if (product.Bias is { } bias)
            {
                bias.Added = true;
            }

            return Apply(product.Weight, input);
        }

        var receiverFlow = method.IsStatic ? firstArgument : instanceFlow;
        if (receiverFlow is not null && (method.IsStatic ? types.IsTorchStatic(method.ContainingType) : types.IsTensor(method.ContainingType)))
        {
            if (TorchActivations.Of(call) is { } activation)
            {
                var activated = Activate(receiverFlow, activation.Kind, activation.Slope);
                if (!method.IsStatic && method.Name.EndsWith("_", StringComparison.Ordinal) && call.Instance is ILocalReferenceOperation inPlace)
                {
                    locals[inPlace.Local] = activated; // h.relu_() changes h itself
                }

                return activated;
            }

            if (TorchActivations.PassesThrough(method.Name))
            {
                return receiverFlow;
            }
        }

        if (depth > 0 && isOwn(method) && bodyOf(method) is { } body)
        {
            // The type's own helper (Block(x)): followed with its parameters bound to the arguments' flows.
            var inner = new Dictionary<ISymbol, Flow>(SymbolEqualityComparer.Default);
            for (var i = 0; i < call.Arguments.Length; i++)
            {
                if (call.Arguments[i].Parameter is { } parameter && argumentFlows[i] is { } flow)
                {
                    inner[parameter] = flow;
                }
            }

            var outer = returns;
            returns = new List<Flow>();
            Walk(body, inner, depth - 1);
            var result = returns.Aggregate((Flow?)null, Union);
            returns = outer;
            return result;
        }

        // Anything else (torch.cat, mean, a helper the flow does not see into): the activation after it is not known.
        var inputs = argumentFlows.Append(instanceFlow).Aggregate((Flow?)null, Union);
        if (inputs is null)
        {
            return types.IsTensor(method.ReturnType) ? Flow.Empty : null;
        }

        foreach (var pending in inputs.Pending)
        {
            pending.Consumed(ActivationKind.Unknown, null);
        }

        return new Flow(inputs.Sources, ImmutableHashSet<TorchLayer>.Empty);
    }

    /// <summary>The Parameter-field layer of a product and its input: <c>x.matmul(W)</c> stores W as [in, out], <c>functional.linear(x, W)</c> as [out, in].</summary>
    private (TorchLayer Weight, IOperation? Input, int FanInIndex, TorchLayer? Bias)? Product(IInvocationOperation call)
    {
        var name = call.TargetMethod.Name;
        if (name is not ("matmul" or "mm" or "linear" or "bmm"))
        {
            return null;
        }

        var operands = new List<IOperation>();
        if (call.Instance is { } instance)
        {
            operands.Add(instance);
        }

        operands.AddRange(call.Arguments.Where(argument => argument.ArgumentKind != ArgumentKind.DefaultValue).Select(argument => argument.Value));
        if (operands.Count < 2)
        {
            return null;
        }

        if (name == "linear")
        {
            var bias = operands.Count > 2 ? ParameterLayer(operands[2], out _) : null;
            return ParameterLayer(operands[1], out _) is { } dense ? (dense, operands[0], 1, bias) : null;
        }

        if (ParameterLayer(operands[1], out var rightTransposed) is { } right)
        {
            return (right, operands[0], rightTransposed ? 1 : 0, null); // x @ W: W is [in, out]; x @ W.T: [out, in]
        }

        if (ParameterLayer(operands[0], out var leftTransposed) is { } left)
        {
            return (left, operands[1], leftTransposed ? 0 : 1, null); // W @ x: W is [out, in]
        }

        return null;
    }

    /// <summary>A Parameter field, possibly transposed (<c>W.T</c>, <c>W.t()</c>, <c>W.transpose(0, 1)</c>).</summary>
    private TorchLayer? ParameterLayer(IOperation operation, out bool transposed)
    {
        transposed = false;
        operation = operation.WalkDownConversions();
        while (operation is IPropertyReferenceOperation { Property.Name: "T" or "mT", Instance: { } inner } || operation is IInvocationOperation { TargetMethod.Name: "t" or "transpose", Instance: { } _ })
        {
            transposed = !transposed;
            operation = (operation is IPropertyReferenceOperation property ? property.Instance! : ((IInvocationOperation)operation).Instance!).WalkDownConversions();
        }

        return resolver.Resolve(operation, new Environment()) is { Parameters.Count: 1 } binding && binding.Parameters[0].Layer.Kind == LayerKind.Parameter ? binding.Parameters[0].Layer : null;
    }

    /// <summary><c>x.matmul(W) + b</c>: a Parameter field added to a flow is a bias.</summary>
    private void MarkAdded(IBinaryOperation binary, IOperation operand)
    {
        if (binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract && ParameterLayer(operand, out _) is { } added)
        {
            added.Added = true;
        }
    }

    /// <summary>A module applied to a flow.</summary>
    private Flow Apply(TorchLayer layer, Flow input)
    {
        switch (layer.Kind)
        {
            case LayerKind.PassThrough or LayerKind.Normalization:
                return input;
            case LayerKind.Activation:
                return Activate(input, layer.Applies, layer.AppliesSlope);
            case LayerKind.Sequential when layer.Steps is not null:
                Called.Add(layer);
                return Run(layer.Steps, input);
            case LayerKind.Opaque or LayerKind.Sequential:
                Feed(input, opaque);
                return new Flow(ImmutableHashSet.Create(opaque), ImmutableHashSet<TorchLayer>.Empty);
            default:
                Feed(input, layer);
                // A recurrent layer applies its own nonlinearity; its weights are judged against that, not against what follows.
                return new Flow(ImmutableHashSet.Create(layer), layer.Kind == LayerKind.Recurrent ? ImmutableHashSet<TorchLayer>.Empty : ImmutableHashSet.Create(layer));
        }
    }

    /// <summary>The input reaches a weighted layer: what fed it is hidden, and what was still waiting for an activation got none.</summary>
    private void Feed(Flow input, TorchLayer target)
    {
        foreach (var pending in input.Pending)
        {
            pending.Consumed(target == opaque ? ActivationKind.Unknown : ActivationKind.Linear, null);
        }

        foreach (var source in input.Sources)
        {
            source.Feeds = true;
            target.FedBy = true;
        }
    }

    private static Flow Activate(Flow input, ActivationKind kind, double? slope)
    {
        foreach (var pending in input.Pending)
        {
            pending.Consumed(kind, slope);
        }

        return new Flow(input.Sources, ImmutableHashSet<TorchLayer>.Empty);
    }

    private Flow Run(List<Step> steps, Flow input)
    {
        var flow = input;
        foreach (var step in steps)
        {
            if (step.Layer is { } layer)
            {
                flow = Apply(layer, flow);
            }
            else if (step.Loop is { } body)
            {
                var once = Run(body, flow);
                var twice = Run(body, Union(flow, once)!);
                flow = Union(flow, twice)!;
            }
            else
            {
                flow = Union(Run(step.WhenTrue ?? new List<Step>(), flow), Run(step.WhenFalse ?? new List<Step>(), flow))!;
            }
        }

        return flow;
    }

    private void Return(Flow flow)
    {
        if (returns is not null)
        {
            returns.Add(flow);
            return;
        }

        foreach (var pending in flow.Pending)
        {
            pending.Consumed(ActivationKind.Linear, null);
        }

        foreach (var source in flow.Sources)
        {
            source.Returned = true;
        }
    }

    private static Dictionary<ISymbol, Flow> Copy(Dictionary<ISymbol, Flow> locals) => new(locals, SymbolEqualityComparer.Default);

    private static void Replace(Dictionary<ISymbol, Flow> target, Dictionary<ISymbol, Flow> source)
    {
        target.Clear();
        foreach (var pair in source)
        {
            target[pair.Key] = pair.Value;
        }
    }

    private static Dictionary<ISymbol, Flow> Union(Dictionary<ISymbol, Flow> first, Dictionary<ISymbol, Flow> second)
    {
        var result = Copy(first);
        foreach (var pair in second)
        {
            result[pair.Key] = result.TryGetValue(pair.Key, out var existing) ? Union(existing, pair.Value)! : pair.Value;
        }

        return result;
    }

    private static Flow? Union(Flow? first, Flow? second) => first is null ? second : second is null ? first : new Flow(first.Sources.Union(second.Sources), first.Pending.Union(second.Pending));

    /// <summary>What a tensor value carries: the layers whose output it is (through activations), and those still waiting for one.</summary>
    private sealed class Flow
    {
        public Flow(ImmutableHashSet<TorchLayer> sources, ImmutableHashSet<TorchLayer> pending)
        {
            Sources = sources;
            Pending = pending;
        }

        public static Flow Empty { get; } = new(ImmutableHashSet<TorchLayer>.Empty, ImmutableHashSet<TorchLayer>.Empty);

        public ImmutableHashSet<TorchLayer> Sources { get; }

        public ImmutableHashSet<TorchLayer> Pending { get; }
    }
}
