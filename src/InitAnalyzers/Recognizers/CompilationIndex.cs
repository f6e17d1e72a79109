using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// Cross-type questions answered from syntax, once per compilation and only when a recognizer asks:
/// which member names are used outside their type, and which types are stacked (held in arrays or lists,
/// or constructed more than once). Nothing is computed for code that never asks.
/// </summary>
internal sealed class CompilationIndex
{
    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<string, ImmutableArray<IdentifierNameSyntax>> memberUses = new(StringComparer.Ordinal);
    private readonly object stackedGate = new();
    private HashSet<string>? stackedTypeNames;

    public CompilationIndex(Compilation compilation) => this.compilation = compilation;

    /// <summary>Every <c>x.name</c>, <c>x?.name</c> and <c>new T { name = ... }</c> in the compilation.</summary>
    public ImmutableArray<IdentifierNameSyntax> MemberUses(string name, CancellationToken cancellationToken)
    {
        if (memberUses.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var builder = ImmutableArray.CreateBuilder<IdentifierNameSyntax>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            foreach (var token in root.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name && token.Parent is IdentifierNameSyntax identifier && IsMemberUse(identifier))
                {
                    builder.Add(identifier);
                }
            }
        }

        return memberUses.GetOrAdd(name, builder.ToImmutable());
    }

    /// <summary>True when a type of this name is an element of an array or a generic collection, or is constructed more than once.</summary>
    public bool IsStacked(string typeName, CancellationToken cancellationToken)
    {
        lock (stackedGate)
        {
            stackedTypeNames ??= CollectStackedTypeNames(cancellationToken);
            return stackedTypeNames.Contains(typeName);
        }
    }

    private HashSet<string> CollectStackedTypeNames(CancellationToken cancellationToken)
    {
        var stacked = new HashSet<string>(StringComparer.Ordinal);
        var constructed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case ArrayTypeSyntax array when SimpleName(array.ElementType) is { } element:
                        stacked.Add(element);
                        break;
                    case TypeArgumentListSyntax arguments:
                        foreach (var argument in arguments.Arguments)
                        {
                            if (SimpleName(argument) is { } name)
                            {
                                stacked.Add(name);
                            }
                        }

                        break;
                    case ObjectCreationExpressionSyntax creation when SimpleName(creation.Type) is { } created:
                        constructed.TryGetValue(created, out var count);
                        constructed[created] = count + 1;
                        break;
                }
            }
        }

        stacked.UnionWith(constructed.Where(pair => pair.Value > 1).Select(pair => pair.Key));
        return stacked;
    }

    private static string? SimpleName(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };

    private static bool IsMemberUse(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Name == identifier,
        MemberBindingExpressionSyntax => true,
        AssignmentExpressionSyntax assignment => assignment.Left == identifier && assignment.Parent is InitializerExpressionSyntax,
        _ => false,
    };
}
