using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// A helper method that builds an array in a local, fills it and returns it: <c>wih = RandomArray(3, 3)</c> with
/// <c>float[,] RandomArray(int x, int y) { var a = new float[x, y]; ... a[i, j] = Random.Range(0f, 1f); ... return a; }</c>.
/// The weights hold what the helper wrote into its local, so that local is followed as the array (<see cref="LocalArrayFlow"/>).
/// </summary>
internal sealed class ArrayFactory
{
    private static readonly ConditionalWeakTable<SemanticModel, ConcurrentDictionary<IMethodSymbol, ArrayFactory?>> Known = new();

    private ArrayFactory(ILocalSymbol local, ImmutableArray<IReturnOperation> returns)
    {
        Local = local;
        Returns = returns;
    }

    /// <summary>The local the helper returns.</summary>
    public ILocalSymbol Local { get; }

    /// <summary>The helper's returns: of <see cref="Local"/>, or of <c>null</c> (no array at all).</summary>
    public ImmutableArray<IReturnOperation> Returns { get; }

    /// <summary>
    /// The helper <paramref name="call"/> runs, when it is an array factory declared in the same syntax tree (binding a body in
    /// another tree would cost a semantic model of its own); null for anything else: a method that may be overridden, one with
    /// <c>ref</c> or <c>out</c> parameters, one that returns an array it did not build in one local.
    /// </summary>
    public static ArrayFactory? Of(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (call.SemanticModel is not { } model || !HelperBodies.MayRead(method)
            || method.ReturnsByRef || method.ReturnsByRefReadonly || !ArrayShape.IsFloatingArray(method.ReturnType)
            || method.Parameters.Any(parameter => parameter.RefKind is RefKind.Ref or RefKind.Out))
        {
            return null;
        }

        return Known.GetValue(model, _ => new ConcurrentDictionary<IMethodSymbol, ArrayFactory?>(SymbolEqualityComparer.Default))
            .GetOrAdd(method.OriginalDefinition, helper => Read(helper, model));
    }

    private static ArrayFactory? Read(IMethodSymbol method, SemanticModel model)
    {
        if (HelperBodies.Bind(method, model) is not { } body)
        {
            return null;
        }

        var index = BodyIndex.Of(body);
        return index.ReturnedLocal() is { } local && ArrayShape.IsFloatingArray(local.Type) ? new ArrayFactory(local, index.Returns) : null;
    }

    /// <summary>
    /// The allocation the returned local is declared with (<c>var matrix = new double[rows, columns];</c>) when that is the only value it
    /// is ever given; null otherwise.
    /// </summary>
    public IArrayCreationOperation? Allocation
    {
        get
        {
            var body = BodyIndex.Of(Returns[0]);
            return body.SingleValue(Local)?.WalkDownConversions() is IArrayCreationOperation creation && body.Declarators(Local).Any(declarator => declarator.Initializer is not null)
                ? creation
                : null;
        }
    }

    /// <summary>Whether <paramref name="reference"/> is the local handed back by a return (the use that gives the array to the caller).</summary>
    public bool IsReturned(ILocalReferenceOperation reference) => reference.WalkUpConversions().Parent is IReturnOperation returned && Returns.Contains(returned);
}
