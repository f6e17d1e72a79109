using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Activations;

/// <summary>
/// Every value a type stores in one of its own fields or properties (<c>activation = x =&gt; Math.Max(0, x)</c>,
/// <c>this.activation = new ReLU();</c>): its initializer and each assignment in the type's members. Empty when code
/// outside the type may store another value there, or when the type's source is not in the same file.
/// </summary>
internal static class StoredValues
{
    public static IReadOnlyList<IOperation> Of(ISymbol holder, IOperation context)
    {
        var model = context.SemanticModel;
        if (model is null || holder.ContainingType is not { } type || MaySetFromOutside(holder))
        {
            return Array.Empty<IOperation>();
        }

        var values = new List<IOperation>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                return Array.Empty<IOperation>(); // a partial type across files: its other parts may store other values
            }
        }

        foreach (var reference in holder.DeclaringSyntaxReferences)
        {
            var initializer = reference.GetSyntax() switch
            {
                VariableDeclaratorSyntax { Initializer: { } equals } => equals,
                PropertyDeclarationSyntax { Initializer: { } equals } => equals,
                _ => null,
            };
            if (initializer is not null && model.GetOperation(initializer) is ISymbolInitializerOperation { Value: { } value })
            {
                values.Add(value);
            }
        }

        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol method)
            {
                continue;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (model.GetOperation(reference.GetSyntax()) is not { } body)
                {
                    continue;
                }

                foreach (var operation in body.DescendantsAndSelf())
                {
                    if (operation is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } byReference
                        && SymbolEqualityComparer.Default.Equals(byReference.Value.StorageSymbol()?.OriginalDefinition, holder.OriginalDefinition))
                    {
                        return Array.Empty<IOperation>(); // Enum.TryParse(text, out kind): any value
                    }

                    if (operation is IAssignmentOperation assignment && SymbolEqualityComparer.Default.Equals(assignment.Target.StorageSymbol()?.OriginalDefinition, holder.OriginalDefinition))
                    {
                        if (assignment is not ISimpleAssignmentOperation)
                        {
                            return Array.Empty<IOperation>(); // activation += ..., activation ??= ...
                        }

                        values.Add(assignment.Value);
                    }
                }
            }
        }

        return values;
    }

    /// <summary>
    /// True when <paramref name="holder"/> never keeps its type's default: it has an initializer, or every constructor the type
    /// declares assigns it (a constructor that only chains to another does not count). An enum field left at its default holds
    /// the first member, a choice too.
    /// </summary>
    public static bool NeverDefault(ISymbol holder, IOperation context)
    {
        var model = context.SemanticModel;
        if (model is null || holder.ContainingType is not { } type)
        {
            return false;
        }

        if (holder.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax() is VariableDeclaratorSyntax { Initializer: not null } or PropertyDeclarationSyntax { Initializer: not null }))
        {
            return true;
        }

        var constructors = type.InstanceConstructors.Where(constructor => !constructor.IsImplicitlyDeclared).ToList();
        return constructors.Count > 0 && constructors.All(constructor => constructor.DeclaringSyntaxReferences.Any(reference =>
            reference.SyntaxTree == model.SyntaxTree && model.GetOperation(reference.GetSyntax()) is { } body
            && body.DescendantsAndSelf().Any(operation => operation is IAssignmentOperation assignment && SymbolEqualityComparer.Default.Equals(assignment.Target.StorageSymbol()?.OriginalDefinition, holder.OriginalDefinition))));
    }

    /// <summary>
    /// Public setters, and private fields a serializer or editor writes (Unity's <c>[SerializeField]</c>, <c>[JsonProperty]</c>,
    /// <c>[DataMember]</c>): their values come from outside the type's code.
    /// </summary>
    private static bool MaySetFromOutside(ISymbol holder) => holder.GetAttributes().Any(attribute => attribute.AttributeClass?.Name is { } name
        && (name.Contains("Serializ") || name.StartsWith("Json", StringComparison.Ordinal) || name.StartsWith("DataMember", StringComparison.Ordinal))) || holder switch
    {
        IFieldSymbol field => !field.IsReadOnly && !field.IsConst && field.DeclaredAccessibility != Accessibility.Private,
        IPropertySymbol property => property.SetMethod is { DeclaredAccessibility: not Accessibility.Private } || property.IsAbstract || property.IsVirtual || property.IsOverride,
        _ => true,
    };
}
