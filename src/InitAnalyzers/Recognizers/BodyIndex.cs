using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// Facts about one method body (or initializer) computed once and shared by every question asked about it: the
/// assignments and returns in it, and the value of each local assigned exactly once. Without it, each weight
/// element would walk its whole body again, which is quadratic in large numeric methods.
/// </summary>
internal sealed class BodyIndex
{
    private static readonly ConditionalWeakTable<IOperation, BodyIndex> Cache = new();

    private readonly Dictionary<ILocalSymbol, IOperation?> singleValues;
    private readonly ImmutableArray<IOperation> operations;
    private ILookup<ISymbol?, ILocalReferenceOperation>? localReferences;
    private Dictionary<ILocalSymbol, ISymbol?>? aliases;
    private HashSet<IParameterSymbol>? writtenParameters;

    private BodyIndex(IOperation root)
    {
        operations = root.DescendantsAndSelf().ToImmutableArray();
        Assignments = operations.OfType<ISimpleAssignmentOperation>().ToImmutableArray();
        Returns = operations.OfType<IReturnOperation>().ToImmutableArray();
        singleValues = new Dictionary<ILocalSymbol, IOperation?>(SymbolEqualityComparer.Default);
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Record(declarator.Symbol, initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    Record(target.Local, assignment.Value);
                    break;
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target }:
                    singleValues[target.Local] = null;
                    break;
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target }:
                    singleValues[target.Local] = null;
                    break;
            }
        }
    }

    public ImmutableArray<ISimpleAssignmentOperation> Assignments { get; }

    public ImmutableArray<IReturnOperation> Returns { get; }

    public static BodyIndex Of(IOperation operation) => Cache.GetValue(operation.Root(), root => new BodyIndex(root));

    /// <summary>The declarations of <paramref name="local"/> in this body (one, unless the code is broken).</summary>
    public IEnumerable<IVariableDeclaratorOperation> Declarators(ILocalSymbol local) =>
        operations.OfType<IVariableDeclaratorOperation>().Where(declarator => SymbolEqualityComparer.Default.Equals(declarator.Symbol, local));

    /// <summary>Every reference to <paramref name="local"/> in this body, in source order.</summary>
    public IEnumerable<ILocalReferenceOperation> References(ILocalSymbol local)
    {
        localReferences ??= operations.OfType<ILocalReferenceOperation>().ToLookup(reference => (ISymbol?)reference.Local, SymbolEqualityComparer.Default);
        return localReferences[local];
    }

    /// <summary>
    /// Whether this body may change <paramref name="parameter"/> before reading it: an assignment, a compound assignment, an
    /// increment, or a hand-off by <c>ref</c> or <c>out</c>. A parameter that is never written holds what the caller passed.
    /// </summary>
    public bool Writes(IParameterSymbol parameter)
    {
        if (writtenParameters is null)
        {
            var written = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
            foreach (var operation in operations)
            {
                if (operation is IParameterReferenceOperation reference && reference.Parent switch
                {
                    ISimpleAssignmentOperation assignment => assignment.Target == reference,
                    ICompoundAssignmentOperation compound => compound.Target == reference,
                    IIncrementOrDecrementOperation => true,
                    ITupleOperation tuple => tuple.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == tuple,
                    IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
                    _ => false,
                })
                {
                    written.Add(reference.Parameter);
                }
            }

            writtenParameters = written;
        }

        return writtenParameters.Contains(parameter);
    }

    /// <summary>
    /// The one local every return of this body hands back (<c>return matrix;</c>), returns of <c>null</c> or <c>default</c> aside;
    /// null when a return gives anything else, or none gives a local.
    /// </summary>
    public ILocalSymbol? ReturnedLocal()
    {
        ILocalSymbol? local = null;
        foreach (var returned in Returns)
        {
            switch (returned.ReturnedValue?.WalkDownConversions())
            {
                case ILocalReferenceOperation { Local: { RefKind: RefKind.None } candidate } when local is null || SymbolEqualityComparer.Default.Equals(local, candidate):
                    local = candidate;
                    break;
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }:
                case IDefaultValueOperation:
                    break;
                default:
                    return null;
            }
        }

        return local;
    }

    /// <summary>The value of a local that is assigned exactly once in this body; null otherwise.</summary>
    public IOperation? SingleValue(ILocalSymbol local) => singleValues.TryGetValue(local, out var value) ? value : null;

    /// <summary>
    /// The field or property whose array (or a row of it) <paramref name="local"/> names: <c>var row = weights[l];</c>, or
    /// <c>current = next;</c> where every value the local is given names the same array. Null when any value is something else,
    /// or the local is written in a way that cannot be followed (by <c>ref</c>, <c>out</c>, a deconstruction).
    /// </summary>
    public ISymbol? AliasedArray(ILocalSymbol local)
    {
        aliases ??= new Dictionary<ILocalSymbol, ISymbol?>(SymbolEqualityComparer.Default);
        if (aliases.TryGetValue(local, out var known))
        {
            return known;
        }

        aliases[local] = null; // a cycle of locals names no array
        ISymbol? aliased = null;
        var values = 0;
        foreach (var value in DefiningValues(local))
        {
            values++;
            var named = NamedArray(value);
            if (named is null || aliased is not null && !SymbolEqualityComparer.Default.Equals(named, aliased))
            {
                return null;
            }

            aliased = named;
        }

        if (values == 0 || References(local).Any(reference => reference.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In } or ITupleOperation or IDeclarationExpressionOperation
            || reference.Parent is ICompoundAssignmentOperation compound && compound.Target == reference
            || reference.Parent is ISimpleAssignmentOperation { IsRef: true }))
        {
            return null;
        }

        return aliases[local] = aliased;
    }

    /// <summary>The values <paramref name="local"/> is given, in source order: its initializer and each plain assignment to it.</summary>
    public IEnumerable<IOperation> DefiningValues(ILocalSymbol local) =>
        Declarators(local).Select(declarator => declarator.Initializer?.Value)
            .Concat(References(local).Select(reference => reference.Parent is ISimpleAssignmentOperation { IsRef: false } assignment && assignment.Target == reference ? assignment.Value : null))
            .Where(value => value is not null)
            .OrderBy(value => value!.Syntax.SpanStart)!;

    /// <summary>
    /// The field or property an array value names, through rows, other aliases and whole views of it as a span: <c>w[l]</c>,
    /// <c>this.w</c>, <c>row</c>, <c>w.AsSpan()</c> (<c>Span&lt;float&gt; s = w;</c> converts the same way).
    /// </summary>
    private ISymbol? NamedArray(IOperation value)
    {
        var current = value.WalkDownConversions();
        while (true)
        {
            if (current.Indexed() is { } indexed)
            {
                current = indexed.WalkDownConversions();
            }
            else if (WholeSpanOf(current) is { } viewed)
            {
                current = viewed.WalkDownConversions();
            }
            else
            {
                break;
            }
        }

        return current switch
        {
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field.OriginalDefinition,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property.IsIndexer: false } property => property.Property.OriginalDefinition,
            ILocalReferenceOperation { Local: var other } => AliasedArray(other),
            _ => null,
        };
    }

    /// <summary>
    /// The array a span views whole: <c>w.AsSpan()</c>, <c>MemoryExtensions.AsSpan(w)</c>. A view with a start or a length
    /// (<c>w.AsSpan(j * n, n)</c>) indexes the array differently, and is not an alias.
    /// </summary>
    internal static IOperation? WholeSpanOf(IOperation operation) =>
        operation is IInvocationOperation { TargetMethod: { Name: "AsSpan", ContainingType: { Name: "MemoryExtensions", ContainingNamespace.Name: "System" } }, Arguments.Length: 1 } view
        && view.Arguments[0].Value.Type is IArrayTypeSymbol { Rank: 1 }
            ? view.Arguments[0].Value
            : null;

    private void Record(ILocalSymbol local, IOperation value) =>
        singleValues[local] = singleValues.ContainsKey(local) ? null : value;
}
