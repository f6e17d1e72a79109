using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// Questions every recognizer asks about a member that holds weights: where its type's code ends, whether code that
/// leaves no syntax behind may set it, and whether other types may write it. Shared by the array, MathNet and NumSharp recognizers.
/// </summary>
internal static class MemberScope
{
    /// <summary>
    /// Where a layer's forward computation is, for messages: the member around <paramref name="node"/> with its type and file,
    /// <c>Network.Forward (Network.cs)</c>.
    /// </summary>
    public static string Place(SyntaxNode node, string member) => string.Format(
        System.Globalization.CultureInfo.InvariantCulture,
        "{0}.{1} ({2})",
        node.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText,
        member,
        System.IO.Path.GetFileName(node.SyntaxTree.FilePath));

    /// <summary>
    /// <paramref name="member"/> with its type and the file of <paramref name="tree"/>, for messages: <c>Program.Main (Program.cs)</c>,
    /// <c>Model (Model.cs)</c> for a constructor or field initializer, <c>top-level statements (Program.cs)</c>.
    /// </summary>
    public static string Place(ISymbol? member, SyntaxTree? tree)
    {
        var owner = member switch
        {
            null => null,
            IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } or IFieldSymbol or IPropertySymbol => member.ContainingType?.Name,
            _ when member.Name.StartsWith("<", StringComparison.Ordinal) => "top-level statements", // <Main>$
            _ => member.ContainingType?.Name + "." + member.Name,
        };
        var file = System.IO.Path.GetFileName(tree?.FilePath ?? string.Empty);
        return owner is null ? "(" + file + ")" : owner + " (" + file + ")";
    }

    /// <summary>Source text for a message: whitespace runs made one space, cut to 60 characters.</summary>
    public static string Shortened(string text)
    {
        text = string.Join(" ", text.Split(new[] { ' ', '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }

    /// <summary>The one place every forward use agrees on, or null.</summary>
    public static string? OnePlace(IEnumerable<string?> places) => places.Distinct().ToList() is { Count: 1 } one ? one[0] : null;

    /// <summary>The one value every use agrees on, ignoring unknowns; <paramref name="unknown"/> when they disagree or say nothing.</summary>
    public static T Agreed<T>(IEnumerable<T> values, T unknown)
    {
        var found = unknown;
        foreach (var value in values)
        {
            if (EqualityComparer<T>.Default.Equals(value, unknown))
            {
                continue;
            }

            if (!EqualityComparer<T>.Default.Equals(found, unknown) && !EqualityComparer<T>.Default.Equals(found, value))
            {
                return unknown;
            }

            found = value;
        }

        return found;
    }

    /// <summary>A settable non-private property, or a writable public field of a serializable type (a Unity component, [Serializable]).</summary>
    public static bool IsSetFromOutside(ISymbol member, INamedTypeSymbol type)
    {
        if (member is IPropertySymbol { SetMethod: { } setter })
        {
            return setter.DeclaredAccessibility != Accessibility.Private;
        }

        if (member is not IFieldSymbol { IsReadOnly: false, DeclaredAccessibility: Accessibility.Public })
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name is "MonoBehaviour" or "ScriptableObject" || current.GetAttributes().Any(attribute => attribute.AttributeClass?.Name is "SerializableAttribute" or "DataContractAttribute"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="node"/> lies in one of <paramref name="type"/>'s declarations (any partial part).</summary>
    public static bool IsInside(SyntaxNode node, INamedTypeSymbol type) => IsInside(node, type.DeclaringSyntaxReferences);

    /// <summary>True when <paramref name="node"/> is inside one of <paramref name="declarations"/> (a type's parts, asked once for many nodes).</summary>
    public static bool IsInside(SyntaxNode node, ImmutableArray<SyntaxReference> declarations)
    {
        foreach (var declaration in declarations)
        {
            if (declaration.SyntaxTree == node.SyntaxTree && declaration.Span.Contains(node.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when code the type's own analysis does not see (other types, nested types, deserializers) may write the member:
    /// any use by its name outside the type that <paramref name="isPlainRead"/> does not clear.
    /// </summary>
    public static bool MayBeWrittenElsewhere(ISymbol member, CompilationIndex index, Func<IdentifierNameSyntax, bool> isPlainRead, CancellationToken cancellationToken)
    {
        // Operations of nested types are not part of this type's analysis, yet they may write its private members.
        var type = member.ContainingType;
        var nested = type.GetTypeMembers();
        if (member.DeclaredAccessibility == Accessibility.Private && nested.IsEmpty)
        {
            return false;
        }

        if (member.IsStatic && !nested.IsEmpty)
        {
            return true; // a nested type may write it by its simple name
        }

        if (IsSetFromOutside(member, type))
        {
            return true; // deserializers, object initializers and Unity's inspector replace such values without leaving syntax behind
        }

        foreach (var use in index.UsesThatMayName(member, type, cancellationToken))
        {
            var inside = IsInside(use, type) && !nested.Any(inner => IsInside(use, inner));
            if (!inside && !isPlainRead(use))
            {
                return true;
            }
        }

        return false;
    }
}
