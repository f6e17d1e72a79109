using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Activations;

/// <summary>
/// One construction of a layer class (<c>new Layer(784, 128, Activation.ReLU)</c>), as the instance it makes sees the values
/// its type stores: what the constructor stores from a parameter is that construction's argument, and what the other
/// constructors store does not happen.
/// </summary>
internal sealed class ConstructionArguments
{
    private readonly IObjectCreationOperation creation;

    public ConstructionArguments(IObjectCreationOperation creation) => this.creation = creation;

    public IMethodSymbol? Constructor => creation.Constructor;

    /// <summary>
    /// <paramref name="stored"/>, the values a type stores in one field (<see cref="StoredValues.Of"/>), for this instance. Left as
    /// they are when the constructor chains to another of its type (<c>: this(...)</c>), whose stores would then run too.
    /// </summary>
    public IReadOnlyList<IOperation> Bind(IReadOnlyList<IOperation> stored)
    {
        if (Constructor is not { } constructor || stored.Count == 0 || ChainsToItsOwnType(constructor))
        {
            return stored;
        }

        var bound = new List<IOperation>();
        var initializers = new List<IOperation>();
        var storedByConstructor = false;
        foreach (var value in stored)
        {
            var root = value.Root();
            if (root is ISymbolInitializerOperation)
            {
                initializers.Add(Argument(value, constructor) ?? value); // a primary constructor's parameter: private readonly Act activation = activation;
                continue;
            }

            if (root is IConstructorBodyOperation && value.SemanticModel?.GetDeclaredSymbol(root.Syntax) is IMethodSymbol storingConstructor
                && SymbolEqualityComparer.Default.Equals(storingConstructor.ContainingType?.OriginalDefinition, constructor.ContainingType?.OriginalDefinition))
            {
                if (!SymbolEqualityComparer.Default.Equals(storingConstructor.OriginalDefinition, constructor.OriginalDefinition))
                {
                    continue; // another constructor of the type: it does not run for this instance (a base class's does, and is kept)
                }

                // Only a store the constructor always makes replaces the field initializer's value; one under a condition may not.
                storedByConstructor |= IsAlwaysMade(value);
                bound.Add(Argument(value, constructor) ?? value);
                continue;
            }

            bound.Add(value); // a method that may store another value later
        }

        // The constructor runs after the field initializers, so what it stores replaces theirs.
        if (!storedByConstructor)
        {
            bound.AddRange(initializers);
        }

        return bound;
    }

    /// <summary>The value this construction passes for the constructor's parameter that <paramref name="value"/> reads, its default value included.</summary>
    private IOperation? Argument(IOperation value, IMethodSymbol constructor) =>
        value.WalkDownConversions() is IParameterReferenceOperation { Parameter: var parameter } && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, constructor.OriginalDefinition)
            ? creation.Arguments.FirstOrDefault(argument => argument.Parameter is { } bound && SymbolEqualityComparer.Default.Equals(bound.OriginalDefinition, parameter.OriginalDefinition))?.Value
            : null;

    /// <summary>The value of an assignment that is a statement of the constructor's own body, not nested in a branch or loop.</summary>
    private static bool IsAlwaysMade(IOperation value) =>
        value.Parent is IAssignmentOperation { Parent: IExpressionStatementOperation { Parent: IBlockOperation { Parent: IConstructorBodyOperation } } };

    private static bool ChainsToItsOwnType(IMethodSymbol constructor) =>
        constructor.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax() is ConstructorDeclarationSyntax { Initializer: { } initializer } && initializer.ThisOrBaseKeyword.IsKind(SyntaxKind.ThisKeyword));
}
