using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.TorchSharp;

/// <summary>
/// Recognizes TorchSharp models (<c>Module&lt;Tensor, Tensor&gt;</c> subclasses): the layers they hold and their weights, biases
/// and scales; how each is initialized (<c>torch.nn.init</c>, in-place initializers, the tensor a <c>Parameter</c> is made from,
/// <c>apply</c> and loops over <c>modules()</c> and <c>named_parameters()</c>, or the framework's default); and the activation that
/// consumes each layer's output in <c>forward</c>. Emits one <see cref="WeightSite"/> per parameter at the end of each type, and
/// an <see cref="ApiPitfall"/> for each initializer that does not do what its name says.
/// </summary>
internal sealed class TorchSharpRecognizer
{
    private readonly TorchSharpTypes types;
    private readonly CompilationIndex index;
    private readonly Action<WeightSite, TypeContext> emit;

    private TorchSharpRecognizer(TorchSharpTypes types, CompilationIndex index, Action<WeightSite, TypeContext> emit)
    {
        this.types = types;
        this.index = index;
        this.emit = emit;
    }

    /// <summary>
    /// Adds the recognizer, which does nothing when the compilation does not reference TorchSharp. The
    /// types are resolved at the first type, once the compiler has bound the references: their binding is the compiler's
    /// cost, not ours. The initializer pitfalls are looked for only in types whose source names one of the calls.
    /// </summary>
    public static void Register(Compilation compilation, ICollection<Action<TypeContext>> recognizers, CompilationIndex index, Action<WeightSite, TypeContext> emit, Action<ApiPitfall, TypeContext> emitPitfall)
    {
        var resolved = new Lazy<(TorchSharpRecognizer Recognizer, TorchPitfalls? Pitfalls)?>(
            () => TorchSharpTypes.Resolve(compilation) is { } types ? (new TorchSharpRecognizer(types, index, emit), types.Init is null ? null : new TorchPitfalls(types)) : null,
            System.Threading.LazyThreadSafetyMode.PublicationOnly);
        recognizers.Add(context =>
        {
            if (resolved.Value is not { } torch)
            {
                return;
            }

            if (torch.Pitfalls is { } pitfalls && TorchPitfalls.MayCall(context.Symbol, context.CancellationToken))
            {
                foreach (var member in context.Code.Where(declaration => TorchPitfalls.MayCall(declaration, context.CancellationToken)))
                {
                    foreach (var block in member.Blocks)
                    {
                        foreach (var call in block.DescendantsAndSelf().OfType<IInvocationOperation>())
                        {
                            pitfalls.OnInvocation(call, member.Owner, pitfall => emitPitfall(pitfall, context));
                        }
                    }
                }
            }

            torch.Recognizer.OnType(context);
        });
    }

    private void OnType(TypeContext context)
    {
        if (context.Symbol is not { TypeKind: TypeKind.Class or TypeKind.Struct } type || !HoldsTorchSharp(type))
        {
            return;
        }

        Judge(context, type, new BlockCollector(context.Code));
    }

    /// <summary>Bail out fast: a module subclass, or a type with a module or tensor member.</summary>
    private bool HoldsTorchSharp(INamedTypeSymbol type)
    {
        if (types.IsModule(type))
        {
            return true;
        }

        foreach (var member in type.GetMembers())
        {
            var memberType = member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (types.IsModule(memberType) || types.IsTensor(memberType))
            {
                return true;
            }
        }

        return false;
    }

    private void Judge(TypeContext context, INamedTypeSymbol type, BlockCollector blocks)
    {
        var bodies = blocks.Bodies();
        IOperation? BodyOf(IMethodSymbol method) => method.IsAbstract || method.MethodKind == MethodKind.Constructor ? null : bodies.TryGetValue(method.OriginalDefinition, out var body) ? body : null;
        var aliases = Aliases(type, bodies);
        ISymbol Canonical(ISymbol member) => aliases.TryGetValue(member, out var field) ? field : member;

        var model = new TorchModelReader(types, BodyOf);
        ReadStructure(type, blocks, model, Canonical, aliases);
        if (model.Members.Count == 0)
        {
            return;
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        var walker = new TorchInitWalker(types, model, type, BodyOf, Canonical);
        var constructed = Construct(type, blocks, walker, bodies);
        var later = LaterWrites(type, bodies, walker, constructed, aliases);

        var flow = new TorchForwardFlow(types, walker, BodyOf, method => SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, type.OriginalDefinition));
        foreach (var forward in bodies.Where(pair => pair.Key is IMethodSymbol { Name: "forward" or "Forward" }).Select(pair => pair.Value))
        {
            flow.Run(forward);
        }

        foreach (var sequential in model.AllLayers.Where(layer => layer.Kind == LayerKind.Sequential && !flow.Called.Contains(layer)).ToList())
        {
            flow.RunAlone(sequential);
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        var sites = new List<(TorchParam Parameter, Initialization Init)>();
        foreach (var parameter in model.AllLayers.SelectMany(layer => layer.Parameters))
        {
            AssignRole(parameter);
            var init = constructed.TryGetValue(parameter, out var found) ? found : TorchInitWalker.FrameworkDefault;
            if (later.TryGetValue(parameter, out var afterwards))
            {
                init = afterwards;
            }

            if (init.Kind == InitKind.Never && (walker.Written.Contains(parameter) || later.ContainsKey(parameter) || WrittenElsewhere(parameter, context)))
            {
                init = Initialization.Unknown; // an initializer elsewhere (a method the constructor does not call, another type) may write it
            }

            if (init.Kind is not (InitKind.FrameworkDefault or InitKind.Unknown) && WrittenElsewhere(parameter, context))
            {
                init = Initialization.Unknown;
            }

            sites.Add((parameter, init));
        }

        foreach (var site in Merge(sites))
        {
            emit(site, context);
        }
    }

    /// <summary>
    /// The role of a Parameter field from its use: multiplied with an input it is a weight, added it is a bias; otherwise a
    /// one-dimensional parameter is a bias or a scale by its name, and a larger one a weight.
    /// </summary>
    private static void AssignRole(TorchParam parameter)
    {
        var layer = parameter.Layer;
        if (layer.Kind != LayerKind.Parameter)
        {
            return;
        }

        var name = layer.Path.ToLowerInvariant();
        parameter.Role = layer.Multiplied ? WeightRole.Weight
            : layer.Added ? WeightRole.Bias
            : layer.Rank == 1 ? name.Contains("bias") || name.Contains("beta") || name == "b" || name.StartsWith("b_", StringComparison.Ordinal) ? WeightRole.Bias : WeightRole.Scale
            : layer.Rank is null && (name.Contains("bias") || name.Contains("beta")) ? WeightRole.Bias
            : layer.Rank is null && (name.Contains("gamma") || name.Contains("scale") || name.Contains("alpha")) ? WeightRole.Scale
            : WeightRole.Weight;
    }

    /// <summary>
    /// One site per parameter; a bulk initializer (<c>apply</c>, a loop over <c>modules()</c>) that writes several parameters of one
    /// role becomes one site reported once, hidden when any of its layers is, with the activation its judged layers agree on.
    /// </summary>
    private static IEnumerable<WeightSite> Merge(List<(TorchParam Parameter, Initialization Init)> sites)
    {
        foreach (var group in sites.GroupBy(site => site.Init.Locations.IsEmpty ? (object)site.Parameter : (site.Parameter.Role, string.Join("|", site.Init.Locations.Select(location => location.SourceSpan.Start)))))
        {
            var members = group.ToList();
            var (parameter, init) = members[0];
            if (members.Count == 1)
            {
                yield return Site(parameter, init, Activation(parameter), Position(parameter), Fans(parameter), parameter.DisplayName);
                continue;
            }

            var activations = members.Select(member => Activation(member.Parameter)).ToList();
            var judged = activations.Where(activation => activation.Kind is not (ActivationKind.Unknown or ActivationKind.Linear or ActivationKind.Softmax)).ToList();
            var kind = MemberScope.Agreed((judged.Count > 0 ? judged : activations).Select(activation => activation.Kind), ActivationKind.Unknown);
            var slopes = (judged.Count > 0 ? judged : activations).Where(activation => activation.Kind == kind).Select(activation => activation.Slope).Distinct().ToList();
            var positions = members.Select(member => Position(member.Parameter)).ToList();
            var position = positions.Contains(LayerPosition.Hidden) ? LayerPosition.Hidden : MemberScope.Agreed(positions, LayerPosition.Unknown);
            var fans = members.Select(member => Fans(member.Parameter)).ToList();
            var fanIn = MemberScope.Agreed(fans.Select(fan => fan.FanIn), null);
            var fanOut = fanIn is null ? null : MemberScope.Agreed(fans.Select(fan => fan.FanOut), null);
            var name = members.Count <= 3
                ? string.Join(", ", members.Take(members.Count - 1).Select(member => member.Parameter.DisplayName)) + " and " + members[members.Count - 1].Parameter.DisplayName
                : $"{parameter.DisplayName} and {members.Count - 1} other {(parameter.Name.Length == 0 ? "parameters" : parameter.Name + "s")}";
            yield return Site(parameter, init, (kind, slopes.Count == 1 ? slopes[0] : null), position, (fanIn, fanOut, MemberScope.Agreed(fans.Select(fan => fan.FanInIndex), null)), name);
        }
    }

    private static WeightSite Site(TorchParam parameter, Initialization init, (ActivationKind Kind, double? Slope) activation, LayerPosition position, (int? FanIn, int? FanOut, int? FanInIndex) fans, string name) =>
        new(parameter.Layer.Owner ?? parameter.Layer.Member!, parameter.Role, position, init, activation.Kind, fans.FanInIndex, fans.FanIn, fans.FanOut, name, activation.Kind == ActivationKind.LeakyReLU ? activation.Slope : null, Frameworks.TorchSharp);

    /// <summary>The activation a parameter's layer feeds: what <c>forward</c> applies after it, or a recurrent layer's own.</summary>
    private static (ActivationKind Kind, double? Slope) Activation(TorchParam parameter) => parameter.Layer.Kind switch
    {
        LayerKind.Recurrent => (parameter.Layer.Applies, null),
        LayerKind.Embedding => (ActivationKind.Unknown, null),
        // A layer module that returns its only layer's output: the activation is applied by whoever uses the module.
        _ when parameter.Layer is { Returned: true, FedBy: false, Feeds: false } && parameter.Layer.Activation.Kind == ActivationKind.Linear => (ActivationKind.Unknown, null),
        _ => parameter.Layer.Activation,
    };

    private static LayerPosition Position(TorchParam parameter) => parameter.Layer.Kind switch
    {
        LayerKind.Recurrent when parameter.Name != "weight_ih" => LayerPosition.Unknown,
        _ => parameter.Layer.Position,
    };

    /// <summary>Fans as TorchSharp's initializers compute them (dimension 1 of <c>[out, in, k...]</c> is fan_in); a Parameter field's orientation from its product.</summary>
    private static (int? FanIn, int? FanOut, int? FanInIndex) Fans(TorchParam parameter)
    {
        var layer = parameter.Layer;
        int? Narrow(long? value) => value is { } v && v > 0 && v <= int.MaxValue ? (int)v : null;
        return layer.Kind switch
        {
            LayerKind.Parameter => (null, null, layer.FanInIndex is 0 or 1 ? layer.FanInIndex : null),
            LayerKind.Recurrent => (parameter.Name == "weight_hh" ? Narrow(layer.FanOut) : Narrow(layer.FanIn), null, 1),
            _ => (Narrow(layer.FanIn), Narrow(layer.FanOut), 1),
        };
    }

    /// <summary>Whether code outside the type (or a nested type) may write the layer's parameters: <c>model.fc1.weight</c>, <c>net.W = ...</c>.</summary>
    private bool WrittenElsewhere(TorchParam parameter, TypeContext context)
    {
        var member = parameter.Layer.Owner ?? parameter.Layer.Member;
        if (member is null)
        {
            return false;
        }

        var visible = member is IFieldSymbol { AssociatedSymbol: { } property } ? property : member;
        return MemberScope.MayBeWrittenElsewhere(visible, index, TorchExternalUses.IsPlainRead, context.CancellationToken);
    }

    /// <summary>Reads which members hold layers and parameters, from every assignment in the type (initializers first).</summary>
    private void ReadStructure(INamedTypeSymbol type, BlockCollector blocks, TorchModelReader model, Func<ISymbol, ISymbol> canonical, Dictionary<ISymbol, ISymbol> aliases)
    {
        var setters = new HashSet<ISymbol>(aliases.Keys.OfType<IPropertySymbol>().SelectMany(property => new ISymbol?[] { property.SetMethod, property.GetMethod }).OfType<ISymbol>(), SymbolEqualityComparer.Default);
        foreach (var (owner, block) in blocks.InOrder())
        {
            if (setters.Contains(owner))
            {
                continue; // a property's setter stores its value in the field it aliases: the assignment to the property is what counts
            }

            if (block is IFieldInitializerOperation fieldInitializer)
            {
                foreach (var field in fieldInitializer.InitializedFields)
                {
                    model.Assign(canonical(field), field.Type, fieldInitializer.Value);
                }

                continue;
            }

            if (block is IPropertyInitializerOperation propertyInitializer)
            {
                foreach (var property in propertyInitializer.InitializedProperties)
                {
                    model.Assign(canonical(property), property.Type, propertyInitializer.Value);
                }

                continue;
            }

            foreach (var operation in block.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation } target } assignment when IsOwn(target.Member, type):
                        model.Assign(canonical(target.Member.OriginalDefinition), MemberType(target.Member), assignment.Value);
                        break;
                    case IInvocationOperation { TargetMethod.Name: "append", Instance: IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation } appended } append when IsOwn(appended.Member, type):
                        model.Append(canonical(appended.Member.OriginalDefinition), append);
                        break;
                }
            }
        }

        foreach (var member in model.Members.Keys.ToList())
        {
            if (member.IsStatic)
            {
                model.Members.Remove(member); // shared by every instance: not one model's layer
            }
        }
    }

    /// <summary>What construction leaves in each parameter: initializers, then each constructor (merged when several disagree).</summary>
    private static Dictionary<TorchParam, Initialization> Construct(INamedTypeSymbol type, BlockCollector blocks, TorchInitWalker walker, Dictionary<ISymbol, IOperation> bodies)
    {
        foreach (var (_, block) in blocks.InOrder())
        {
            switch (block)
            {
                case IFieldInitializerOperation fieldInitializer:
                    foreach (var field in fieldInitializer.InitializedFields)
                    {
                        walker.Initialize(field, fieldInitializer.Value);
                    }

                    break;
                case IPropertyInitializerOperation propertyInitializer:
                    foreach (var property in propertyInitializer.InitializedProperties)
                    {
                        var backing = property.ContainingType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(field => SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property));
                        walker.Initialize((ISymbol?)backing ?? property, propertyInitializer.Value);
                    }

                    break;
            }
        }

        var initialized = TorchInitWalker.Copy(walker.State);
        Dictionary<TorchParam, Initialization>? merged = null;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (!bodies.TryGetValue(constructor, out var body))
            {
                continue;
            }

            walker.State = TorchInitWalker.Copy(initialized);
            walker.Visited.Add(constructor);
            walker.Walk(body, new Environment());
            merged = merged is null ? walker.State : TorchInitWalker.Merge(merged, walker.State);
        }

        return merged ?? initialized;
    }

    /// <summary>
    /// Writes in methods construction does not reach (a public <c>InitWeights()</c>, <c>reset_parameters()</c>): where one such
    /// method writes a parameter, what it leaves is the initialization; where several do, it is unknown.
    /// </summary>
    private Dictionary<TorchParam, Initialization> LaterWrites(INamedTypeSymbol type, Dictionary<ISymbol, IOperation> bodies, TorchInitWalker walker, Dictionary<TorchParam, Initialization> constructed, Dictionary<ISymbol, ISymbol> aliases)
    {
        var result = new Dictionary<TorchParam, Initialization>();
        var writers = new Dictionary<TorchParam, int>();
        var reached = new HashSet<IMethodSymbol>(walker.Visited, SymbolEqualityComparer.Default);
        foreach (var pair in bodies)
        {
            if (pair.Key is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method || reached.Contains(method) || method.Name is "forward" or "Forward")
            {
                continue;
            }

            walker.State = TorchInitWalker.Copy(constructed);
            walker.Walk(pair.Value, new Environment());
            foreach (var written in walker.State)
            {
                if (!constructed.TryGetValue(written.Key, out var before) || !ReferenceEquals(before, written.Value))
                {
                    writers[written.Key] = writers.TryGetValue(written.Key, out var count) ? count + 1 : 1;
                    result[written.Key] = written.Value;
                }
            }
        }

        foreach (var parameter in writers.Where(pair => pair.Value > 1).Select(pair => pair.Key).ToList())
        {
            result[parameter] = Initialization.Unknown;
        }

        // Construction wrote it explicitly: that is what a new model holds, whatever optional methods do later.
        foreach (var parameter in result.Keys.ToList())
        {
            if (constructed.TryGetValue(parameter, out var atConstruction) && atConstruction.Kind is not (InitKind.FrameworkDefault or InitKind.Never))
            {
                result.Remove(parameter);
            }
        }

        walker.State = constructed;
        return result;
    }

    /// <summary>Properties that stand for a field: an auto-property's backing field, or a property whose getter returns a field (<c>get => _weight;</c>).</summary>
    private static Dictionary<ISymbol, ISymbol> Aliases(INamedTypeSymbol type, Dictionary<ISymbol, IOperation> bodies)
    {
        var aliases = new Dictionary<ISymbol, ISymbol>(SymbolEqualityComparer.Default);
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { AssociatedSymbol: IPropertySymbol property } backing)
            {
                aliases[property] = backing;
            }
        }

        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (aliases.ContainsKey(property) || property.GetMethod is not { } getter || !bodies.TryGetValue(getter, out var body))
            {
                continue;
            }

            var returned = body.DescendantsAndSelf().OfType<IReturnOperation>().ToList();
            if (returned.Count == 1 && returned[0].ReturnedValue?.WalkDownConversions() is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field
                && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, type))
            {
                aliases[property] = field.Field;
            }
        }

        return aliases;
    }

    private static bool IsOwn(ISymbol member, INamedTypeSymbol type) =>
        member is IFieldSymbol or IPropertySymbol && SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, type.OriginalDefinition);

    private static ITypeSymbol MemberType(ISymbol member) => member switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => throw new ArgumentException("A field or a property.", nameof(member)),
    };

    /// <summary>The operation blocks of one type (<see cref="TypeBlocks"/>).</summary>
    private sealed class BlockCollector
    {
        private readonly TypeBlocks code;

        public BlockCollector(TypeBlocks code) => this.code = code;

        /// <summary>In source order: by file, then by position, so field initializers come in declaration order.</summary>
        public List<(ISymbol Owner, IOperation Block)> InOrder() => code.All.SelectMany(member => member.Blocks.Select(block => (member.Owner, block))).ToList();

        /// <summary>The body of each method, constructor and accessor.</summary>
        public Dictionary<ISymbol, IOperation> Bodies()
        {
            var bodies = new Dictionary<ISymbol, IOperation>(SymbolEqualityComparer.Default);
            foreach (var (owner, block) in InOrder())
            {
                if (owner is IMethodSymbol && block is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation && !bodies.ContainsKey(owner))
                {
                    bodies[owner] = block;
                }
            }

            return bodies;
        }
    }
}
