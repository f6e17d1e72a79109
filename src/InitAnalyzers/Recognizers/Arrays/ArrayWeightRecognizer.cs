using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using InitAnalyzers.Configuration;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// Recognizes hand-written layers whose weights live in arrays (<c>double[,]</c>, <c>float[][]</c>, <c>double[]</c>):
/// which array fields are weights (by use in a weighted sum), how they are initialized across the whole type,
/// and which layer feeds which. Emits <see cref="WeightSite"/> facts at the end of each type.
/// </summary>
internal sealed class ArrayWeightRecognizer
{
    private readonly CompilationIndex index;
    private readonly Action<WeightSite, TypeContext> emit;

    public ArrayWeightRecognizer(CompilationIndex index, Action<WeightSite, TypeContext> emit)
    {
        this.index = index;
        this.emit = emit;
    }

    public void OnType(TypeContext context)
    {
        if (context.Symbol is not { TypeKind: TypeKind.Class or TypeKind.Struct } type)
        {
            return;
        }

        // Bail out fast: a type without a floating-point array field has no hand-written layer.
        Dictionary<ISymbol, StorageEvidence>? storages = null;
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsConst: false } field && ArrayShape.IsFloatingArray(field.Type))
            {
                storages ??= new Dictionary<ISymbol, StorageEvidence>(SymbolEqualityComparer.Default);
                var evidence = new StorageEvidence(field);
                storages[field] = evidence;
                if (field.AssociatedSymbol is IPropertySymbol property)
                {
                    storages[property] = evidence; // an auto-property is its backing field
                }
            }
        }

        if (storages is null)
        {
            return;
        }

        // A read-only property that returns the array (public double[] Weights => weights;) is the array under another name.
        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol { SetMethod: null, IsIndexer: false } alias && ReturnedField(alias) is { } returned && storages.TryGetValue(returned, out var aliased))
            {
                storages[alias] = aliased;
            }
        }

        // Every weight is multiplied element by element in a weighted sum, in this type or, for a neuron or layer held in a
        // network, possibly only in another: the arrays of numeric code that is neither are not followed any further.
        var products = ElementProducts.Read(type, storages.Keys.Select(member => member.Name).ToList(), context.CancellationToken);
        var groups = MembersByStorage(storages);
        groups.RemoveAll(group => !(group.Names.Any(products.MayBeFactor)
            || MayBeUsedOutside(type, group.Members) && index.IsStacked(type.Name, LayerDepth(group.Storage))));
        if (groups.Count == 0)
        {
            return;
        }

        // ... and is named as a weight, trained or drawn at random in its own type: otherwise nothing is bound.
        var clues = WeightClues.Read(type, InitOptions.For(context.Options, type), context.CancellationToken);
        groups.RemoveAll(group => !clues.MaySayWeight(group.Names));
        if (groups.Count == 0)
        {
            return;
        }

        var followed = new Dictionary<ISymbol, StorageEvidence>(SymbolEqualityComparer.Default);
        foreach (var group in groups)
        {
            foreach (var member in group.Members)
            {
                followed[member] = group.Storage;
            }
        }

        if (!MayBeJudged(type, followed, products, clues, context.CancellationToken))
        {
            return;
        }

        var collector = new TypeCollector(type, followed);
        collector.Accesses.Collect(context.Code, context.CancellationToken);
        Judge(context, collector);
    }

    /// <summary>The members that name each array (its field, auto-property and aliases), in declaration order.</summary>
    private static List<StorageGroup> MembersByStorage(Dictionary<ISymbol, StorageEvidence> storages)
    {
        var groups = new List<StorageGroup>();
        foreach (var pair in storages)
        {
            var group = groups.Find(candidate => candidate.Storage == pair.Value);
            if (group is null)
            {
                groups.Add(group = new StorageGroup(pair.Value));
            }

            group.Members.Add(pair.Key);
            group.Names.Add(pair.Key.Name);
        }

        return groups;
    }

    private sealed class StorageGroup
    {
        public StorageGroup(StorageEvidence storage) => Storage = storage;

        public StorageEvidence Storage { get; }

        public List<ISymbol> Members { get; } = new(2);

        public List<string> Names { get; } = new(2);
    }

    /// <summary>
    /// False when no rule could judge the followed arrays, read from syntax before anything is bound. INIT001, INIT002 and
    /// INIT004 need a layer's place in a network (<see cref="Position"/>): a weighted sum that may feed another in the type, a
    /// type held as several layers, or a forward method chained into a network; INIT003 needs a scale formula, which takes a
    /// square root, a random draw (in the type's file, or by another type
    /// where the arrays are not private) and an activation. A layer class made in a list of layers may be paired with the
    /// activation layer after it (<see cref="ConstructionSites"/>). Numeric code whose products are none of these (filters, solvers, graphs) stops here.
    /// </summary>
    private bool MayBeJudged(INamedTypeSymbol type, Dictionary<ISymbol, StorageEvidence> followed, ElementProducts products, WeightClues clues, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(followed.Keys.Select(member => member.Name), StringComparer.Ordinal);
        return followed.Values.Distinct().Any(storage => index.IsStacked(type.Name, LayerDepth(storage)))
            || products.MayFeed(names)
            || (clues.MayDrawScheme() || MayBeUsedOutside(type, followed.Keys)) && products.MayActivate(names)
            || index.IsListed(type.Name, cancellationToken)
            || products.MethodsMultiplying(names).Any(method => MayReturn(type, method) && index.IsChained(method, cancellationToken));
    }

    /// <summary>
    /// False when every method of this name in <paramref name="type"/> is void: a void method's calls are chained into no network.
    /// A name with no member of its own (an explicit interface implementation, a nested type's method) may return a value.
    /// </summary>
    private static bool MayReturn(INamedTypeSymbol type, string method)
    {
        var members = type.GetMembers(method);
        return members.IsEmpty || members.Any(member => member is not IMethodSymbol { ReturnsVoid: true });
    }

    /// <summary>Another type, or a nested one, may use the members (a derived class, a network that fills its layers).</summary>
    private static bool MayBeUsedOutside(INamedTypeSymbol type, IEnumerable<ISymbol> members) =>
        !type.GetTypeMembers().IsEmpty || members.Any(member => member.DeclaredAccessibility != Accessibility.Private);

    private void Judge(TypeContext context, TypeCollector collector)
    {
        collector.Classify();

        // A weight by use (a weighted sum), confirmed by training, random values or its name: a fixed cost matrix or blur kernel is not one.
        var options = InitOptions.For(context.Options, collector.Type);
        var followed = collector.Storages.Values.Distinct().ToDictionary(storage => storage, storage => FollowOutsideUses(storage, collector, options, context));
        var weights = followed.Keys
            .Where(storage => storage.WeightedSums.Count > 0
                && (storage.Trained || storage.Writes.Any(write => write.Draw is not null) || WeightedSumMatcher.NameSaysTrainableWeight(storage.Field.AssociatedSymbol?.Name ?? storage.Field.Name, options)))
            .ToList();
        if (weights.Count == 0)
        {
            return;
        }

        var initializations = weights.ToDictionary(storage => storage, storage => followed[storage] ? Initialize(storage) : Facts.Initialization.Unknown);

        // The depth shows where each layer's output visibly feeds the next; one jagged array of every layer feeds itself, any number of times.
        var feeding = weights.Where(storage => Feeds(storage, weights)).ToList();
        int? hiddenLayers = feeding.Count > 0 && !feeding.Any(storage => Feeds(storage, new List<StorageEvidence> { storage })) ? feeding.Count : null;
        foreach (var storage in weights)
        {
            var position = Position(storage, weights, initializations, context);
            var forward = storage.WeightedSums.Where(use => !use.InBackwardPass).ToList();
            var fanInIndex = MemberScope.Agreed(forward.Select(use => use.InputIndexPosition), null);
            var (fanIn, fanOut) = storage.ConstantFans(fanInIndex);
            var applied = MemberScope.OnePlace(forward.Select(use => use.Where));
            var activation = MemberScope.Agreed(forward.Select(use => use.Activation), ActivationKind.Unknown);
            var networkHidden = hiddenLayers;
            if (activation is ActivationKind.Unknown or ActivationKind.Linear && initializations[storage].Kind != InitKind.Unknown && position != LayerPosition.Output
                && ConstructionSites.Pair(collector.Type, forward, activation == ActivationKind.Linear, index, context.CancellationToken) is { } paired)
            {
                // One layer class, its activation chosen where each layer is made (an argument, or the activation layer after it in
                // a list): what every hidden layer's construction chooses.
                (activation, position, networkHidden) = (paired.Activation, LayerPosition.Hidden, networkHidden ?? paired.HiddenLayers);
                applied = (applied is null ? string.Empty : applied + ", ") + "as chosen by " + paired.Where;
            }

            emit(new WeightSite(storage.Field, WeightRole.Weight, position, initializations[storage], activation, fanInIndex, fanIn, fanOut).InNetworkOf(networkHidden).AppliedIn(applied), context);
        }
    }

    /// <summary>What the array holds before the first forward pass, from every write and hand-off in the type (and outside it, for non-private fields).</summary>
    private static Initialization Initialize(StorageEvidence storage)
    {
        var writes = storage.Writes.Where(write => write.Kind != EvidenceKind.RowAllocation).ToList();
        if (writes.Count == 0 || writes.Any(write => write.Kind == EvidenceKind.Escape))
        {
            return Facts.Initialization.Unknown;
        }

        var values = writes.Where(write => write.Kind == EvidenceKind.ValueWrite).ToList();
        if (values.Count > 0)
        {
            // Random draws over a zero allocation: one recognized distribution everywhere, or nothing is claimed.
            // A later mutation changes drawn weights but does not make their first draw right.
            if (values.Any(write => write.Draw is not null) && values.Any(write => write.Evolution))
            {
                values = values.Where(write => !write.Evolution).ToList();
            }

            // The draw that construction makes is the initialization, whatever optional methods write later (Load, CopyFrom):
            // when every value the constructors write, directly or through the helpers they call, is one draw, that is judged.
            var constructed = ConstructionMembers(storage.Field.ContainingType);
            var atConstruction = values.Where(write => write.Member is null || constructed.Contains(write.Member)).ToList();
            if (atConstruction.Count > 0 && atConstruction[0].Draw is { } first && atConstruction.All(write => first.Equals(write.Draw)) && !writes.Any(write => write.Kind == EvidenceKind.ConstantFill && (write.Member is null || constructed.Contains(write.Member))))
            {
                values = atConstruction;
            }

            var draw = values[0].Draw;
            return draw is not null && values.All(write => draw.Equals(write.Draw)) && writes.All(write => write.Kind != EvidenceKind.ConstantFill)
                ? new Initialization(draw.Scheme is null ? draw.Family : InitKind.Scheme, values.Select(write => write.Location).ToImmutableArray(), draw: draw, scheme: draw.Scheme)
                : Facts.Initialization.Unknown;
        }

        var constants = writes.Where(write => write.Kind == EvidenceKind.ConstantFill).ToList();
        if (constants.Count > 0)
        {
            var value = constants[0].Constant;
            return constants.All(write => write.Constant.Equals(value)) && writes.All(write => write.Kind != EvidenceKind.ZeroFill)
                ? new Initialization(InitKind.Constant, constants.Select(write => write.Location).ToImmutableArray(), value)
                : Facts.Initialization.Unknown;
        }

        // Report where the zeros are chosen: an explicit fill if there is one, else the allocation.
        var fills = writes.Where(write => write.Kind == EvidenceKind.ZeroFill).ToList();
        var reported = fills.Count > 0 ? fills : writes;
        return new Initialization(InitKind.Zero, reported.Select(write => write.Location).Distinct().ToImmutableArray(), zeroing: fills.Select(write => write.Zeroing).FirstOrDefault(zeroing => zeroing is not null));
    }

    /// <summary>
    /// The constructors of <paramref name="type"/> and the methods of the type they call, transitively, by name: what runs
    /// when an instance is made. Read from syntax, and only for types whose weights are drawn in more than one place.
    /// </summary>
    private static HashSet<ISymbol> ConstructionMembers(INamedTypeSymbol type)
    {
        var members = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<IMethodSymbol>(type.InstanceConstructors.Concat(type.StaticConstructors).Where(constructor => !constructor.IsImplicitlyDeclared));
        while (pending.Count > 0)
        {
            var method = pending.Pop();
            if (!members.Add(method))
            {
                continue;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                foreach (var call in reference.GetSyntax().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>())
                {
                    var name = call.Expression switch
                    {
                        Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText,
                        _ => null,
                    };
                    foreach (var callee in name is null ? Enumerable.Empty<IMethodSymbol>() : type.GetMembers(name).OfType<IMethodSymbol>())
                    {
                        pending.Push(callee);
                    }
                }
            }
        }

        return members;
    }

    /// <summary>
    /// Brings the uses of a non-private array made in other types (and in types nested in its own) into its evidence.
    /// False when values may be written where the analyzer cannot follow: then nothing is claimed about them.
    /// </summary>
    private bool FollowOutsideUses(StorageEvidence storage, TypeCollector collector, InitOptions options, TypeContext context)
    {
        var type = collector.Type;
        var nested = type.GetTypeMembers();
        var members = collector.MembersOf(storage);
        if (!MayBeUsedOutside(type, members))
        {
            return true;
        }

        if (members.Any(member => MemberScope.IsSetFromOutside(member, type)))
        {
            return false; // deserializers, object initializers and Unity's inspector replace such values without leaving syntax behind
        }

        // Only a weight is worth a search of the compilation: trained, drawn at random or named so in its own type, and summed
        // there or, if summed only elsewhere, a neuron or layer held in a network (nothing else could be judged).
        var saysWeight = storage.Trained || storage.Writes.Any(write => write.Draw is not null) || members.Any(member => WeightedSumMatcher.NameSaysTrainableWeight(member.Name, options));
        if (!saysWeight || storage.WeightedSums.Count == 0 && !index.IsStacked(type.Name, LayerDepth(storage)))
        {
            return true;
        }

        // The members' names differ, so no use comes twice. Uses past the classifier's limit are not classified, and a common
        // name (a neuron's public Weights in every network of a solution) has thousands: only one past the limit is gathered.
        var declarations = type.DeclaringSyntaxReferences;
        var nestedDeclarations = nested.SelectMany(inner => inner.DeclaringSyntaxReferences).ToImmutableArray();
        var uses = members.SelectMany(member => index.UsesThatMayName(member, type, context.CancellationToken))
            .Where(use => !MemberScope.IsInside(use, declarations) || MemberScope.IsInside(use, nestedDeclarations));
        var outside = uses.Take(OutsideUseClassifier.MaxOutsideUses + 1).ToList();
        if (outside.Count == 0)
        {
            return true;
        }

        if (storage.WeightedSums.Count == 0 && !OutsideUseClassifier.MayBeSummedOutside(uses))
        {
            // Not a weight unless another type sums it; whether others write it is then moot, and syntax answers cheaply.
            var depth = ArrayShape.JaggedDepth(storage.Field.Type);
            return uses.All(use => ExternalUses.IsPlainRead(use, depth));
        }

        return OutsideUseClassifier.TryClassify(storage, members, outside, context.Compilation, context.CancellationToken);
    }

    /// <summary>The field a read-only property returns: <c>=> weights</c>, <c>get { return this.weights; }</c>.</summary>
    private static IFieldSymbol? ReturnedField(IPropertySymbol property)
    {
        if (property.DeclaringSyntaxReferences.Length != 1 || property.DeclaringSyntaxReferences[0].GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax declaration)
        {
            return null;
        }

        // Half-typed code can leave a getter beside a stray accessor ({ get; ; }, { get; s): only a lone getter returns the field.
        var getter = declaration.AccessorList is { Accessors.Count: 1 } accessors ? accessors.Accessors[0] : null;
        var returned = declaration.ExpressionBody?.Expression
            ?? getter?.ExpressionBody?.Expression
            ?? (getter?.Body?.Statements.Count == 1 ? (getter.Body.Statements[0] as Microsoft.CodeAnalysis.CSharp.Syntax.ReturnStatementSyntax)?.Expression : null);
        var name = returned switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText,
            _ => null,
        };
        return name is null ? null : property.ContainingType.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault(field => field.IsStatic == property.IsStatic);
    }

    /// <summary>
    /// Hidden when the layer's output is the input of another weighted sum (or of itself, for layers indexed
    /// in one jagged array), or when the layer type's forward results are chained into its own forward.
    /// </summary>
    private LayerPosition Position(StorageEvidence storage, List<StorageEvidence> weights, Dictionary<StorageEvidence, Initialization> initializations, TypeContext context)
    {
        if (Feeds(storage, weights))
        {
            return LayerPosition.Hidden;
        }

        // Where the data flow between the layers is visible, a layer that feeds none is the output layer.
        if (weights.Any(other => other != storage && Feeds(other, weights)))
        {
            return LayerPosition.Output;
        }

        if (weights.Count == 1 && initializations[storage].Kind is InitKind.Zero or InitKind.Constant
            && storage.WeightedSums.Any(use => !use.InBackwardPass && index.IsChained(use.Method, context.CancellationToken)))
        {
            return LayerPosition.Hidden; // a layer class whose forward results feed its own forward: stacked layers
        }

        // A neuron or layer class whose instances are held as several layers: some of them are hidden.
        if (storage.WeightedSums.Any(use => !use.InBackwardPass) && index.IsStacked(storage.Field.ContainingType.Name, LayerDepth(storage)))
        {
            return LayerPosition.Hidden;
        }

        return LayerPosition.Unknown;
    }

    /// <summary>How deep in collections a network holds the type: a neuron's weight vector needs layers of neurons (2), a layer's matrix a list of layers (1).</summary>
    private static int LayerDepth(StorageEvidence storage) => storage.Field.Type is IArrayTypeSymbol { Rank: 1, ElementType: not IArrayTypeSymbol } ? 2 : 1;

    /// <summary>True when the output of <paramref name="storage"/>'s weighted sum is the input of a weighted sum (its own, for layers in one jagged array).</summary>
    private static bool Feeds(StorageEvidence storage, List<StorageEvidence> weights)
    {
        var outputs = storage.WeightedSums.Where(use => !use.InBackwardPass).SelectMany(use => use.Outputs).ToList();
        return outputs.Count > 0 && weights.Any(other => other.WeightedSums.Any(use => !use.InBackwardPass && use.Input is { } input && outputs.Contains(input, SymbolEqualityComparer.Default)));
    }

    /// <summary>The evidence of one type: the uses of its followed arrays, classified at the end of the type.</summary>
    private sealed class TypeCollector
    {
        public TypeCollector(INamedTypeSymbol type, Dictionary<ISymbol, StorageEvidence> storages)
        {
            Type = type;
            Storages = storages;
            Accesses = new StorageAccesses<StorageEvidence>(storages);
        }

        public INamedTypeSymbol Type { get; }

        public Dictionary<ISymbol, StorageEvidence> Storages { get; }

        public StorageAccesses<StorageEvidence> Accesses { get; }

        /// <summary>The field, its auto-property and the read-only properties that return it.</summary>
        public IReadOnlyCollection<ISymbol> MembersOf(StorageEvidence storage) =>
            Storages.Where(entry => entry.Value == storage).Select(entry => entry.Key).ToList();

        /// <summary>Classifies every use of a followed array, in source order.</summary>
        public void Classify() => Accesses.Replay(OnReference, OnInitializer);

        private void OnReference(IOperation operation, StorageEvidence storage, ISymbol containingSymbol)
        {
            if (containingSymbol is IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: { } getterOf }
                && !SymbolEqualityComparer.Default.Equals(getterOf, storage.Field.AssociatedSymbol) && Storages.ContainsKey(getterOf))
            {
                return; // the alias property's own getter: its uses are followed under its name
            }

            var before = storage.Writes.Count;
            ArrayUseClassifier.Classify(operation, storage, storage.Field, containingSymbol);
            for (var i = before; i < storage.Writes.Count; i++)
            {
                storage.Writes[i] = storage.Writes[i].In(containingSymbol);
            }
        }

        private void OnInitializer(IOperation value, StorageEvidence storage, ISymbol containingSymbol) =>
            ArrayUseClassifier.ClassifyAssignedValue(value, storage, storage.Field, containingSymbol);
    }
}
