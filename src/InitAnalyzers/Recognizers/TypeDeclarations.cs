using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// The type declarations of a syntax tree, nested ones too, in document order. Only compilation units, namespaces and types
/// are entered: <c>DescendantNodes</c> with a filter, which asks the filter of every member, took four times as long over
/// the 400 files of the generated non-neural code base (benchmarks/README.md).
/// </summary>
internal static class TypeDeclarations
{
    public static IEnumerable<TypeDeclarationSyntax> Of(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax unit)
        {
            yield break;
        }

        var pending = new Stack<MemberDeclarationSyntax>();
        PushReversed(pending, unit.Members);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case BaseNamespaceDeclarationSyntax space:
                    PushReversed(pending, space.Members);
                    break;
                case TypeDeclarationSyntax type:
                    yield return type;
                    for (var i = type.Members.Count - 1; i >= 0; i--)
                    {
                        if (type.Members[i] is TypeDeclarationSyntax nested)
                        {
                            pending.Push(nested);
                        }
                    }

                    break;
            }
        }
    }

    private static void PushReversed(Stack<MemberDeclarationSyntax> pending, SyntaxList<MemberDeclarationSyntax> members)
    {
        for (var i = members.Count - 1; i >= 0; i--)
        {
            pending.Push(members[i]);
        }
    }
}
