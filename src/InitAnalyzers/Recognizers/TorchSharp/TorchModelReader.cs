using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.TorchSharp;

/// <summary>
/// Reads a model's structure from the code that builds it: which fields and properties hold layers (<c>fc1 = Linear(784, 256)</c>,
/// <c>Module&lt;Tensor, Tensor&gt; conv = Conv2d(1, 32, 3)</c>), <c>Sequential</c>s with their entries (tuples or modules, or a list
/// built in loops and branches, also by a helper method), and <c>Parameter</c> fields; fans from the constructors' arguments.
/// </summary>
internal sealed class TorchModelReader
{
    private const int MaxDepth = 3;

    private readonly TorchSharpTypes types;
    private readonly Func<IMethodSymbol, IOperation?> bodyOf;

    public TorchModelReader(TorchSharpTypes types, Func<IMethodSymbol, IOperation?> bodyOf)
    {
        this.types = types;
        this.bodyOf = bodyOf;
    }

    /// <summary>The layers held directly by members, by member.</summary>
    public Dictionary<ISymbol, TorchLayer> Members { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Members assigned something the reader does not understand as a module or a parameter.</summary>
    public HashSet<ISymbol> Unreadable { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Every layer of the model: those held by members and every entry nested in them.</summary>
    public IEnumerable<TorchLayer> AllLayers => Members.Values.Distinct().SelectMany(layer => layer.SelfAndDescendants()).Distinct();

    /// <summary>Records one assignment of <paramref name="value"/> to the member (already made canonical).</summary>
    public void Assign(ISymbol member, ITypeSymbol memberType, IOperation value)
    {
        var valueType = value.WalkDownConversions().Type ?? value.Type;
        if (value.WalkDownConversions() is ILiteralOperation or IDefaultValueOperation)
        {
            return; // null: no module yet
        }

        if (types.IsModule(memberType) || types.IsModule(valueType))
        {
            var layer = ReadModule(value, member.Name, member, MaxDepth);
            Merge(member, layer);
            return;
        }

        if (types.IsTensor(memberType) && (types.IsParameter(memberType) || types.IsParameter(valueType) || MakesParameter(value)))
        {
            var (_, rank) = new TorchInitReader(types).ReadCreation(value);
            if (!Members.TryGetValue(member, out var parameter))
            {
                parameter = new TorchLayer(LayerKind.Parameter, member.Name, member, value, valueType as INamedTypeSymbol) { Rank = rank };
                parameter.Parameters.Add(new TorchParam(parameter, string.Empty, WeightRole.Weight));
                Members[member] = parameter;
            }
            else if (parameter.Kind == LayerKind.Parameter && parameter.Rank != rank)
            {
                parameter.Rank = null;
            }
        }
    }

    /// <summary>Entries appended later to a <c>Sequential</c> held by a member: <c>layers.append(Linear(...))</c>.</summary>
    public void Append(ISymbol member, IInvocationOperation append)
    {
        if (!Members.TryGetValue(member, out var sequential) || sequential.Kind != LayerKind.Sequential || sequential.Steps is null)
        {
            return;
        }

        var module = append.Arguments.LastOrDefault(argument => types.IsModule(argument.Value.WalkDownConversions().Type) || types.IsModule(argument.Parameter?.Type))?.Value;
        var name = append.Arguments.Length == 2 && append.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text } ? text : sequential.Steps.Count.ToString(CultureInfo.InvariantCulture);
        var entry = module is null ? Opaque(sequential, sequential.Path + ".?") : ReadModule(module, sequential.Path + "." + name, null, sequential.Owner, MaxDepth);
        sequential.Steps.Add(Step.Of(entry));
        sequential.Children.Add(entry);
    }

    private void Merge(ISymbol member, TorchLayer layer)
    {
        if (!Members.TryGetValue(member, out var existing))
        {
            Members[member] = layer;
            return;
        }

        // Assigned in two places (two constructors): one kind and one size, or nothing is claimed.
        if (existing.Kind != layer.Kind || existing.Applies != layer.Applies)
        {
            existing.Kind = LayerKind.Opaque;
            existing.Parameters.Clear();
            return;
        }

        existing.FanIn = existing.FanIn == layer.FanIn ? existing.FanIn : null;
        existing.FanOut = existing.FanOut == layer.FanOut ? existing.FanOut : null;
        existing.AppliesSlope = existing.AppliesSlope == layer.AppliesSlope ? existing.AppliesSlope : null;
    }

    /// <summary><c>Parameter(t)</c>, <c>new Parameter(t)</c>, <c>t.AsParameter()</c>.</summary>
    private bool MakesParameter(IOperation value) => value.WalkDownConversions() switch
    {
        IInvocationOperation call => call.TargetMethod.Name is "AsParameter" or "Parameter" || (call.Instance is { } instance && call.TargetMethod.Name is "to" or "requires_grad_" && MakesParameter(instance)),
        IObjectCreationOperation creation => types.IsParameter(creation.Type),
        _ => false,
    };

    /// <summary>The module an expression creates: a factory call, a <c>Sequential</c>, or an opaque module (a delegate's, a helper's).</summary>
    public TorchLayer ReadModule(IOperation value, string path, ISymbol? member, int depth) => ReadModule(value, path, member, member, depth);

    private TorchLayer ReadModule(IOperation value, string path, ISymbol? member, ISymbol? owner, int depth)
    {
        value = value.WalkDownConversions();
        if (value is ILocalReferenceOperation local && depth > 0 && BodyIndex.Of(local).SingleValue(local.Local) is { } assigned)
        {
            return ReadModule(assigned, path, member, owner, depth - 1);
        }

        if (value is ITupleOperation { Elements.Length: 2 } tuple)
        {
            return ReadModule(tuple.Elements[1], path, member, owner, depth);
        }

        var (type, arguments) = value switch
        {
            IInvocationOperation call when types.IsModule(call.TargetMethod.ReturnType) && TorchSharpTypes.IsTorchSharpMethod(call.TargetMethod) => (call.TargetMethod.ReturnType as INamedTypeSymbol, call.Arguments),
            IObjectCreationOperation creation when types.IsModule(creation.Type) => (creation.Type as INamedTypeSymbol, creation.Arguments),
            _ => (null, default(System.Collections.Immutable.ImmutableArray<IArgumentOperation>)),
        };
        if (type is null)
        {
            return new TorchLayer(LayerKind.Opaque, path, member, value, value.Type as INamedTypeSymbol, owner);
        }

        var layer = new TorchLayer(LayerKinds.Of(type, types), path, member, value, type, owner);
        switch (layer.Kind)
        {
            case LayerKind.Sequential:
                layer.Steps = value is IInvocationOperation sequential ? SequentialSteps(sequential, layer, depth) : null;
                if (layer.Steps is null)
                {
                    layer.Kind = LayerKind.Opaque;
                }

                break;
            case LayerKind.Activation:
                ReadActivation(layer, type, arguments);
                break;
            default:
                ReadSizes(layer, type, arguments);
                break;
        }

        AddParameters(layer, arguments);
        return layer;
    }

    private static TorchLayer Opaque(TorchLayer sequential, string path) => new(LayerKind.Opaque, path, null, null, null, sequential.Owner);

    /// <summary>
    /// The entries of <c>Sequential(...)</c>: modules or <c>("name", module)</c> tuples passed one by one, or a list local whose
    /// <c>Add</c> calls (in loops, branches and helper methods) come before the call.
    /// </summary>
    private List<Step>? SequentialSteps(IInvocationOperation call, TorchLayer sequential, int depth)
    {
        var steps = new List<Step>();
        foreach (var argument in call.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value.WalkDownConversions() is IArrayCreationOperation { Initializer: { } initializer })
            {
                for (var i = 0; i < initializer.ElementValues.Length; i++)
                {
                    steps.Add(Step.Of(Entry(sequential, initializer.ElementValues[i], i, depth)));
                }

                continue;
            }

            var value = argument.Value.WalkDownConversions();
            if (value is IInvocationOperation { TargetMethod.Name: "ToArray" or "ToList" or "AsEnumerable" } copy && (copy.Instance ?? copy.Arguments.FirstOrDefault()?.Value)?.WalkDownConversions() is ILocalReferenceOperation copied)
            {
                value = copied; // Sequential(layers.ToArray())
            }

            if (value is ILocalReferenceOperation list && !types.IsModule(value.Type))
            {
                var built = ListSteps(call.Root(), list.Local, sequential, call.Syntax.SpanStart, depth);
                steps.AddRange(built);
                continue;
            }

            if (types.IsModule(value.Type) || value is ITupleOperation)
            {
                steps.Add(Step.Of(Entry(sequential, value, steps.Count, depth)));
                continue;
            }

            steps.Add(Step.Of(Opaque(sequential, sequential.Path + ".?"))); // a list held elsewhere: its entries are not read
        }

        foreach (var layer in Step.Layers(steps))
        {
            sequential.Children.Add(layer);
        }

        return steps;
    }

    private TorchLayer Entry(TorchLayer sequential, IOperation element, int index, int depth)
    {
        element = element.WalkDownConversions();
        var name = element is ITupleOperation { Elements.Length: 2 } tuple
            ? tuple.Elements[0].ConstantValue is { HasValue: true, Value: string text } ? text : "?"
            : index.ToString(CultureInfo.InvariantCulture);
        return depth <= 0 ? Opaque(sequential, sequential.Path + "." + name) : ReadModule(element, sequential.Path + "." + name, null, sequential.Owner, depth - 1);
    }

    /// <summary>The steps a list local receives in <paramref name="body"/> before <paramref name="end"/>, keeping branches and loops.</summary>
    private List<Step> ListSteps(IOperation body, ISymbol list, TorchLayer sequential, int end, int depth)
    {
        var steps = new List<Step>();
        Build(body, list, sequential, end, depth, steps);
        return steps;
    }

    private void Build(IOperation operation, ISymbol list, TorchLayer sequential, int end, int depth, List<Step> steps)
    {
        if (operation.Syntax.SpanStart >= end)
        {
            return;
        }

        switch (operation)
        {
            case IConditionalOperation { WhenTrue: { } whenTrue } conditional when operation.Parent is not null && operation.Type is null:
                var trueSteps = new List<Step>();
                var falseSteps = new List<Step>();
                Build(whenTrue, list, sequential, end, depth, trueSteps);
                if (conditional.WhenFalse is { } whenFalse)
                {
                    Build(whenFalse, list, sequential, end, depth, falseSteps);
                }

                if (trueSteps.Count + falseSteps.Count > 0)
                {
                    steps.Add(Step.Branch(trueSteps, falseSteps));
                }

                return;
            case ILoopOperation loop:
                var body = new List<Step>();
                Build(loop.Body, list, sequential, end, depth, body);
                if (body.Count > 0)
                {
                    steps.Add(Step.Repeat(body));
                }

                return;
            case IInvocationOperation { TargetMethod.Name: "Add" } add when IsList(add.Instance, list) && add.Arguments.Length == 1:
                steps.Add(Step.Of(Entry(sequential, add.Arguments[0].Value, steps.Count, depth)));
                return;
            case IInvocationOperation call when call.Arguments.Any(argument => IsList(argument.Value, list)):
                // Handed to a helper (MakeLayer(modules, ...)): its adds are read where the helper's body is known.
                var parameter = call.Arguments.First(argument => IsList(argument.Value, list)).Parameter;
                if (!IsList(call.Instance, list) && depth > 0 && parameter is not null && bodyOf(call.TargetMethod) is { } helper)
                {
                    var helperSteps = new List<Step>();
                    Build(helper, parameter, sequential, int.MaxValue, depth - 1, helperSteps);
                    steps.AddRange(helperSteps);
                }
                else if (!IsList(call.Instance, list) || call.TargetMethod.Name is "AddRange" or "Insert" or "InsertRange")
                {
                    steps.Add(Step.Of(Opaque(sequential, sequential.Path + ".?")));
                }

                return;
            case IObjectCreationOperation { Initializer: { } initializer } when operation.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } && SymbolEqualityComparer.Default.Equals(declarator.Symbol, list):
                foreach (var element in initializer.Initializers)
                {
                    if (element is IInvocationOperation { Arguments.Length: 1 } collectionAdd)
                    {
                        steps.Add(Step.Of(Entry(sequential, collectionAdd.Arguments[0].Value, steps.Count, depth)));
                    }
                }

                return;
        }

        foreach (var child in operation.ChildOperations)
        {
            Build(child, list, sequential, end, depth, steps);
        }
    }

    private static bool IsList(IOperation? operation, ISymbol list) => operation?.WalkDownConversions() switch
    {
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, list),
        IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, list),
        _ => false,
    };

    private static void ReadActivation(TorchLayer layer, INamedTypeSymbol type, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        layer.Applies = LayerKinds.ActivationOf(type.Name);
        switch (type.Name)
        {
            case "LeakyReLU":
                layer.AppliesSlope = Number(arguments, "negative_slope") ?? (Given(arguments, "negative_slope") ? null : 0.01);
                break;
            case "RReLU":
                var lower = Number(arguments, "lower") ?? (Given(arguments, "lower") ? null : 0.125);
                var upper = Number(arguments, "upper") ?? (Given(arguments, "upper") ? null : 1.0 / 3);
                layer.AppliesSlope = lower is { } l && upper is { } u ? (l + u) / 2 : null;
                break;
        }
    }

    /// <summary>Fans of the weight as the framework computes them (weight <c>[out, in, k...]</c>; transposed <c>[in, out, k...]</c>).</summary>
    private static void ReadSizes(TorchLayer layer, INamedTypeSymbol type, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        if (arguments.IsDefault)
        {
            return;
        }

        switch (layer.Kind)
        {
            case LayerKind.Dense:
                layer.FanIn = Size(arguments, "inputSize", "in_features", "in1_features");
                layer.FanOut = Size(arguments, "outputSize", "out_features");
                layer.HasBias = Flag(arguments, "hasBias", "bias") != false;
                break;
            case LayerKind.Convolution or LayerKind.TransposedConvolution:
                var inputs = Size(arguments, "in_channels", "inputChannel");
                var outputs = Size(arguments, "out_channels", "outputChannel");
                var groups = Size(arguments, "groups") ?? (Given(arguments, "groups") ? null : 1);
                var kernel = Kernel(arguments, type.Name);
                layer.HasBias = Flag(arguments, "bias") != false;
                if (kernel is { } k && groups is { } g && g > 0)
                {
                    // Conv2d(64, 128, 3): fan_in = 64 * 3 * 3 = 576 (DOMAIN.md section 2); groups divide the channels on the weight's dim 1.
                    layer.FanIn = layer.Kind == LayerKind.Convolution ? inputs / g * k : outputs / g * k;
                    layer.FanOut = layer.Kind == LayerKind.Convolution ? outputs * k : inputs * k;
                }

                break;
            case LayerKind.Embedding:
                layer.FanIn = Size(arguments, "embedding_dims", "embedding_dim");
                layer.FanOut = Size(arguments, "num_embeddings");
                break;
            case LayerKind.Recurrent:
                layer.FanIn = Size(arguments, "inputSize", "input_size");
                layer.FanOut = Size(arguments, "hiddenSize", "hidden_size");
                layer.HasBias = Flag(arguments, "bias") != false;
                layer.Applies = EnumName(arguments, "nonLinearity") == "ReLU" ? ActivationKind.ReLU : ActivationKind.Tanh;
                break;
            case LayerKind.Normalization:
                layer.HasBias = Flag(arguments, "affine", "elementwise_affine") != false;
                break;
        }
    }

    private static void AddParameters(TorchLayer layer, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        switch (layer.Kind)
        {
            case LayerKind.Dense or LayerKind.Convolution or LayerKind.TransposedConvolution:
                layer.Parameters.Add(new TorchParam(layer, "weight", WeightRole.Weight));
                if (layer.HasBias)
                {
                    layer.Parameters.Add(new TorchParam(layer, "bias", WeightRole.Bias));
                }

                break;
            case LayerKind.Embedding:
                layer.Parameters.Add(new TorchParam(layer, "weight", WeightRole.Embedding));
                break;
            case LayerKind.Recurrent:
                layer.Parameters.Add(new TorchParam(layer, "weight_ih", WeightRole.Weight));
                layer.Parameters.Add(new TorchParam(layer, "weight_hh", WeightRole.Weight));
                if (layer.HasBias)
                {
                    layer.Parameters.Add(new TorchParam(layer, "bias_ih", WeightRole.Bias));
                    layer.Parameters.Add(new TorchParam(layer, "bias_hh", WeightRole.Bias));
                }

                break;
            case LayerKind.Normalization when layer.HasBias:
                // LayerNorm(bias: false) keeps its scale.
                layer.Parameters.Add(new TorchParam(layer, "weight", WeightRole.Scale));
                if (Flag(arguments, "bias") != false)
                {
                    layer.Parameters.Add(new TorchParam(layer, "bias", WeightRole.Bias));
                }

                break;
        }
    }

    /// <summary>The product of the kernel's sizes: <c>3</c> in Conv2d is 3 * 3, <c>(3, 5)</c> is 15, <c>new long[] { 3, 5 }</c> is 15.</summary>
    private static long? Kernel(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string typeName)
    {
        var argument = Find(arguments, "kernel_size", "kernelSize");
        if (argument is null)
        {
            return null;
        }

        var dimensions = typeName.Contains("1d") ? 1 : typeName.Contains("3d") ? 3 : 2;
        var value = argument.WalkDownConversions();
        if (NumberFolder.Fold(value) is { } k)
        {
            return (long)Math.Pow(k, dimensions);
        }

        var elements = value switch
        {
            ITupleOperation tuple => tuple.Elements,
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            _ => default,
        };
        if (elements.IsDefaultOrEmpty)
        {
            return null;
        }

        long product = 1;
        foreach (var element in elements)
        {
            if (NumberFolder.Fold(element) is not { } size)
            {
                return null;
            }

            product *= (long)size;
        }

        return product;
    }

    private static IOperation? Find(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, params string[] names)
    {
        if (arguments.IsDefault)
        {
            return null;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && names.Contains(parameter.Name) && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static bool Given(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, params string[] names) => Find(arguments, names) is not null;

    private static long? Size(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, params string[] names) =>
        NumberFolder.Fold(Find(arguments, names)) is { } value && value > 0 && value < 1e9 ? (long)value : null;

    private static double? Number(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, params string[] names) => NumberFolder.Fold(Find(arguments, names));

    /// <summary>A boolean argument: true or false where it is a constant, null where it is not given or not constant.</summary>
    private static bool? Flag(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, params string[] names) =>
        Find(arguments, names) is { } value && value.ConstantValue is { HasValue: true, Value: bool flag } ? flag : null;

    private static string? EnumName(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, params string[] names) =>
        Find(arguments, names)?.WalkDownConversions() is IFieldReferenceOperation field ? field.Field.Name : null;
}
