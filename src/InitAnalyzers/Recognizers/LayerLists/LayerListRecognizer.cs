using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.LayerLists;

/// <summary>
/// Recognizes networks built as a list of library layers and pairs each weight layer with the activation that follows it:
/// <c>net.AddLayer(new FullyConnLayer(20)); net.AddLayer(new TanhLayer());</c> (ConvNetSharp),
/// <c>model.Add(new Dense(128, ActType.ReLU))</c> (SiaNet), <c>NetworkManager.NewSequential(input, NetworkLayers.FullyConnected(100,
/// ActivationType.ReLU), ...)</c> (NeuralNetwork.NET), and <c>new ActivationNetwork(new SigmoidFunction(), 2, 4, 1)</c> (AForge,
/// Accord). The initialization is the layer's own argument where the library takes one, else its default (<see cref="LayerCatalog"/>).
/// </summary>
internal sealed class LayerListRecognizer
{
    /// <summary>
    /// Names of code that sets AForge's and Accord's weights some other way than the U[0, 1) default: an initializer, another
    /// range or generator, or weights written or copied in (<c>ann.Layers[0].Neurons[i].Weights[j] = rbm...</c>).
    /// </summary>
    private static readonly string[] OtherNeuronInit = { "NguyenWidrow", "GaussianWeights", "RandRange", "RandGenerator", "Weights" };

    private readonly LayerCatalog catalog;
    private readonly Action<WeightSite, TypeContext> emit;

    private LayerListRecognizer(LayerCatalog catalog, Action<WeightSite, TypeContext> emit)
    {
        this.catalog = catalog;
        this.emit = emit;
    }

    /// <summary>Adds the recognizer, which leaves every type at once where no catalogued library is referenced or compiled.</summary>
    public static void Register(Compilation compilation, ICollection<Action<TypeContext>> recognizers, Action<WeightSite, TypeContext> emit)
    {
        // No layer list without a catalogued library, referenced or compiled: the references' file names tell at once, and the
        // declaration table, asked at the first type, once the compiler has built it.
        var referenced = LayerCatalog.MayBeReferenced(compilation);
        var present = new Lazy<bool>(() => referenced || LayerCatalog.MayBeDeclared(compilation), LazyThreadSafetyMode.PublicationOnly);

        // Resolved at the first type that names a catalogued layer, once the compiler has bound the references.
        var recognizer = new Lazy<LayerListRecognizer?>(() => LayerCatalog.Resolve(compilation) is { } catalog ? new LayerListRecognizer(catalog, emit) : null, LazyThreadSafetyMode.PublicationOnly);
        recognizers.Add(context =>
        {
            // Bail out fast: a type whose source names no catalogued weight layer builds no layer list.
            if (present.Value && Mentions(context.Symbol, LayerCatalog.Words, context.CancellationToken))
            {
                recognizer.Value?.OnType(context);
            }
        });
    }

    private void OnType(TypeContext context)
    {
        var sites = new List<WeightSite>();
        var otherNeuronInit = Mentions(context.Symbol, OtherNeuronInit, context.CancellationToken);
        foreach (var member in context.Code.All)
        {
            Read(member, sites, otherNeuronInit);
        }

        foreach (var site in sites)
        {
            emit(site, context);
        }
    }

    private static bool Mentions(INamedTypeSymbol type, string[] words, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Any(reference => words.Any(word => TextSearch.Mentions(reference, word, cancellationToken)));

    private void Read(MemberBlocks block, List<WeightSite> sites, bool otherNeuronInit)
    {
        var added = new Dictionary<ISymbol, List<(int Position, LayerEntry Entry)>>(SymbolEqualityComparer.Default);
        // In source order, so that a variable given a new network starts a new list.
        foreach (var root in block.Blocks)
        {
            foreach (var operation in root.DescendantsAndSelf().Where(operation => operation is IInvocationOperation or ISimpleAssignmentOperation or IObjectCreationOperation).OrderBy(operation => operation.Syntax.SpanStart).ToList())
            {
                switch (operation)
                {
                    case IInvocationOperation { Arguments.Length: 1, Instance: { } network } call
                        when IsAddLayer(call.TargetMethod) && network.WalkDownConversions().StorageSymbol() is { } holder:
                        if (!added.TryGetValue(holder, out var list))
                        {
                            added[holder] = list = new List<(int, LayerEntry)>();
                        }

                        list.Add((call.Syntax.SpanStart, Created(call.Arguments[0].Value)));
                        break;
                    case ISimpleAssignmentOperation { Value: IObjectCreationOperation } reassigned when reassigned.Target.StorageSymbol() is { } renewed && added.TryGetValue(renewed, out var previous):
                        // m = new Sequential(): a second network in the same variable; the first one's layers are judged alone.
                        Judge(previous.OrderBy(entry => entry.Position).Select(entry => entry.Entry).ToList(), block.Owner, sites);
                        added.Remove(renewed);
                        break;
                    case IInvocationOperation call when SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, catalog.NetworkManager) && call.TargetMethod.Name == "NewSequential":
                        Judge(Factories(call), block.Owner, sites);
                        break;
                    case IObjectCreationOperation creation when catalog.ActivationNetwork is { } network && SymbolEqualityComparer.Default.Equals(creation.Type, network) && !otherNeuronInit:
                        JudgeActivationNetwork(creation, block.Owner, sites);
                        break;
                }
            }
        }

        foreach (var list in added.Values)
        {
            Judge(list.OrderBy(added => added.Position).Select(added => added.Entry).ToList(), block.Owner, sites);
        }
    }

    private bool IsAddLayer(IMethodSymbol method) =>
        method.Name == "AddLayer" && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, catalog.ConvNetSharpNet)
        || method.Name == "Add" && SymbolEqualityComparer.Default.Equals(method.ContainingType, catalog.SiaNetSequential);

    /// <summary>A layer passed to <c>AddLayer</c> or <c>Add</c>: what it is and how its weights start.</summary>
    private LayerEntry Created(IOperation value)
    {
        value = value.WalkDownConversions();
        if (value is not IObjectCreationOperation creation || catalog.Layer(creation.Type) is not { } layer)
        {
            return LayerEntry.Opaque; // a layer made elsewhere or of another kind: pairing stops at it
        }

        if (!layer.HasWeights)
        {
            return LayerEntry.ActivationLayer(layer.ActivationKind, Slope(creation, layer.ActivationKind), MemberScope.Shortened(creation.Syntax.ToString()));
        }

        // Weights loaded from saved data (ConvNetSharp's FullyConnLayer(Dictionary<string, object> data)) or set in an object
        // initializer ({ KernelInitializer = ... }) are not the default: the layer is not judged, and pairing goes on past it.
        var scheme = creation.Initializer is null && creation.Constructor?.Parameters.Any(parameter => parameter.Type.Name == "Dictionary") != true ? layer.DefaultScheme : null;
        var activation = ActivationKind.Linear;
        foreach (var argument in creation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "activation" when argument.ArgumentKind == ArgumentKind.Explicit:
                    activation = EnumMember(argument.Value) is { } member ? LayerCatalog.EnumActivation(member) : ActivationKind.Unknown;
                    break;
                case "kernelInitializer" when argument.ArgumentKind == ArgumentKind.Explicit:
                    scheme = argument.Value.WalkDownConversions() switch
                    {
                        ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } => scheme,
                        IObjectCreationOperation { Type: INamedTypeSymbol initializer } => LayerCatalog.SiaNetInitializer(initializer),
                        _ => null,
                    };
                    break;
            }
        }

        return LayerEntry.WeightLayer(scheme, activation, null, creation.Syntax.GetLocation(), creation.Syntax.ToString(), layer.Framework);
    }

    /// <summary>The layer factories of <c>NewSequential(input, NetworkLayers.FullyConnected(...), ...)</c>, in order.</summary>
    private List<LayerEntry> Factories(IInvocationOperation call)
    {
        var entries = new List<LayerEntry>();
        var layers = call.Arguments.FirstOrDefault(argument => argument.Parameter?.IsParams == true);
        var elements = layers?.Value.WalkDownConversions() is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues : ImmutableArray<IOperation>.Empty;
        if (layers is null || elements.IsEmpty && layers.ArgumentKind != ArgumentKind.ParamArray)
        {
            return entries;
        }

        foreach (var element in elements)
        {
            // Batch normalization after a layer cancels its weights' scale: nothing to judge across it.
            if (element.WalkDownConversions() is not IInvocationOperation factory || factory.TargetMethod.Name == "BatchNormalization"
                || !(SymbolEqualityComparer.Default.Equals(factory.TargetMethod.ContainingType, catalog.NetworkLayers) || SymbolEqualityComparer.Default.Equals(factory.TargetMethod.ContainingType, catalog.CuDnnNetworkLayers)))
            {
                entries.Add(LayerEntry.Opaque);
                continue;
            }

            SchemeDraw? scheme = factory.TargetMethod.Name switch
            {
                "FullyConnected" or "Softmax" => LayerCatalog.NeuralNetworkNetMode("GlorotUniform"),
                "Convolutional" => LayerCatalog.NeuralNetworkNetConvolution,
                _ => null,
            };
            var activation = factory.TargetMethod.Name == "Softmax" ? ActivationKind.Softmax : ActivationKind.Unknown;
            foreach (var argument in factory.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "activation":
                        activation = EnumMember(argument.Value) is { } member ? LayerCatalog.EnumActivation(member) : ActivationKind.Unknown;
                        break;
                    case "weightsMode" when argument.ArgumentKind == ArgumentKind.Explicit:
                        scheme = EnumMember(argument.Value) is { } mode ? LayerCatalog.NeuralNetworkNetMode(mode) : null;
                        break;
                }
            }

            entries.Add(scheme is null
                ? LayerEntry.Neutral(activation) // pooling, normalization: no weights of their own
                : LayerEntry.WeightLayer(scheme, activation, null, factory.Syntax.GetLocation(), factory.Syntax.ToString(), LayerCatalog.NeuralNetworkNet));
        }

        return entries;
    }

    /// <summary>Pairs each weight layer with the activation after it, up to the next weight layer, and emits the judged ones.</summary>
    private static void Judge(List<LayerEntry> entries, ISymbol owner, List<WeightSite> sites)
    {
        var weights = entries.Select((entry, index) => (entry, index)).Where(pair => pair.entry.IsWeightLayer).ToList();
        var hidden = weights.Count - 1;
        for (var w = 0; w < weights.Count; w++)
        {
            var (entry, index) = weights[w];
            var next = w + 1 < weights.Count ? weights[w + 1].index : entries.Count;
            var (activation, slope) = (entry.Activation, entry.NegativeSlope);
            string? activationLayer = null;
            if (activation == ActivationKind.Linear)
            {
                // A layer without its own activation: the first activation layer after it, if nothing unknown comes first.
                for (var i = index + 1; i < next; i++)
                {
                    if (entries[i].IsOpaque)
                    {
                        activation = ActivationKind.Unknown;
                        break;
                    }

                    if (entries[i].Activation != ActivationKind.Linear)
                    {
                        (activation, slope, activationLayer) = (entries[i].Activation, entries[i].NegativeSlope, entries[i].Text);
                        break;
                    }
                }
            }

            if (entry.Scheme is not { } scheme)
            {
                continue; // an initializer the catalogue does not know
            }

            var position = w + 1 < weights.Count ? LayerPosition.Hidden : LayerPosition.Output;
            var site = new WeightSite(owner, WeightRole.Weight, position, new Initialization(InitKind.Scheme, ImmutableArray.Create(entry.Location!), scheme: scheme), activation, displayName: MemberScope.Shortened(entry.Text!), negativeSlope: slope, framework: entry.Framework);
            var where = MemberScope.Place(owner, entry.Location!.SourceTree);
            sites.Add(site.InNetworkOf(hidden).AppliedIn(activationLayer is null ? where : "'" + activationLayer + "' after it, in " + where));
        }
    }

    /// <summary>
    /// <c>new ActivationNetwork(function, inputs, 4, 1)</c>: every layer but the last is hidden, and every weight starts in
    /// U[0, 1) (AForge's <c>Neuron.RandRange</c>, Accord's <c>UniformContinuousDistribution()</c>), reported on the creation.
    /// </summary>
    private void JudgeActivationNetwork(IObjectCreationOperation creation, ISymbol owner, List<WeightSite> sites)
    {
        var counts = creation.Arguments.FirstOrDefault(argument => argument.Parameter?.IsParams == true);
        var layers = counts?.Value.WalkDownConversions() is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues.Length : 0;
        if (layers < 2)
        {
            return; // one layer: no hidden layer whose units the draw could skew
        }

        var function = creation.Arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == 0)?.Value.WalkDownConversions();
        var activation = function is IObjectCreationOperation { Type: var functionType } && catalog.Layer(functionType) is { HasWeights: false } known ? known.ActivationKind : ActivationKind.Unknown;
        var draw = RandomDraw.Uniform(0, 1);
        var site = new WeightSite(owner, WeightRole.Weight, LayerPosition.Hidden, new Initialization(InitKind.Uniform, ImmutableArray.Create(creation.Syntax.GetLocation()), draw: draw), activation, displayName: MemberScope.Shortened(creation.Syntax.ToString()), framework: LayerCatalog.AccordNeuro);
        sites.Add(site.InNetworkOf(layers - 1));
    }

    private static double? Slope(IObjectCreationOperation creation, ActivationKind activation) =>
        activation == ActivationKind.LeakyReLU && creation.Arguments.FirstOrDefault(argument => argument.ArgumentKind == ArgumentKind.Explicit)?.Value.NumericConstant() is { } alpha ? alpha : null;

    /// <summary><c>ActType.ReLU</c>: the member's name; null for anything but an enum member.</summary>
    private static string? EnumMember(IOperation value) =>
        value.WalkDownConversions() is IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum } member } ? member.Name : null;


    /// <summary>One entry of a layer list.</summary>
    private sealed class LayerEntry
    {
        private LayerEntry(bool isWeightLayer, bool isOpaque, SchemeDraw? scheme, ActivationKind activation, double? slope, Location? location, string? text, string? framework)
        {
            IsWeightLayer = isWeightLayer;
            IsOpaque = isOpaque;
            Scheme = scheme;
            Activation = activation;
            NegativeSlope = slope;
            Location = location;
            Text = text;
            Framework = framework;
        }

        public static LayerEntry Opaque { get; } = new(false, true, null, ActivationKind.Unknown, null, null, null, null);

        public bool IsWeightLayer { get; }

        public bool IsOpaque { get; }

        public SchemeDraw? Scheme { get; }

        /// <summary>The layer's own activation (linear when it has none), or what an activation layer computes.</summary>
        public ActivationKind Activation { get; }

        public double? NegativeSlope { get; }

        public Location? Location { get; }

        public string? Text { get; }

        public string? Framework { get; }

        public static LayerEntry WeightLayer(SchemeDraw? scheme, ActivationKind activation, double? slope, Location location, string text, string framework) =>
            new(true, false, scheme, activation, slope, location, text, framework);

        public static LayerEntry ActivationLayer(ActivationKind activation, double? slope, string text) => new(false, activation == ActivationKind.Unknown, null, activation, slope, null, text, null);

        /// <summary>A layer with no weights (pooling, normalization) that applies <paramref name="activation"/>.</summary>
        public static LayerEntry Neutral(ActivationKind activation) => new(false, activation == ActivationKind.Unknown, null, activation, null, null, null, null);
    }
}
