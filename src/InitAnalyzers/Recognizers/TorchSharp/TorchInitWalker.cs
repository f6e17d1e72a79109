using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.TorchSharp;

/// <summary>
/// Follows the code that initializes a model, in the order it runs: field initializers and constructors, the type's own
/// methods they call (with their arguments bound), <c>apply(m => ...)</c> and loops over <c>modules()</c>, <c>named_modules()</c>,
/// <c>parameters()</c> and <c>named_parameters()</c> narrowed by type tests and name tests. Keeps, for each parameter, what it
/// holds: the framework's default until an initializer writes it; a write in one branch of an unknown condition makes it
/// unknown unless both branches agree.
/// </summary>
internal sealed class TorchInitWalker
{
    private const int MaxDepth = 3;

    private readonly TorchSharpTypes types;
    private readonly TorchInitReader reader;
    private readonly TorchModelReader model;
    private readonly INamedTypeSymbol owner;
    private readonly Func<IMethodSymbol, IOperation?> bodyOf;
    private readonly Func<ISymbol, ISymbol> canonical;

    public TorchInitWalker(TorchSharpTypes types, TorchModelReader model, INamedTypeSymbol owner, Func<IMethodSymbol, IOperation?> bodyOf, Func<ISymbol, ISymbol> canonical)
    {
        this.types = types;
        this.model = model;
        this.owner = owner;
        this.bodyOf = bodyOf;
        this.canonical = canonical;
        reader = new TorchInitReader(types);
        State = new Dictionary<TorchParam, Initialization>();
    }

    /// <summary>What each parameter holds at this point of the walk; absent means the framework's default.</summary>
    public Dictionary<TorchParam, Initialization> State { get; set; }

    /// <summary>Parameters some explicit write reaches (an initializer, a load, a hand-off), wherever it is.</summary>
    public HashSet<TorchParam> Written { get; } = new();

    /// <summary>Methods the walk went into.</summary>
    public HashSet<IMethodSymbol> Visited { get; } = new(SymbolEqualityComparer.Default);

    public Initialization StateOf(TorchParam parameter) => State.TryGetValue(parameter, out var init) ? init : FrameworkDefault;

    public static Initialization FrameworkDefault { get; } = new(InitKind.FrameworkDefault, ImmutableArray<Location>.Empty);

    public void Walk(IOperation operation, Environment environment, int depth = MaxDepth)
    {
        switch (operation)
        {
            case IBlockOperation block:
                foreach (var statement in block.Operations)
                {
                    Walk(statement, environment, depth);
                }

                return;
            case IConditionalOperation conditional when conditional.Type is null:
                WalkBranches(conditional.Condition, conditional.WhenTrue, conditional.WhenFalse, environment, depth);
                return;
            case ISwitchOperation switchOperation:
                WalkSwitch(switchOperation, environment, depth);
                return;
            case IForEachLoopOperation forEach when BulkLoop(forEach, environment) is { } loopEnvironment:
                Walk(forEach.Body, loopEnvironment, depth); // once for each element: every write reaches its element
                return;
            case ILoopOperation loop:
                var before = Copy(State);
                Walk(loop.Body, environment.Copy(), depth);
                State = Merge(before, State); // the body may run zero times
                return;
            case IVariableDeclarationGroupOperation group:
                foreach (var declarator in group.Declarations.SelectMany(declaration => declaration.Declarators))
                {
                    if (declarator.GetVariableInitializer() is { Value: { } value })
                    {
                        Visit(value, environment, depth);
                        environment[declarator.Symbol] = Resolve(value, environment);
                    }
                }

                return;
            case ILocalFunctionOperation or IAnonymousFunctionOperation:
                return;
            case IExpressionStatementOperation statement:
                Visit(statement.Operation, environment, depth);
                return;
            case IReturnOperation { ReturnedValue: { } returned }:
                Visit(returned, environment, depth);
                return;
        }

        foreach (var child in operation.ChildOperations)
        {
            Walk(child, environment, depth);
        }
    }

    private void Visit(IOperation operation, Environment environment, int depth)
    {
        switch (operation)
        {
            case IInvocationOperation call:
                Call(call, environment, depth);
                return;
            case ISimpleAssignmentOperation assignment:
                Visit(assignment.Value, environment, depth);
                Assign(assignment.Target, assignment.Value, environment);
                return;
            case IAnonymousFunctionOperation or IDelegateCreationOperation:
                return; // runs when called, not here
        }

        foreach (var child in operation.ChildOperations)
        {
            Visit(child, environment, depth);
        }
    }

    /// <summary>A field or property initializer: the member's first value.</summary>
    public void Initialize(ISymbol member, IOperation value)
    {
        Visit(value, new Environment(), MaxDepth);
        if (model.Members.TryGetValue(member, out var layer) && layer.Kind == LayerKind.Parameter)
        {
            Write(layer.Parameters, reader.ReadCreation(value).Init, exact: true, explicitWrite: false);
        }
    }

    private void Assign(IOperation target, IOperation value, Environment environment)
    {
        switch (target)
        {
            case IMemberReferenceOperation member when OwnMember(member) is { } symbol && model.Members.TryGetValue(symbol, out var layer):
                if (layer.Kind == LayerKind.Parameter)
                {
                    Write(layer.Parameters, reader.ReadCreation(value).Init, exact: true, explicitWrite: false);
                }
                else
                {
                    // A new module: its parameters start from the framework's default again.
                    Write(layer.SelfAndDescendants().SelectMany(each => each.Parameters), FrameworkDefault, exact: true, explicitWrite: false);
                }

                return;
            case ILocalReferenceOperation local:
                environment[local.Local] = Resolve(value, environment);
                return;
        }
    }

    private void Call(IInvocationOperation call, Environment environment, int depth)
    {
        var method = call.TargetMethod;
        if (reader.ReadWrite(call) is { } write)
        {
            Visit(write.Target, environment, depth);
            if (Resolve(write.Target, environment) is { } written)
            {
                Write(written.AllParameters, write.Init, written.Exact, explicitWrite: true);
            }

            return;
        }

        if (method.Name == "apply" && types.IsModule(method.ContainingType) && call.Arguments.Length == 1 && Receiver(call, environment) is { } applied)
        {
            Apply(applied, call.Arguments[0].Value, environment, depth);
            return;
        }

        if (method.Name is "load" or "load_state_dict" or "load_py" or "load_checkpoint" && types.IsModule(method.ContainingType) && Receiver(call, environment) is { } loaded)
        {
            Write(loaded.AllParameters, Initialization.Unknown, exact: true, explicitWrite: true);
            return;
        }

        foreach (var argument in call.Arguments)
        {
            Visit(argument.Value, environment, depth);
        }

        if (call.Instance is { } instance)
        {
            Visit(instance, environment, depth);
        }

        if (depth > 0 && IsOwn(method) && bodyOf(method) is { } body)
        {
            // The type's own helper (InitWeights(), InitLayer(fc1)): walked with its parameters bound to the arguments.
            var inner = new Environment();
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { } parameter && Resolve(argument.Value, environment) is { } bound)
                {
                    inner[parameter] = bound;
                }
            }

            Visited.Add(method.OriginalDefinition);
            Walk(body, inner, depth - 1);
            return;
        }

        if (!TorchSharpTypes.IsTorchSharpMethod(method))
        {
            // A model element handed to code that is not followed may be written there.
            foreach (var argument in call.Arguments)
            {
                if (Resolve(argument.Value, environment) is { } handed && !handed.Names)
                {
                    Write(handed.AllParameters, Initialization.Unknown, exact: true, explicitWrite: true);
                }
            }
        }
    }

    /// <summary><c>apply(m => ...)</c> or <c>apply(InitWeights)</c>: the function runs once for each module of the receiver.</summary>
    private void Apply(Binding receiver, IOperation function, Environment environment, int depth)
    {
        var modules = Binding.EachLayer(receiver.Layers.SelectMany(layer => layer.SelfAndDescendants()).Distinct(), new object());
        switch (function.WalkDownConversions())
        {
            case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
                WalkFunction(lambda, modules, environment);
                break;
            case IAnonymousFunctionOperation lambda:
                WalkFunction(lambda, modules, environment);
                break;
            case IDelegateCreationOperation { Target: IMethodReferenceOperation reference } when depth > 0 && reference.Method.Parameters.Length == 1 && bodyOf(reference.Method) is { } body:
                var inner = new Environment();
                inner[reference.Method.Parameters[0]] = modules;
                Visited.Add(reference.Method.OriginalDefinition);
                Walk(body, inner, depth - 1);
                break;
            default:
                Write(modules.AllParameters, Initialization.Unknown, exact: true, explicitWrite: true); // a function held elsewhere
                break;
        }
    }

    private void WalkFunction(IAnonymousFunctionOperation lambda, Binding modules, Environment environment)
    {
        if (lambda.Symbol.Parameters.Length != 1)
        {
            return;
        }

        var inner = environment.Copy();
        inner[lambda.Symbol.Parameters[0]] = modules;
        Walk(lambda.Body, inner, MaxDepth - 1);
    }

    /// <summary>
    /// <c>foreach (var (name, m) in named_modules())</c>, <c>foreach (var m in modules())</c>, <c>foreach (var p in parameters())</c>,
    /// <c>foreach (var (name, p) in named_parameters())</c>: the environment with the loop's variables bound to each element.
    /// </summary>
    private Environment? BulkLoop(IForEachLoopOperation loop, Environment environment)
    {
        if (loop.Collection.WalkDownConversions() is not IInvocationOperation source || !types.IsModule(source.TargetMethod.ContainingType))
        {
            return null;
        }

        var receiver = Receiver(source, environment);
        if (receiver is null)
        {
            return null;
        }

        var group = new object();
        var modules = receiver.Layers.SelectMany(layer => layer.SelfAndDescendants()).Distinct().ToList();
        var onModel = source.Instance is null or IInstanceReferenceOperation;
        var prefix = !onModel && receiver.Layers.Count == 1 ? receiver.Layers[0].Path + "." : string.Empty;
        var recurse = TorchInitReader.Argument(source, "recurse") is not { ConstantValue: { HasValue: true, Value: false } };
        Binding? values = source.TargetMethod.Name switch
        {
            "modules" or "named_modules" => new Binding(modules, Array.Empty<TorchParam>(), exact: true, bulk: true, group: group, prefix: prefix),
            "children" or "named_children" => new Binding((onModel ? receiver.Layers : receiver.Layers.SelectMany(layer => layer.Children).Distinct()).ToList(), Array.Empty<TorchParam>(), exact: true, bulk: true, group: group, prefix: prefix),
            "parameters" or "named_parameters" => Binding.EachParameter(recurse ? modules.SelectMany(layer => layer.Parameters).Concat(receiver.Parameters).Distinct() : receiver.Layers.SelectMany(layer => layer.Parameters).Concat(receiver.Parameters), group, prefix: prefix),
            _ => null,
        };
        if (values is null)
        {
            return null;
        }

        var inner = environment.Copy();
        var named = source.TargetMethod.Name.StartsWith("named_", StringComparison.Ordinal);
        var variables = Variables(loop.LoopControlVariable);
        if (named && variables.Count == 2)
        {
            if (variables[0] is { } name)
            {
                inner[name] = new Binding(values.Layers, values.Parameters, true, names: true, bulk: true, group: group, prefix: prefix);
            }

            if (variables[1] is { } value)
            {
                inner[value] = values;
            }
        }
        else if (!named && variables.Count == 1 && variables[0] is { } single)
        {
            inner[single] = values;
        }
        else
        {
            // foreach (var pair in named_parameters()) { pair.Item2 ... }: the elements are not followed.
            Write(values.AllParameters, Initialization.Unknown, exact: false, explicitWrite: true);
            return null;
        }

        return inner;
    }

    private static List<ISymbol?> Variables(IOperation control) => control switch
    {
        IVariableDeclaratorOperation declarator => new List<ISymbol?> { declarator.Symbol },
        IDeclarationExpressionOperation { Expression: ITupleOperation tuple } => tuple.Elements.Select(Variable).ToList(),
        ITupleOperation tuple => tuple.Elements.Select(Variable).ToList(),
        _ => new List<ISymbol?>(),
    };

    private static ISymbol? Variable(IOperation element) => element switch
    {
        ILocalReferenceOperation local => local.Local,
        IDeclarationExpressionOperation { Expression: ILocalReferenceOperation local } => local.Local,
        _ => null, // a discard
    };

    /// <summary>The modules a call is made on: <c>this</c> (the whole model) or a member's layer.</summary>
    private Binding? Receiver(IInvocationOperation call, Environment environment) => call.Instance is null or IInstanceReferenceOperation
        ? call.TargetMethod.IsStatic ? null : Binding.OfLayers(model.Members.Values.Distinct())
        : Resolve(call.Instance, environment);

    private void WalkBranches(IOperation condition, IOperation whenTrue, IOperation? whenFalse, Environment environment, int depth)
    {
        Visit(condition, environment, depth);
        if (Narrow(condition, environment) is { } narrowed)
        {
            // A test on each element (m is Linear l, name.Contains("bias")): the branches reach different elements.
            Walk(whenTrue, narrowed.WhenTrue, depth);
            if (whenFalse is not null)
            {
                Walk(whenFalse, narrowed.WhenFalse, depth);
            }

            return;
        }

        var before = Copy(State);
        Walk(whenTrue, environment.Copy(), depth);
        var afterTrue = State;
        State = before;
        if (whenFalse is not null)
        {
            Walk(whenFalse, environment.Copy(), depth);
        }

        State = Merge(afterTrue, State);
    }

    private void WalkSwitch(ISwitchOperation switchOperation, Environment environment, int depth)
    {
        Visit(switchOperation.Value, environment, depth);
        var subject = Resolve(switchOperation.Value, environment);
        if (subject is { Bulk: true })
        {
            // switch (m) { case Conv2d conv: ...; case BatchNorm2d bn: ... }: each element takes the first case it matches.
            var remaining = subject;
            foreach (var section in switchOperation.Cases)
            {
                var inner = environment.Copy();
                var matched = false;
                foreach (var clause in section.Clauses)
                {
                    if (clause is IPatternCaseClauseOperation { Guard: null } patternClause)
                    {
                        var test = remaining.Filter(layer => Matches(patternClause.Pattern, layer) == true, parameter => false);
                        if (remaining.Layers.Any(layer => Matches(patternClause.Pattern, layer) is null))
                        {
                            test = test.Inexact();
                        }

                        Narrowed(inner, subject.Group, test);
                        if (patternClause.Pattern is IDeclarationPatternOperation { DeclaredSymbol: { } declared })
                        {
                            inner[declared] = test.AsValues();
                        }

                        remaining = remaining.Filter(layer => Matches(patternClause.Pattern, layer) != true, parameter => true);
                        matched = true;
                    }
                    else if (clause is IDefaultCaseClauseOperation)
                    {
                        Narrowed(inner, subject.Group, remaining);
                        matched = true;
                    }
                }

                if (!matched)
                {
                    Narrowed(inner, subject.Group, subject.Inexact());
                }

                foreach (var statement in section.Body)
                {
                    Walk(statement, inner, depth);
                }
            }

            return;
        }

        var before = Copy(State);
        var merged = Copy(State);
        foreach (var section in switchOperation.Cases)
        {
            State = Copy(before);
            foreach (var statement in section.Body)
            {
                Walk(statement, environment.Copy(), depth);
            }

            merged = Merge(merged, State);
        }

        State = merged;
    }

    /// <summary>Replaces every binding of the loop <paramref name="group"/> with its elements that <paramref name="narrowed"/> keeps.</summary>
    private static void Narrowed(Environment environment, object? group, Binding narrowed)
    {
        foreach (var pair in environment.Bulk.Where(pair => pair.Value.Group == group).ToList())
        {
            var layers = new HashSet<TorchLayer>(narrowed.Layers);
            var parameters = new HashSet<TorchParam>(narrowed.Parameters);
            var binding = pair.Value.Filter(layers.Contains, parameters.Contains);
            environment[pair.Key] = narrowed.Exact ? binding : binding.Inexact();
        }
    }

    /// <summary>The environments of the two branches of a test on a loop's element, or null when the test is not about one.</summary>
    private (Environment WhenTrue, Environment WhenFalse)? Narrow(IOperation condition, Environment environment)
    {
        var groups = condition.DescendantsAndSelf().Select(operation => Symbol(operation) is { } symbol ? environment[symbol] : null)
            .Where(binding => binding is { Bulk: true }).Select(binding => binding!.Group).Distinct().ToList();
        if (groups.Count != 1)
        {
            return null;
        }

        var group = groups[0];
        var basis = environment.Bulk.First(pair => pair.Value.Group == group).Value;
        var prefix = basis.Prefix;
        var trueLayers = new List<TorchLayer>();
        var falseLayers = new List<TorchLayer>();
        var trueParameters = new List<TorchParam>();
        var falseParameters = new List<TorchParam>();
        var exact = true;
        foreach (var layer in basis.Layers)
        {
            var verdict = Evaluate(condition, layer, prefix, environment, group);
            exact &= verdict is not null;
            (verdict != false ? trueLayers : falseLayers).Add(layer);
            if (verdict is null)
            {
                falseLayers.Add(layer);
            }
        }

        foreach (var parameter in basis.Parameters)
        {
            var verdict = Evaluate(condition, parameter, prefix, environment, group);
            exact &= verdict is not null;
            (verdict != false ? trueParameters : falseParameters).Add(parameter);
            if (verdict is null)
            {
                falseParameters.Add(parameter);
            }
        }

        var whenTrue = environment.Copy();
        var whenFalse = environment.Copy();
        var trueBinding = new Binding(trueLayers, trueParameters, exact && basis.Exact, bulk: true, group: group, prefix: basis.Prefix);
        var falseBinding = new Binding(falseLayers, falseParameters, exact && basis.Exact, bulk: true, group: group, prefix: basis.Prefix);
        Narrowed(whenTrue, group, trueBinding);
        Narrowed(whenFalse, group, falseBinding);
        foreach (var pattern in condition.DescendantsAndSelf().OfType<IDeclarationPatternOperation>())
        {
            if (pattern.DeclaredSymbol is { } declared && pattern.Parent is IIsPatternOperation)
            {
                whenTrue[declared] = trueBinding;
            }
        }

        return (whenTrue, whenFalse);
    }

    /// <summary>Whether a test holds for one element of a loop: a type test on a module, a name test or a rank test on a parameter.</summary>
    private static bool? Evaluate(IOperation condition, object element, string prefix, Environment environment, object? group)
    {
        bool Refers(IOperation operation) => Symbol(operation.WalkDownConversions()) is { } symbol && environment[symbol] is { } binding && binding.Group == group;

        bool IsName(IOperation operation) => Symbol(operation.WalkDownConversions()) is { } symbol && environment[symbol] is { Names: true } binding && binding.Group == group;

        condition = condition.WalkDownConversions();
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return !Evaluate(not.Operand, element, prefix, environment, group);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } and:
                var leftAnd = Evaluate(and.LeftOperand, element, prefix, environment, group);
                var rightAnd = Evaluate(and.RightOperand, element, prefix, environment, group);
                return leftAnd == false || rightAnd == false ? false : leftAnd == true && rightAnd == true ? true : null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } or:
                var leftOr = Evaluate(or.LeftOperand, element, prefix, environment, group);
                var rightOr = Evaluate(or.RightOperand, element, prefix, environment, group);
                return leftOr == true || rightOr == true ? true : leftOr == false && rightOr == false ? false : null;
            case IIsTypeOperation isType when Refers(isType.ValueOperand) && element is TorchLayer layer:
                var typeTest = IsOfType(layer, isType.TypeOperand);
                return isType.IsNegated ? !typeTest : typeTest;
            case IIsPatternOperation isPattern when Refers(isPattern.Value) && element is TorchLayer matched:
                return Matches(isPattern.Pattern, matched);
            case IInvocationOperation { Instance: { } instance, Arguments.Length: >= 1 } call when IsName(instance) && call.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text }:
                return NameTest(NameOf(element, prefix), call.TargetMethod.Name, text);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } equality when IsName(equality.LeftOperand) || IsName(equality.RightOperand):
                var other = IsName(equality.LeftOperand) ? equality.RightOperand : equality.LeftOperand;
                if (other.ConstantValue is not { HasValue: true, Value: string expected })
                {
                    return null;
                }

                var same = NameTest(NameOf(element, prefix), "Equals", expected);
                return equality.OperatorKind == BinaryOperatorKind.Equals ? same : !same;
            case IBinaryOperation comparison when element is TorchParam parameter && (RankOf(comparison.LeftOperand, Refers) || RankOf(comparison.RightOperand, Refers)):
                var onLeft = RankOf(comparison.LeftOperand, Refers);
                if (parameter.Rank is not { } rank || (onLeft ? comparison.RightOperand : comparison.LeftOperand).NumericConstant() is not { } bound)
                {
                    return null;
                }

                var (l, r) = onLeft ? ((double)rank, bound) : (bound, (double)rank);
                return comparison.OperatorKind switch
                {
                    BinaryOperatorKind.GreaterThan => l > r,
                    BinaryOperatorKind.GreaterThanOrEqual => l >= r,
                    BinaryOperatorKind.LessThan => l < r,
                    BinaryOperatorKind.LessThanOrEqual => l <= r,
                    BinaryOperatorKind.Equals => l == r,
                    BinaryOperatorKind.NotEquals => l != r,
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary><c>p.dim()</c>, <c>p.Dimensions</c>, <c>p.ndim</c>, <c>p.shape.Length</c>.</summary>
    private static bool RankOf(IOperation operation, Func<IOperation, bool> refers) => operation.WalkDownConversions() switch
    {
        IInvocationOperation { TargetMethod.Name: "dim" or "ndimension", Instance: { } instance } => refers(instance),
        IPropertyReferenceOperation { Property.Name: "Dimensions" or "ndim" or "dim", Instance: { } instance } => refers(instance),
        IPropertyReferenceOperation { Property.Name: "Length", Instance: IPropertyReferenceOperation { Property.Name: "shape", Instance: { } instance } } => refers(instance),
        _ => false,
    };

    private static string NameOf(object element, string prefix)
    {
        var name = element switch
        {
            TorchParam parameter => parameter.FullName,
            TorchLayer layer => layer.Path,
            _ => "?",
        };
        return prefix.Length > 0 && name.StartsWith(prefix, StringComparison.Ordinal) ? name.Substring(prefix.Length) : name;
    }

    /// <summary>
    /// A string test on a name that may have unknown parts (<c>features.?.weight</c>): read on the known tail for the parameter
    /// suffixes (<c>weight</c>, <c>bias</c>), unknown otherwise.
    /// </summary>
    private static bool? NameTest(string name, string method, string text)
    {
        var tail = name.Substring(name.LastIndexOf('?') + 1);
        var complete = tail.Length == name.Length;
        var suffix = text.TrimStart('.').StartsWith("weight", StringComparison.Ordinal) || text.TrimStart('.').StartsWith("bias", StringComparison.Ordinal);
        switch (method)
        {
            case "Contains" when complete || suffix:
                return tail.Contains(text);
            case "EndsWith" when complete || text.Length <= tail.Length:
                return tail.EndsWith(text, StringComparison.Ordinal);
            case "StartsWith" when complete:
                return name.StartsWith(text, StringComparison.Ordinal);
            case "Equals" when complete:
                return string.Equals(name, text, StringComparison.Ordinal);
            default:
                return null;
        }
    }

    /// <summary>Whether a module pattern (<c>Linear l</c>, <c>not Linear</c>) matches the layer; null when its type is not known well enough.</summary>
    private static bool? Matches(IPatternOperation pattern, TorchLayer layer) => pattern switch
    {
        IDeclarationPatternOperation { MatchedType: { } type } => IsOfType(layer, type),
        ITypePatternOperation { MatchedType: { } type } => IsOfType(layer, type),
        IRecursivePatternOperation { MatchedType: { } type, DeconstructionSubpatterns.Length: 0, PropertySubpatterns.Length: 0 } => IsOfType(layer, type),
        INegatedPatternOperation negated => !Matches(negated.Pattern, layer),
        _ => null,
    };

    private static bool? IsOfType(TorchLayer layer, ITypeSymbol? type)
    {
        if (type is null || layer.Type is null)
        {
            return null;
        }

        if (IsAssignable(layer.Type, type))
        {
            return true;
        }

        // A module typed only by its base (Module<Tensor, Tensor> from a delegate) may be anything deriving from it.
        return layer.Kind == LayerKind.Opaque && IsAssignable(type, layer.Type) ? null : false;
    }

    private static bool IsAssignable(ITypeSymbol from, ITypeSymbol to)
    {
        for (var current = from; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, to) || SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, to.OriginalDefinition) && to is INamedTypeSymbol { IsGenericType: false })
            {
                return true;
            }
        }

        return from.AllInterfaces.Any(face => SymbolEqualityComparer.Default.Equals(face, to));
    }

    private static ISymbol? Symbol(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary>The model elements an expression stands for, or null when it is none of them.</summary>
    public Binding? Resolve(IOperation operation, Environment environment)
    {
        switch (operation)
        {
            case IConversionOperation conversion:
                var inner = Resolve(conversion.Operand, environment);
                if (inner is null || !types.IsModule(conversion.Type) || inner.Layers.Count == 0)
                {
                    return inner;
                }

                // (Linear)m, m as Linear: the modules of that type.
                var cast = inner.Filter(layer => IsOfType(layer, conversion.Type) != false, parameter => true);
                return inner.Layers.Any(layer => IsOfType(layer, conversion.Type) is null) ? cast.Inexact() : cast;
            case IParenthesizedOperation parenthesized:
                return Resolve(parenthesized.Operand, environment);
            case ILocalReferenceOperation or IParameterReferenceOperation:
                return environment[Symbol(operation)!];
            case IInstanceReferenceOperation:
                return Binding.OfLayers(model.Members.Values.Distinct());
            case IMemberReferenceOperation member when OwnMember(member) is { } symbol:
                return model.Members.TryGetValue(symbol, out var layer)
                    ? layer.Kind == LayerKind.Parameter ? Binding.OfParameters(layer.Parameters) : Binding.OfLayers(new[] { layer })
                    : null;
            case IPropertyReferenceOperation { Instance: { } instance } property when property.Property.Name is "weight" or "bias" && Resolve(instance, environment) is { Names: false } owners:
                return Parameters(owners, property.Property.Name);
            case IInvocationOperation { Instance: { } instance, TargetMethod.Name: "get_weight_ih" or "get_weight_hh" or "get_bias_ih" or "get_bias_hh" } call when Resolve(instance, environment) is { Names: false } owners:
                return Parameters(owners, call.TargetMethod.Name.Substring(4));
            case IInvocationOperation { Instance: { } instance, TargetMethod.Name: "get_parameter" } named when Resolve(instance, environment) is { Names: false } owners && named.Arguments.Length == 1:
                return named.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string path }
                    ? Binding.OfParameters(owners.AllParameters.Where(parameter => parameter.FullName == path || parameter.FullName == path + "_l0" || owners.Layers.Any(owner => owner.Path + "." + path == parameter.FullName)))
                    : owners.Inexact();
            default:
                return null;
        }
    }

    private static Binding Parameters(Binding owners, string name) =>
        new(Array.Empty<TorchLayer>(), owners.Layers.SelectMany(layer => layer.Parameters).Where(parameter => parameter.Name == name).ToList(), owners.Exact, bulk: owners.Bulk, group: owners.Group);

    /// <summary>A member of the analyzed type reached through <c>this</c> (or implicitly), made canonical (an auto-property is its field).</summary>
    public ISymbol? OwnMember(IMemberReferenceOperation member)
    {
        if (member.Instance is not (null or IInstanceReferenceOperation) || member.Member is not (IFieldSymbol or IPropertySymbol))
        {
            return null;
        }

        var symbol = canonical(member.Member.OriginalDefinition);
        return SymbolEqualityComparer.Default.Equals(symbol.ContainingType, owner) || SymbolEqualityComparer.Default.Equals(symbol.ContainingType?.OriginalDefinition, owner) ? symbol : null;
    }

    private bool IsOwn(IMethodSymbol method)
    {
        for (var type = owner; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, type.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private void Write(IEnumerable<TorchParam> parameters, Initialization init, bool exact, bool explicitWrite)
    {
        foreach (var parameter in parameters)
        {
            if (explicitWrite)
            {
                Written.Add(parameter);
            }

            State[parameter] = exact ? init : Merge(StateOf(parameter), init);
        }
    }

    public static Dictionary<TorchParam, Initialization> Copy(Dictionary<TorchParam, Initialization> state) => new(state);

    /// <summary>What a parameter holds after one of two paths: their common initialization, or unknown.</summary>
    public static Dictionary<TorchParam, Initialization> Merge(Dictionary<TorchParam, Initialization> first, Dictionary<TorchParam, Initialization> second)
    {
        var merged = new Dictionary<TorchParam, Initialization>();
        foreach (var parameter in first.Keys.Concat(second.Keys).Distinct())
        {
            var a = first.TryGetValue(parameter, out var x) ? x : FrameworkDefault;
            var b = second.TryGetValue(parameter, out var y) ? y : FrameworkDefault;
            merged[parameter] = Merge(a, b);
        }

        return merged;
    }

    public static Initialization Merge(Initialization a, Initialization b)
    {
        if (ReferenceEquals(a, b))
        {
            return a;
        }

        if (a.Kind != b.Kind || a.Kind == InitKind.Unknown || !Equals(a.Constant, b.Constant) || !Equals(a.Draw, b.Draw) || a.Scheme?.ToString() != b.Scheme?.ToString() || a.Scheme?.Mode != b.Scheme?.Mode)
        {
            return Initialization.Unknown;
        }

        return new Initialization(a.Kind, a.Locations.AddRange(b.Locations.Where(location => !a.Locations.Contains(location))), a.Constant, a.Draw, a.Zeroing, a.Scheme);
    }
}
