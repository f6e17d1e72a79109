using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.CodeFixes.Writers;
using InitAnalyzers.Descriptors;
using InitAnalyzers.Facts;
using InitAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace InitAnalyzers.CodeFixes;

/// <summary>
/// Fixes TorchSharp initializations with <c>torch.nn.init</c> (see <see cref="TorchInitWriter"/>): INIT001 to INIT004 rewrite the
/// reported initializer to the scheme that suits the layer's activation, INIT005 adds the missing initializer after the tensor is
/// created, and INIT006 renames <c>xavier_normal_</c> to the <c>xavier_uniform_</c> it is, or passes PyTorch's default leaky slope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TorchInitCodeFixProvider)), Shared]
public sealed class TorchInitCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.ZeroWeights, RuleIdentifiers.ConstantWeights, RuleIdentifiers.ActivationMismatch, RuleIdentifiers.UnscaledRandom, RuleIdentifiers.Uninitialized, RuleIdentifiers.FrameworkPitfall);

    /// <inheritdoc/>
    /// <remarks>Every fix in a document is applied in one edit (a batch), so inserted statements and replacements do not collide.</remarks>
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (fixAll, document, diagnostics) => await FixDocumentAsync(document, diagnostics, fixAll.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Id == RuleIdentifiers.FrameworkPitfall)
            {
                if (PitfallFix(root, diagnostic) is { } pitfall)
                {
                    context.RegisterCodeFix(CodeAction.Create(pitfall.Title, ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct), EquivalenceKeys.TorchSharpApiPitfall), diagnostic);
                }

                continue;
            }

            if (IsTorchSharp(diagnostic) && TorchInitWriter.Plan(root, model, diagnostic, context.CancellationToken) is { } plan)
            {
                context.RegisterCodeFix(CodeAction.Create(TorchInitWriter.Title(plan), ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct), EquivalenceKeys.TorchSharpInitialization), diagnostic);
            }
        }
    }

    private static bool IsTorchSharp(Diagnostic diagnostic) => diagnostic.Properties.TryGetValue(Remedy.FrameworkProperty, out var framework) && framework == Frameworks.TorchSharp;

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        var done = new System.Collections.Generic.HashSet<SyntaxNode>();
        foreach (var diagnostic in diagnostics.OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start))
        {
            if (diagnostic.Id == RuleIdentifiers.FrameworkPitfall)
            {
                if (PitfallFix(root, diagnostic) is { } pitfall && done.Add(pitfall.Node))
                {
                    editor.ReplaceNode(pitfall.Node, pitfall.Replacement);
                }

                continue;
            }

            if (!IsTorchSharp(diagnostic) || TorchInitWriter.Plan(root, editor.SemanticModel, diagnostic, cancellationToken) is not { } plan)
            {
                continue;
            }

            if (plan.Statement is { } statement)
            {
                if (done.Add(statement))
                {
                    editor.InsertAfter(statement, TorchInitWriter.Build(plan));
                }
            }
            else if (done.Add(plan.Node))
            {
                editor.ReplaceNode(plan.Node, TorchInitWriter.Build(plan));
            }
        }

        var changed = editor.GetChangedDocument();
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// INIT006: <c>xavier_normal_</c> becomes <c>xavier_uniform_</c> (what it draws, so nothing changes but the name);
    /// <c>calculate_gain(NonlinearityType.LeakyReLU)</c> gets PyTorch's default slope 0.01; an ignored generator argument is removed,
    /// so the call says what it does.
    /// </summary>
    private static (string Title, SyntaxNode Node, SyntaxNode Replacement)? PitfallFix(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(FrameworkPitfallRule.KindProperty, out var kind) || diagnostic.Location.SourceSpan.End > root.FullSpan.End)
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
        if (node is null && kind != nameof(PitfallKind.GeneratorIgnored))
        {
            return null;
        }

        switch (kind)
        {
            case nameof(PitfallKind.NormalDrawsUniform):
                var name = node!.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name,
                    SimpleNameSyntax simple => simple,
                    _ => null,
                };
                if (name is null)
                {
                    return null;
                }

                var uniform = name.Identifier.ValueText.Replace("_normal_", "_uniform_");
                return ($"Use {uniform}, which is what {name.Identifier.ValueText} draws in TorchSharp", name, SyntaxFactory.IdentifierName(uniform).WithTriviaFrom(name));
            case nameof(PitfallKind.LeakyGainWithoutSlope) when node!.ArgumentList.Arguments.Count == 1:
                var slope = SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal("0.01", 0.01)));
                return ("Pass PyTorch's default slope 0.01 to calculate_gain", node.ArgumentList, node.ArgumentList.AddArguments(slope));
            case nameof(PitfallKind.GeneratorIgnored) when root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ArgumentSyntax>() is { Parent: ArgumentListSyntax list } argument:
                return ("Remove the generator argument TorchSharp ignores (seed with torch.manual_seed instead)", list, list.WithArguments(list.Arguments.Remove(argument)));
            default:
                return null;
        }
    }
}
