using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// The locals that give one of a type's arrays another name in a member, read from syntax: <c>float[,] w = weights[layer];</c>,
/// <c>var next = this.activations[l + 1];</c>, and whole span views of one, <c>Span&lt;float&gt; s = w;</c>, <c>var s = w.AsSpan();</c>. A product of their elements is a product of the array's, as
/// <see cref="BodyIndex.AliasedArray"/> decides from bound code; names stand for symbols here, so a local counts wherever one
/// of its values names the array, and the bound code decides whether every value does.
/// </summary>
internal sealed class LocalAliases
{
    private static readonly LocalAliases None = new(new Dictionary<SyntaxNode, Dictionary<string, string>>(), new HashSet<string>());

    private readonly Dictionary<SyntaxNode, Dictionary<string, string>> byMember;

    private LocalAliases(Dictionary<SyntaxNode, Dictionary<string, string>> byMember, HashSet<string> names)
    {
        this.byMember = byMember;
        Names = names;
    }

    /// <summary>The names of the aliases, in any member.</summary>
    public HashSet<string> Names { get; }

    public bool IsEmpty => Names.Count == 0;

    /// <summary>The locals of <paramref name="type"/>'s members given one of <paramref name="arrays"/> (or a row of it).</summary>
    public static LocalAliases Find(INamedTypeSymbol type, ICollection<string> arrays, CancellationToken cancellationToken)
    {
        Dictionary<SyntaxNode, Dictionary<string, string>>? byMember = null;
        HashSet<string>? names = null;
        var pending = new List<(string Name, string Array)>(arrays.Count);
        foreach (var array in arrays)
        {
            pending.Add((array, array));
        }

        // An alias of an alias (var all = this.w; var row = all[l];) names the same array: each new name is searched in turn.
        for (var at = 0; at < pending.Count; at++)
        {
            var (searched, array) = pending[at];
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                foreach (var token in TextSearch.AssignedNames(reference, searched, cancellationToken))
                {
                    if (token.Parent is not IdentifierNameSyntax name || name.Identifier.ValueText != searched || Receiver(name) is not { } alias
                        || name.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member)
                    {
                        continue;
                    }

                    byMember ??= new Dictionary<SyntaxNode, Dictionary<string, string>>();
                    if (!byMember.TryGetValue(member, out var inMember))
                    {
                        byMember[member] = inMember = new Dictionary<string, string>(System.StringComparer.Ordinal);
                    }

                    if (!inMember.ContainsKey(alias))
                    {
                        inMember[alias] = array;
                        if ((names ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(alias))
                        {
                            pending.Add((alias, array));
                        }
                    }
                }
            }
        }

        return byMember is null ? None : new LocalAliases(byMember, names!);
    }

    /// <summary>The array a name in <paramref name="node"/>'s member stands for: the aliased array, or the name itself.</summary>
    public string Resolve(string name, SyntaxNode node)
    {
        if (byMember.Count == 0 || node.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member
            || !byMember.TryGetValue(member, out var inMember) || !inMember.TryGetValue(name, out var array))
        {
            return name;
        }

        return array;
    }

    /// <summary>The expression that names an array or a row of it around <paramref name="name"/>: <c>name</c>, <c>this.name</c>, <c>name[l]</c>.</summary>
    internal static ExpressionSyntax ArrayOrRow(IdentifierNameSyntax name)
    {
        ExpressionSyntax value = name;
        if (value.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access && access.Name == value)
        {
            value = access;
        }

        while (value.Parent is ElementAccessExpressionSyntax row && row.Expression == value)
        {
            value = row;
        }

        return value;
    }

    /// <summary><c>w.AsSpan()</c> around an array or row <paramref name="value"/>, which views it whole; the value itself otherwise.</summary>
    private static ExpressionSyntax WholeSpanOf(ExpressionSyntax value) =>
        value.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsSpan" } access && access.Expression == value
        && access.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } view
            ? view
            : value;

    /// <summary><c>Span&lt;T&gt;</c> or <c>ReadOnlySpan&lt;T&gt;</c>, by name (<c>System.Span&lt;T&gt;</c> too).</summary>
    private static bool IsSpan(TypeSyntax type) =>
        (type is QualifiedNameSyntax qualified ? qualified.Right : type) is GenericNameSyntax { Identifier.ValueText: "Span" or "ReadOnlySpan", TypeArgumentList.Arguments.Count: 1 };

    /// <summary><see cref="ElementProducts.ArrayName"/>, with an alias read as the array it names.</summary>
    public string? ArrayName(ExpressionSyntax factor) => ElementProducts.ArrayName(factor) is { } name ? Resolve(name, factor) : null;

    /// <summary>
    /// The name of the local given <paramref name="name"/>'s array or a row of it: <c>var x = name[l]</c>, <c>x = this.name</c>
    /// (a field assigned by its bare name reads the same; the bound code tells them apart).
    /// </summary>
    private static string? Receiver(IdentifierNameSyntax name)
    {
        var value = WholeSpanOf(ArrayOrRow(name));
        return value.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax, Type: var type } } declarator }
                when type is ArrayTypeSyntax || type.IsVar || IsSpan(type) => declarator.Identifier.ValueText, // double sum = b[i] takes a number
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax local } assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == value => local.Identifier.ValueText,
            _ => null,
        };
    }
}
