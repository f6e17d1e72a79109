using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using InitAnalyzers.Configuration;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers.Arrays;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.MathNet;

/// <summary>
/// Recognizes layers whose weights live in MathNet.Numerics matrices (<c>Matrix&lt;double&gt;</c>, <c>Matrix&lt;float&gt;</c>,
/// <c>DenseMatrix</c>) or vectors (one unit's weights): which fields are weights (they multiply the layer's input in a
/// product, and are trained, drawn at random or named so), how they are initialized across the whole type, which layer
/// feeds which and what activation follows. Emits <see cref="WeightSite"/> facts at the end of each type.
/// </summary>
internal sealed class MathNetWeightRecognizer
{
    private readonly MathNetTypes types;
    private readonly CompilationIndex index;
    private readonly Action<WeightSite, TypeContext> emit;

    private MathNetWeightRecognizer(MathNetTypes types, CompilationIndex index, Action<WeightSite, TypeContext> emit)
    {
        this.types = types;
        this.index = index;
        this.emit = emit;
    }

    /// <summary>Adds the recognizer when the compilation references MathNet.Numerics; does nothing otherwise.</summary>
    public static void Register(Compilation compilation, ICollection<Action<TypeContext>> recognizers, CompilationIndex index, Action<WeightSite, TypeContext> emit)
    {
        // Resolved at the first type that may hold a matrix, once the compiler has bound the references: their binding is the
        // compiler's cost, not ours, and code that holds no matrix (most code that references MathNet) resolves nothing.
        var recognizer = new Lazy<MathNetWeightRecognizer?>(() => MathNetTypes.Resolve(compilation) is { } types ? new MathNetWeightRecognizer(types, index, emit) : null, LazyThreadSafetyMode.PublicationOnly);
        recognizers.Add(context =>
        {
            if (MathNetTypes.MayHoldShape(context.Symbol))
            {
                recognizer.Value?.OnType(context);
            }
        });
    }

    private void OnType(TypeContext context)
    {
        if (context.Symbol is not { TypeKind: TypeKind.Class or TypeKind.Struct } type)
        {
            return;
        }

        // Bail out fast: a type without a floating-point matrix or vector field has no MathNet layer.
        Dictionary<ISymbol, MatrixStorage>? storages = null;
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsConst: false } field && types.WeightShapeOf(field.Type) is { } shape)
            {
                storages ??= new Dictionary<ISymbol, MatrixStorage>(SymbolEqualityComparer.Default);
                var storage = new MatrixStorage(field, shape);
                storages[field] = storage;
                if (field.AssociatedSymbol is IPropertySymbol property)
                {
                    storages[property] = storage; // an auto-property is its backing field
                }
            }
        }

        if (storages is null)
        {
            return;
        }

        var collector = new TypeCollector(storages, types);
        collector.Accesses.Collect(context.Code, context.CancellationToken);
        Judge(context, collector);
    }

    private void Judge(TypeContext context, TypeCollector collector)
    {
        collector.Classify();
        var all = collector.Storages.Values.Distinct().ToList();
        var options = InitOptions.For(context.Options, context.Symbol);

        // A weight by use (a product with the layer's input), confirmed by training, random values or its name:
        // a rotation, a covariance or a cost matrix also multiplies vectors, but is none of these.
        var candidates = new HashSet<ISymbol>(
            all.Where(storage => storage.Products.Count > 0 && (storage.Trained || storage.Writes.Any(write => write.Random) || WeightedSumMatcher.NameSaysTrainableWeight(storage.Name, options)))
                .SelectMany(storage => new[] { storage.Field, storage.Member }),
            SymbolEqualityComparer.Default);

        // W2 * W1 says nothing about which factor is the layer: such products are left out.
        var layers = all.Where(storage => candidates.Contains(storage.Field))
            .Select(storage => (Storage: storage, Products: storage.Products.Where(product => product.Partner is null || !candidates.Contains(product.Partner)).ToList()))
            .Where(layer => layer.Products.Count > 0)
            .ToList();
        if (layers.Count == 0)
        {
            return;
        }

        var forward = layers.ToDictionary(layer => layer.Storage, layer => layer.Products.Where(product => !product.InBackwardPass).ToList());

        // The depth shows where each layer's output visibly feeds another's product: each one that does is a hidden layer.
        var feeding = forward.Keys.Count(storage => forward.Any(other => other.Key != storage && Feeds(forward[storage], other.Value)));
        int? hiddenLayers = feeding > 0 ? feeding : null;
        foreach (var (storage, _) in layers)
        {
            var initialization = Initialize(storage, context);
            var uses = forward[storage];
            var position = Position(storage, forward, initialization, context);
            var site = new WeightSite(storage.Field, WeightRole.Weight, position, initialization, MemberScope.Agreed(uses.Select(use => use.Activation), ActivationKind.Unknown), MemberScope.Agreed(uses.Select(use => use.FanInIndex), null));
            emit(site.InNetworkOf(hiddenLayers).AppliedIn(MemberScope.OnePlace(uses.Select(use => MemberScope.Place(use.Product, use.Method)))), context);
        }
    }

    /// <summary>What the matrix holds before the first forward pass, from every write and hand-off in the type (and outside it, for non-private members).</summary>
    private Initialization Initialize(MatrixStorage storage, TypeContext context)
    {
        var writes = storage.Writes;
        if (writes.Count == 0 || writes.Any(write => write.Kind == MatrixWriteKind.Escape) || MemberScope.MayBeWrittenElsewhere(storage.Member, index, MatrixExternalUses.IsPlainRead, context.CancellationToken))
        {
            return Initialization.Unknown;
        }

        var zeroFills = writes.Where(write => write.Kind == MatrixWriteKind.ZeroFill).ToList();
        var values = writes.Where(write => write.Kind == MatrixWriteKind.ValueWrite).ToList();
        var constants = writes.Where(write => write.Kind == MatrixWriteKind.ConstantFill).ToList();
        if (values.Count > 0)
        {
            // One recognized distribution everywhere, or nothing is claimed; a fill beside it may come before or after.
            var draw = values[0].Draw;
            return draw is not null && values.All(write => draw.Equals(write.Draw)) && constants.Count == 0 && zeroFills.Count == 0
                ? new Initialization(draw.Scheme is null ? draw.Family : InitKind.Scheme, values.Select(write => write.Location).ToImmutableArray(), draw: draw, scheme: draw.Scheme)
                : Initialization.Unknown;
        }

        if (constants.Count > 0)
        {
            var value = constants[0].Constant;
            return constants.All(write => write.Constant.Equals(value)) && zeroFills.Count == 0
                ? new Initialization(InitKind.Constant, constants.Select(write => write.Location).ToImmutableArray(), value)
                : Initialization.Unknown;
        }

        // Report where the zeros are chosen: an explicit fill if there is one, else the allocation.
        var reported = zeroFills.Count > 0 ? zeroFills : writes;
        return new Initialization(InitKind.Zero, reported.Select(write => write.Location).Distinct().ToImmutableArray());
    }

    /// <summary>
    /// Hidden when the layer's output is a factor of another weight's product; output when another layer feeds it and it
    /// feeds none; hidden too for a one-matrix layer class whose forward results are chained into its own forward.
    /// </summary>
    private LayerPosition Position(MatrixStorage storage, Dictionary<MatrixStorage, List<MatrixProduct>> forward, Initialization initialization, TypeContext context)
    {
        var others = forward.Where(pair => pair.Key != storage).ToList();
        if (others.Any(other => Feeds(forward[storage], other.Value)))
        {
            return LayerPosition.Hidden;
        }

        if (others.Any(other => Feeds(other.Value, forward[storage])))
        {
            return LayerPosition.Output;
        }

        if (forward.Count == 1 && initialization.Kind is InitKind.Zero or InitKind.Constant
            && forward[storage].Any(use => index.IsChained(use.Method, context.CancellationToken)))
        {
            return LayerPosition.Hidden; // a layer class whose forward results feed its own forward: stacked layers
        }

        return LayerPosition.Unknown;
    }

    /// <summary>True when an output of <paramref name="from"/> is a factor of one of the products in <paramref name="to"/>.</summary>
    private static bool Feeds(List<MatrixProduct> from, List<MatrixProduct> to) =>
        from.Any(source => to.Any(target =>
            source.Consumers.Contains(target.Product)
            || source.Outputs.Any(output => target.Inputs.Any(input => output.Reaches(input, target.Product)))));

    /// <summary>The evidence of one type: the uses of its followed members, classified at the end of the type.</summary>
    private sealed class TypeCollector
    {
        private readonly MathNetTypes types;

        public TypeCollector(Dictionary<ISymbol, MatrixStorage> storages, MathNetTypes types)
        {
            Storages = storages;
            this.types = types;
            Accesses = new StorageAccesses<MatrixStorage>(storages);
        }

        public Dictionary<ISymbol, MatrixStorage> Storages { get; }

        public StorageAccesses<MatrixStorage> Accesses { get; }

        /// <summary>Classifies every use of a followed member, in source order.</summary>
        public void Classify() => Accesses.Replay(
            (operation, storage, owner) => MatrixUseClassifier.Classify(operation, storage, owner, types),
            (value, storage, owner) => MatrixUseClassifier.ClassifyAssignedValue(value, storage, types));
    }
}
