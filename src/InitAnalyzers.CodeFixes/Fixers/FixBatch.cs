using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;

namespace InitAnalyzers.CodeFixes.Fixers;

/// <summary>
/// The edits every fixer plans for one document, applied in one <see cref="DocumentEditor"/> pass. Two diagnostics can
/// reach one node (INIT003 rewrites a whole <c>xavier_normal_</c> call while INIT006 renames it): the outermost replacement
/// wins, since it rewrites the whole initializer, and a nested one is left out rather than applied to a stale tree.
/// </summary>
internal sealed class FixBatch
{
    private readonly List<(SyntaxNode Node, Func<SyntaxNode> Replacement)> replacements = new();
    private readonly List<(SyntaxNode Statement, Func<SyntaxNode> Inserted)> insertions = new();

    public FixBatch(DocumentEditor editor) => Editor = editor;

    public DocumentEditor Editor { get; }

    public SyntaxNode Root => Editor.OriginalRoot;

    public SemanticModel Model => Editor.SemanticModel;

    public void Replace(SyntaxNode node, Func<SyntaxNode> replacement) => replacements.Add((node, replacement));

    public void InsertAfter(SyntaxNode statement, Func<SyntaxNode> inserted) => insertions.Add((statement, inserted));

    public void Apply()
    {
        foreach (var (statement, inserted) in insertions.GroupBy(insertion => insertion.Statement).Select(group => group.First()))
        {
            Editor.InsertAfter(statement, inserted());
        }

        var taken = new List<TextSpan>();
        foreach (var (node, replacement) in replacements.OrderBy(edit => edit.Node.Span.Start).ThenByDescending(edit => edit.Node.Span.Length))
        {
            if (!taken.Any(span => span.OverlapsWith(node.Span) || span.Contains(node.Span)))
            {
                taken.Add(node.Span);
                Editor.ReplaceNode(node, replacement());
            }
        }
    }
}
