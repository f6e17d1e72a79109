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
/// which member names are used outside their type, and which layer methods are chained into a network. Nothing is computed for code that never asks.
/// </summary>
internal sealed class CompilationIndex
{
    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<string, ImmutableArray<IdentifierNameSyntax>> memberUses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> chained = new(StringComparer.Ordinal);

    public CompilationIndex(Compilation compilation) => this.compilation = compilation;

    /// <summary>Every use of a member by this name in the compilation: <c>x.name</c>, <c>x?.name</c>, <c>new T { name = ... }</c>, or the bare name.</summary>
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
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name && token.Parent is IdentifierNameSyntax identifier)
                {
                    builder.Add(identifier);
                }
            }
        }

        return memberUses.GetOrAdd(name, builder.ToImmutable());
    }

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

        var found = false;
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var body in tree.GetRoot(cancellationToken).DescendantNodes().Where(node => node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax))
            {
                if (ChainsCalls(body, methodName))
                {
                    found = true;
                    break;
                }
            }

            if (found)
            {
                break;
            }
        }

        return chained.GetOrAdd(methodName, found);
    }

    private static bool ChainsCalls(SyntaxNode body, string methodName)
    {
        var calls = body.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(call => CalledName(call) == methodName).ToList();
        if (calls.Count == 0)
        {
            return false;
        }

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

    private static string? CalledName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };
}
