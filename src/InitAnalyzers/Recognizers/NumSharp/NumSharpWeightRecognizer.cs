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

namespace InitAnalyzers.Recognizers.NumSharp;

/// <summary>
/// Recognizes layers whose weights live in NumSharp <c>NDArray</c> fields or auto-properties: which arrays are weights (a
/// factor of a product with the layer's input, confirmed by training, random values or the name), how they are
/// initialized across the whole type (<c>np.zeros</c>, <c>np.ones</c>, <c>np.full</c>, <c>np.random.*</c>), which layer feeds
/// which, and the activation that follows. Emits <see cref="WeightSite"/> facts at the end of each type.
/// </summary>
internal sealed class NumSharpWeightRecognizer
{
    private readonly CompilationIndex index;
    private readonly NumSharpTypes types;
    private readonly Action<WeightSite, TypeContext> emit;

    private NumSharpWeightRecognizer(CompilationIndex index, NumSharpTypes types, Action<WeightSite, TypeContext> emit)
    {
        this.index = index;
        this.types = types;
        this.emit = emit;
    }

    /// <summary>Adds the recognizer when the compilation references NumSharp; does nothing otherwise.</summary>
    public static void Register(Compilation compilation, ICollection<Action<TypeContext>> recognizers, CompilationIndex index, Action<WeightSite, TypeContext> emit)
    {
        // Resolved at the first type that may hold an NDArray, once the compiler has bound the references: their binding is the
        // compiler's cost, not ours, and code that holds none resolves nothing.
        var recognizer = new Lazy<NumSharpWeightRecognizer?>(() => NumSharpTypes.Resolve(compilation) is { } types ? new NumSharpWeightRecognizer(index, types, emit) : null, LazyThreadSafetyMode.PublicationOnly);
        recognizers.Add(context =>
        {
            if (NumSharpTypes.MayHoldNDArray(context.Symbol))
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

        // Bail out fast: a type without an NDArray field (or auto-property) holds no NumSharp layer.
        Dictionary<ISymbol, NDArrayEvidence>? members = null;
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsConst: false } field && types.IsNDArray(field.Type))
            {
                members ??= new Dictionary<ISymbol, NDArrayEvidence>(SymbolEqualityComparer.Default);
                var evidence = new NDArrayEvidence(field);
                members[field] = evidence;
                if (field.AssociatedSymbol is IPropertySymbol property)
                {
                    members[property] = evidence; // an auto-property is its backing field
                }
            }
        }

        if (members is null)
        {
            return;
        }

        var collector = new TypeCollector(members, types);
        collector.Accesses.Collect(context.Code, context.CancellationToken);
        Judge(context, collector);
    }

    private void Judge(TypeContext context, TypeCollector collector)
    {
        collector.Classify();
        // A weight by use (a product with the layer's input), confirmed by training, random values or its name:
        // a fixed projection, a blur kernel or a lookup table is not one.
        var candidates = collector.Members.Values.Distinct().ToList();
        foreach (var evidence in candidates)
        {
            evidence.Products.RemoveAll(use => IsOtherFactorsProduct(evidence, use, collector.Members));
        }

        var options = InitOptions.For(context.Options, context.Symbol);
        var weights = candidates
            .Where(evidence => evidence.Products.Count > 0
                && (evidence.Trained || evidence.Writes.Any(write => write.Kind == NDArrayWriteKind.Draw) || WeightedSumMatcher.NameSaysTrainableWeight(evidence.Member.Name, options)))
            .ToList();
        if (weights.Count == 0)
        {
            return;
        }

        var forward = weights.ToDictionary(evidence => evidence, evidence => evidence.Products.Where(use => !use.InBackwardPass).ToList());
        var bodies = forward.Values.SelectMany(uses => uses).Select(use => use.Product.Root()).Distinct().ToList();
        var flows = weights.ToDictionary(
            evidence => evidence,
            evidence => NDArrayDataFlow.From(forward[evidence].Where(use => !use.MergedIntoAnotherPath).Select(use => use.Product), bodies));
        var initializations = weights.ToDictionary(evidence => evidence, evidence => Initialize(evidence, context));

        // The depth shows where each layer's output visibly reaches another's product: each one that does is a hidden layer.
        var feeding = weights.Count(from => Feeds(from, weights, forward, flows));
        int? hiddenLayers = feeding > 0 ? feeding : null;
        foreach (var evidence in weights)
        {
            var position = Position(evidence, weights, forward, flows, initializations, context);
            var rank = MemberScope.Agreed(evidence.Writes.Select(write => write.Rank), null);
            var fanInIndex = rank switch
            {
                1 => 0, // a vector of weights reduces over its only dimension, on either side of the product
                2 => MemberScope.Agreed(forward[evidence].Select(use => use.FanInIndex), null),
                null => MemberScope.Agreed(forward[evidence].Select(use => use.FanInIndex), null),
                _ => null,
            };
            var site = new WeightSite(evidence.Field, WeightRole.Weight, position, initializations[evidence], MemberScope.Agreed(forward[evidence].Select(use => use.Activation), ActivationKind.Unknown), fanInIndex);
            emit(site.InNetworkOf(hiddenLayers).AppliedIn(MemberScope.OnePlace(forward[evidence].Select(use => MemberScope.Place(use.Product.Syntax, use.Method)))), context);
        }
    }

    /// <summary>
    /// A product of two members (<c>np.dot(X, W1)</c> with synthetic data <c>X = np.random.rand(...)</c>, or a cached input):
    /// it is the layer of the member that is more clearly a weight (trained, then named so); when neither is, of neither.
    /// </summary>
    private static bool IsOtherFactorsProduct(NDArrayEvidence evidence, NDArrayProductUse use, Dictionary<ISymbol, NDArrayEvidence> members)
    {
        if (Untransposed(use.Input).StorageSymbol() is not { } symbol || !members.TryGetValue(symbol, out var other) || other == evidence)
        {
            return false;
        }

        var (mine, theirs) = (Strength(evidence), Strength(other));
        return theirs > mine || theirs == 0 && mine == 0;
    }

    /// <summary><c>X.T</c> and <c>X.transpose()</c> are <c>X</c>.</summary>
    private static IOperation Untransposed(IOperation operation)
    {
        while (true)
        {
            switch (operation.WalkDownConversions())
            {
                case IPropertyReferenceOperation { Property.Name: "T", Instance: { } instance }:
                    operation = instance;
                    break;
                case IInvocationOperation { TargetMethod.Name: "transpose", Instance: { } instance }:
                    operation = instance;
                    break;
                case var other:
                    return other;
            }
        }
    }

    private static int Strength(NDArrayEvidence evidence) => (evidence.Trained ? 2 : 0) + (WeightedSumMatcher.NameSaysTrainableWeight(evidence.Member.Name) ? 1 : 0);

    /// <summary>
    /// What the member holds before the first forward pass: every array assigned to it in the type must be of one kind (all zeros,
    /// one constant, one distribution), nothing may hand it to unknown code, and no code outside the type may write it.
    /// </summary>
    private Initialization Initialize(NDArrayEvidence evidence, TypeContext context)
    {
        var writes = evidence.Writes;
        if (writes.Count == 0 || writes.Any(write => write.Kind is NDArrayWriteKind.Values or NDArrayWriteKind.Escape) || MemberScope.MayBeWrittenElsewhere(evidence.Member, index, NDArrayExternalUses.IsPlainRead, context.CancellationToken))
        {
            return Facts.Initialization.Unknown;
        }

        var first = writes[0];
        if (!writes.All(write => write.Kind == first.Kind && write.Constant.Equals(first.Constant) && Equals(write.Draw, first.Draw)))
        {
            return Facts.Initialization.Unknown; // np.zeros in one method, np.random.randn in another: which one wins depends on the order of calls
        }

        var locations = writes.Select(write => write.Location).Distinct().ToImmutableArray();
        return first.Kind switch
        {
            NDArrayWriteKind.Zero => new Initialization(InitKind.Zero, locations),
            NDArrayWriteKind.Constant => new Initialization(InitKind.Constant, locations, first.Constant),
            _ => new Initialization(first.Draw!.Scheme is null ? first.Draw.Family : InitKind.Scheme, locations, draw: first.Draw, scheme: first.Draw.Scheme),
        };
    }

    /// <summary>
    /// Hidden when the layer's output reaches another weight's product; the output layer when other layers visibly feed on and
    /// this one feeds none; for a class with a single weight, hidden when its forward results are chained into its own forward.
    /// </summary>
    private LayerPosition Position(
        NDArrayEvidence evidence,
        List<NDArrayEvidence> weights,
        Dictionary<NDArrayEvidence, List<NDArrayProductUse>> forward,
        Dictionary<NDArrayEvidence, NDArrayDataFlow> flows,
        Dictionary<NDArrayEvidence, Initialization> initializations,
        TypeContext context)
    {
        if (Feeds(evidence, weights, forward, flows))
        {
            return LayerPosition.Hidden;
        }

        if (weights.Any(other => other != evidence && Feeds(other, weights, forward, flows)))
        {
            return LayerPosition.Output;
        }

        if (weights.Count == 1 && initializations[evidence].Kind is InitKind.Zero or InitKind.Constant
            && forward[evidence].Any(use => !use.MergedIntoAnotherPath && index.IsChained(use.Method, context.CancellationToken)))
        {
            return LayerPosition.Hidden; // a layer class whose forward results feed its own forward: stacked layers
        }

        return LayerPosition.Unknown;
    }

    /// <summary>True when the output of <paramref name="from"/>'s products reaches the input of another weight's product.</summary>
    private static bool Feeds(NDArrayEvidence from, List<NDArrayEvidence> weights, Dictionary<NDArrayEvidence, List<NDArrayProductUse>> forward, Dictionary<NDArrayEvidence, NDArrayDataFlow> flows) =>
        weights.Any(other => other != from && forward[other].Any(use => flows[from].Reaches(use.Input, use.Product.Root().Syntax)));

    /// <summary>The evidence of one type: the uses of its followed members, classified at the end of the type.</summary>
    private sealed class TypeCollector
    {
        private readonly NumSharpTypes types;

        public TypeCollector(Dictionary<ISymbol, NDArrayEvidence> members, NumSharpTypes types)
        {
            Members = members;
            this.types = types;
            Accesses = new StorageAccesses<NDArrayEvidence>(members);
        }

        public Dictionary<ISymbol, NDArrayEvidence> Members { get; }

        public StorageAccesses<NDArrayEvidence> Accesses { get; }

        /// <summary>Classifies every use of a followed member, in source order.</summary>
        public void Classify() => Accesses.Replay(
            (operation, storage, owner) => NDArrayUseClassifier.Classify(operation, storage, owner, types),
            (value, storage, owner) => NDArrayUseClassifier.ClassifyInitializer(value, storage, types));
    }
}
