using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// Cross-type questions answered from syntax, once per compilation and only when a recognizer asks:
/// which member names are used outside their type, and which layer methods are chained into a network. Nothing is computed for code that never asks.
/// </summary>
internal sealed class CompilationIndex
{
    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<string, ImmutableArray<IdentifierNameSyntax>> memberUses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> chained = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScopedUses> scopedUses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, int), bool> stacked = new();
    private readonly ConcurrentDictionary<string, bool> listed = new(StringComparer.Ordinal);
    private readonly Lazy<Holdings> holdings;
    private readonly Lazy<Dictionary<string, List<Creation>>> creations;

    public CompilationIndex(Compilation compilation)
    {
        this.compilation = compilation;
        holdings = new Lazy<Holdings>(() => Holdings.Scan(compilation), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        creations = new Lazy<Dictionary<string, List<Creation>>>(() => ScanCreations(compilation), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// True when instances of the type named <paramref name="typeName"/> (or of a type deriving from it by name) are held
    /// as several layers: a collection nested <paramref name="layerDepth"/> deep (<c>Layer[] layers</c> for a layer class,
    /// <c>Neuron[][]</c> or a <c>Layer</c> of <c>Neuron[]</c> held in a <c>Layer[]</c> for a neuron class), or two members of one
    /// type one level shallower (<c>Layer hidden, output;</c>, <c>Neuron[] hiddenLayer, outputLayer;</c>).
    /// </summary>
    public bool IsStacked(string typeName, int layerDepth) => stacked.GetOrAdd((typeName, layerDepth), key => holdings.Value.IsStacked(key.Item1, key.Item2));

    /// <summary>
    /// The uses of <paramref name="member"/>'s name (<see cref="MemberUses"/>) that may name <paramref name="member"/> of
    /// <paramref name="type"/>. A bare or <c>this.</c>-qualified name names a member of the types around it (and their bases),
    /// so only those in <paramref name="type"/>, the types nested in it and the types derived from it by name may; other uses
    /// (<c>x.name</c>, <c>new T { name = ... }</c>) may name any type's, and a static member may be imported anywhere.
    /// The uses are grouped by the types around them once per name, so a common member name (<c>Weights</c> in every layer
    /// class) costs each type its own uses and the qualified ones, not every use in the compilation.
    /// </summary>
    public IEnumerable<IdentifierNameSyntax> UsesThatMayName(ISymbol member, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var uses = scopedUses.GetOrAdd(member.Name, name => new ScopedUses(MemberUses(name, cancellationToken)));
        if (member.IsStatic)
        {
            return uses.All;
        }

        // A use is either qualified or in the scope of the types around it, so only the scoped part can hold one twice: a use in
        // a nested type is in the scope of each type around it, and a derived type may be nested in its base.
        var scopes = holdings.Value.SelfAndDerived(type.Name);
        var scoped = scopes.SelectMany(scope => uses.InScopeOf(scope));
        return uses.Qualified.Concat(scopes.Count == 1 ? scoped : scoped.Distinct());
    }

    /// <summary>
    /// Every use of a member by this name in the compilation: <c>x.name</c>, <c>x?.name</c>, <c>new T { name = ... }</c>, or the bare name.
    /// The source text is searched first and only the tokens at its hits are looked at, so no syntax tree is walked whole.
    /// </summary>
    public ImmutableArray<IdentifierNameSyntax> MemberUses(string name, CancellationToken cancellationToken)
    {
        if (memberUses.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var builder = ImmutableArray.CreateBuilder<IdentifierNameSyntax>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var token in TextSearch.TokensAt(tree, name, cancellationToken))
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name && token.Parent is IdentifierNameSyntax identifier)
                {
                    builder.Add(identifier);
                }
            }
        }

        return memberUses.GetOrAdd(name, builder.ToImmutable());
    }

    /// <summary>
    /// Every <c>new T(...)</c> of a type of this name in the compilation (<c>new Layer(784, 128, Act.ReLU)</c>), from syntax. Found
    /// by a text search of the name; a target-typed <c>new(...)</c> does not name it and is not found.
    /// </summary>
    public IEnumerable<ObjectCreationExpressionSyntax> CreationSyntax(string typeName, CancellationToken cancellationToken) => CreationSyntax(typeName, listedOnly: false, cancellationToken);

    private IEnumerable<ObjectCreationExpressionSyntax> CreationSyntax(string typeName, bool listedOnly, CancellationToken cancellationToken)
    {
        if (!creations.Value.TryGetValue(typeName, out var found))
        {
            yield break;
        }

        foreach (var (tree, at, mayBeListed) in found)
        {
            if ((mayBeListed || !listedOnly) && tree.GetRoot(cancellationToken).FindToken(at) is var token && token.Span.Contains(at) && token.Parent is IdentifierNameSyntax name && name.Identifier.ValueText == typeName && CreationOf(name) is { } creation)
            {
                yield return creation;
            }
        }
    }

    /// <summary><paramref name="creations"/> bound, one semantic model per tree, keeping those that make <paramref name="type"/>.</summary>
    public List<Microsoft.CodeAnalysis.Operations.IObjectCreationOperation> Bind(IEnumerable<ObjectCreationExpressionSyntax> creations, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var bound = new List<Microsoft.CodeAnalysis.Operations.IObjectCreationOperation>();
        foreach (var byTree in creations.GroupBy(creation => creation.SyntaxTree))
        {
#pragma warning disable RS1030 // constructions in other types are outside this symbol's operation actions
            var model = compilation.GetSemanticModel(byTree.Key);
#pragma warning restore RS1030
            foreach (var creation in byTree)
            {
                if (model.GetOperation(creation, cancellationToken) is Microsoft.CodeAnalysis.Operations.IObjectCreationOperation operation
                    && SymbolEqualityComparer.Default.Equals(operation.Type?.OriginalDefinition, type.OriginalDefinition))
                {
                    bound.Add(operation);
                }
            }
        }

        return bound;
    }

    /// <summary>True when some type of the compilation derives from a type of this name, by name.</summary>
    public bool HasDerived(string typeName) => holdings.Value.SelfAndDerived(typeName).Count > 1;

    /// <summary>
    /// True when a type of this name is made in a list of layers (<see cref="LayerListSyntax"/>): <c>new T(...)</c> as an element of
    /// a collection or array initializer, beside other arguments of a call, or added by a call statement (<c>net.Add(new T(8))</c>).
    /// Such a layer may take its activation from the layer made after it (<see cref="Arrays.ConstructionSites"/>).
    /// </summary>
    public bool IsListed(string typeName, CancellationToken cancellationToken) =>
        listed.GetOrAdd(typeName, name => CreationSyntax(name, listedOnly: true, cancellationToken).Any(creation => LayerListSyntax.ListOf(creation) is not null));

    /// <summary>
    /// Where each type name is written after <c>new</c> (<c>new Layer(</c>, <c>new Nn.Layer(</c>), from one text scan of the
    /// compilation: asking for every layer class's constructions then costs a lookup, not a search of every file per class.
    /// Comments and strings are found too; <see cref="CreationSyntax(string, CancellationToken)"/> keeps only the names that a creation's syntax has.
    /// </summary>
    private static Dictionary<string, List<Creation>> ScanCreations(Compilation compilation)
    {
        var found = new Dictionary<string, List<Creation>>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var text = TextSearch.StringOf(tree.GetText());
            foreach (var at in TextSearch.Occurrences(tree.GetText(), "new", default))
            {
                if (TextSearch.LastNameAfter(text, at + 3) is ({ } name, var start))
                {
                    // An element of a list follows '{', ',', '(' or a named argument's ':' (not '=' or 'return'); '/' may end a comment.
                    AddTo(found, name, new Creation(tree, start, TextSearch.FollowsOneOf(text, new TextSpan(0, text.Length), at, "{,(:/")));
                }
            }
        }

        return found;
    }

    private static void AddTo<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<T>();
        }

        list.Add(value);
    }

    /// <summary>A type name written after <c>new</c>: where, and whether the text before may make it an element of a list.</summary>
    private readonly struct Creation
    {
        public Creation(SyntaxTree tree, int at, bool mayBeListed) => (Tree, At, MayBeListed) = (tree, at, mayBeListed);

        public SyntaxTree Tree { get; }

        public int At { get; }

        public bool MayBeListed { get; }

        public void Deconstruct(out SyntaxTree tree, out int at, out bool mayBeListed) => (tree, at, mayBeListed) = (Tree, At, MayBeListed);
    }

    /// <summary>The <c>new T(...)</c> whose type's name is <paramref name="name"/>: <c>new Layer(...)</c>, <c>new Nn.Layer(...)</c>.</summary>
    private static ObjectCreationExpressionSyntax? CreationOf(IdentifierNameSyntax name) => name.Parent switch
    {
        ObjectCreationExpressionSyntax creation when creation.Type == name => creation,
        QualifiedNameSyntax qualified when qualified.Right == name && qualified.Parent is ObjectCreationExpressionSyntax creation && creation.Type == qualified => creation,
        _ => null,
    };

    /// <summary>
    /// True when the result of a call to a method of this name is fed into another call of it: layers chained into a
    /// network. <c>b.Forward(a.Forward(x))</c>, <c>output = layers[i].Forward(output)</c> in a loop, or
    /// <c>var h = l1.Forward(x); var y = l2.Forward(h);</c>. Holding a model in a list or constructing it twice is not enough.
    /// </summary>
    public bool IsChained(string methodName, CancellationToken cancellationToken)
    {
        if (chained.TryGetValue(methodName, out var known))
        {
            return known;
        }

        // Only the calls found by a text search of the name as a member call (x.name(...)) are looked at, grouped by the
        // member whose body makes them: no syntax tree is walked whole.
        var found = compilation.SyntaxTrees
            .SelectMany(tree => TextSearch.MemberCalls(tree, methodName, cancellationToken))
            .Select(token => token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == methodName && token.Parent is IdentifierNameSyntax name ? CallOf(name) : null)
            .Where(call => call is not null && !OnItself(call))
            .GroupBy(call => call!.Ancestors().LastOrDefault(node => node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax))
            .Any(body => body.Key is not null && ChainsCalls(body.Select(call => call!).ToList(), methodName));
        return chained.GetOrAdd(methodName, found);
    }

    /// <summary>The call whose name is <paramref name="name"/>: <c>name(...)</c>, <c>x.name(...)</c>, <c>x?.name(...)</c>.</summary>
    private static InvocationExpressionSyntax? CallOf(IdentifierNameSyntax name) => name.Parent switch
    {
        InvocationExpressionSyntax call when call.Expression == name => call,
        MemberAccessExpressionSyntax access when access.Name == name && access.Parent is InvocationExpressionSyntax call && call.Expression == access => call,
        MemberBindingExpressionSyntax binding when binding.Name == name && binding.Parent is InvocationExpressionSyntax call && call.Expression == binding => call,
        _ => null,
    };

    /// <summary>
    /// True when one of <paramref name="calls"/> (made in one body, none on the instance itself) takes the result of another:
    /// directly (<c>b.Forward(a.Forward(x))</c>) or through a local (<c>var h = l1.Forward(x); l2.Forward(h)</c>).
    /// A call on the instance itself (Blur(Blur(image)), this.Forward(h)) applies the same weights twice: a filter run
    /// repeatedly, not a stack of layers, so only calls on another object count.
    /// </summary>
    private static bool ChainsCalls(List<InvocationExpressionSyntax> calls, string methodName)
    {
        // Locals that hold a result of the method: var h = l1.Forward(x); output = layer.Forward(output).
        var results = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            switch (call.Parent)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    results.Add(declarator.Identifier.ValueText);
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax assigned } assignment when assignment.Right == call:
                    results.Add(assigned.Identifier.ValueText);
                    break;
            }
        }

        return calls.Any(call => call.ArgumentList.Arguments.Any(argument =>
            argument.Expression is InvocationExpressionSyntax inner && CalledName(inner) == methodName
            || argument.Expression is IdentifierNameSyntax name && results.Contains(name.Identifier.ValueText)));
    }

    private static bool OnItself(InvocationExpressionSyntax call) =>
        call.Expression is IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax };

    private static string? CalledName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The uses of one name, split into those qualified by another object and those in the own scope of the types around them.</summary>
    private sealed class ScopedUses
    {
        private readonly Dictionary<string, List<IdentifierNameSyntax>> byScope = new(StringComparer.Ordinal);

        public ScopedUses(ImmutableArray<IdentifierNameSyntax> uses)
        {
            All = uses;
            var qualified = new List<IdentifierNameSyntax>();
            foreach (var use in uses)
            {
                var ownScope = use.Parent switch
                {
                    MemberAccessExpressionSyntax access when access.Name == use => access.Expression is ThisExpressionSyntax or BaseExpressionSyntax,
                    MemberBindingExpressionSyntax => false,
                    AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment when assignment.Left == use => false,
                    _ => true,
                };
                if (!ownScope)
                {
                    qualified.Add(use);
                    continue;
                }

                // Every type around the use: a nested type sees the members of the types it is nested in.
                foreach (var enclosing in use.Ancestors().OfType<TypeDeclarationSyntax>())
                {
                    var name = enclosing.Identifier.ValueText;
                    if (!byScope.TryGetValue(name, out var list))
                    {
                        byScope[name] = list = new List<IdentifierNameSyntax>();
                    }

                    list.Add(use);
                }
            }

            Qualified = qualified;
        }

        public ImmutableArray<IdentifierNameSyntax> All { get; }

        public IReadOnlyList<IdentifierNameSyntax> Qualified { get; }

        public IEnumerable<IdentifierNameSyntax> InScopeOf(string typeName) =>
            byScope.TryGetValue(typeName, out var uses) ? uses : Enumerable.Empty<IdentifierNameSyntax>();
    }

    /// <summary>Which types hold which other types, and how deep in collections, from the declarations of fields and properties.</summary>
    private sealed class Holdings
    {
        private readonly Dictionary<string, List<(string Holder, int Depth)>> heldBy = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> derivedBy = new(StringComparer.Ordinal);

        public static Holdings Scan(Compilation compilation)
        {
            var result = new Holdings();
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var declaration in TypeDeclarations.Of(tree, CancellationToken.None))
                {
                    result.Add(declaration);
                }
            }

            return result;
        }

        private void Add(TypeDeclarationSyntax declaration)
        {
            var holder = declaration.Identifier.ValueText;
            foreach (var baseType in declaration.BaseList?.Types ?? default)
            {
                if (NameOf(baseType.Type) is { } baseName)
                {
                    AddTo(derivedBy, baseName, holder);
                }
            }

            foreach (var member in declaration.Members)
            {
                var (type, count) = member switch
                {
                    FieldDeclarationSyntax field => (field.Declaration.Type, field.Declaration.Variables.Count),
                    PropertyDeclarationSyntax property => (property.Type, 1),
                    _ => (null!, 0),
                };
                if (type is not null && Held(type, 0) is { } held)
                {
                    for (var i = 0; i < count; i++)
                    {
                        AddTo(heldBy, held.Name, (holder, held.Depth));
                    }
                }
            }
        }

        /// <summary>The name, and the names of the types deriving from it, directly or not.</summary>
        public HashSet<string> SelfAndDerived(string typeName)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>();
            pending.Push(typeName);
            while (pending.Count > 0)
            {
                var name = pending.Pop();
                if (names.Add(name) && derivedBy.TryGetValue(name, out var derived))
                {
                    foreach (var next in derived)
                    {
                        pending.Push(next);
                    }
                }
            }

            return names;
        }

        public bool IsStacked(string typeName, int layerDepth)
        {
            var names = new HashSet<string>(StringComparer.Ordinal) { typeName };
            if (derivedBy.TryGetValue(typeName, out var derived))
            {
                names.UnionWith(derived);
            }

            var holders = names.SelectMany(name => heldBy.TryGetValue(name, out var found) ? found : Enumerable.Empty<(string Holder, int Depth)>()).ToList();
            if (holders.Any(held => held.Depth >= layerDepth))
            {
                return true;
            }

            if (holders.Where(held => held.Depth == layerDepth - 1).GroupBy(held => held.Holder).Any(group => group.Count() >= 2))
            {
                return true;
            }

            // A neuron held in a layer class that is itself held in a collection: Neuron[] in Layer, Layer[] in Network.
            return layerDepth >= 2 && holders.Any(held => held.Depth >= 1 && held.Holder != typeName && IsStacked(held.Holder, layerDepth - held.Depth));
        }

        /// <summary><c>T</c> at depth 0, <c>T[]</c> or <c>List&lt;T&gt;</c> at 1, <c>T[][]</c>, <c>List&lt;T[]&gt;</c> at 2.</summary>
        private static (string Name, int Depth)? Held(TypeSyntax type, int depth) => type switch
        {
            NullableTypeSyntax nullable => Held(nullable.ElementType, depth),
            ArrayTypeSyntax array => Held(array.ElementType, depth + array.RankSpecifiers.Count),
            GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic when IsCollection(generic.Identifier.ValueText) => Held(generic.TypeArgumentList.Arguments[0], depth + 1),
            QualifiedNameSyntax { Right: GenericNameSyntax generic } => Held(generic, depth),
            _ when NameOf(type) is { } name && depth <= 3 => (name, depth),
            _ => null,
        };

        private static bool IsCollection(string name) => name is "List" or "IList" or "IReadOnlyList" or "ICollection" or "IReadOnlyCollection" or "IEnumerable"
            or "Collection" or "ObservableCollection" or "LinkedList" or "Queue" or "Stack" or "HashSet" or "ImmutableArray" or "ImmutableList";

        private static string? NameOf(TypeSyntax type) => type switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            QualifiedNameSyntax qualified => NameOf(qualified.Right),
            AliasQualifiedNameSyntax aliased => NameOf(aliased.Name),
            GenericNameSyntax generic => generic.Identifier.ValueText,
            _ => null,
        };
    }
}
