using System.Linq;
using System.Threading;
using InitAnalyzers.CodeFixes.Writers;
using InitAnalyzers.Descriptors;
using InitAnalyzers.Facts;
using InitAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.CodeFixes.Fixers;

/// <summary>
/// Fixes TorchSharp initializations with <c>torch.nn.init</c> (see <see cref="TorchInitWriter"/>): INIT001 to INIT004 rewrite the
/// reported initializer to the scheme that suits the layer's activation, INIT005 adds the missing initializer after the tensor is
/// created, and INIT006 renames <c>xavier_normal_</c> to the <c>xavier_uniform_</c> it is, or passes PyTorch's default leaky slope.
/// </summary>
internal sealed class TorchInitFixer : InitFixer
{
    /// <inheritdoc/>
    public override bool Owns(Diagnostic diagnostic) => diagnostic.Id == RuleIdentifiers.FrameworkPitfall || IsTorchSharp(diagnostic);

    /// <inheritdoc/>
    public override string EquivalenceKey(Diagnostic diagnostic) =>
        diagnostic.Id == RuleIdentifiers.FrameworkPitfall ? EquivalenceKeys.TorchSharpApiPitfall : EquivalenceKeys.TorchSharpInitialization;

    /// <inheritdoc/>
    public override string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        if (diagnostic.Id == RuleIdentifiers.FrameworkPitfall)
        {
            return PitfallFix(root, diagnostic)?.Title;
        }

        return TorchInitWriter.Plan(root, model, diagnostic, cancellationToken) is { } plan ? TorchInitWriter.Title(plan) : null;
    }

    /// <inheritdoc/>
    public override void Plan(FixBatch batch, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Id == RuleIdentifiers.FrameworkPitfall)
        {
            if (PitfallFix(batch.Root, diagnostic) is { } pitfall)
            {
                batch.Replace(pitfall.Node, () => pitfall.Replacement);
            }

            return;
        }

        if (TorchInitWriter.Plan(batch.Root, batch.Model, diagnostic, cancellationToken) is not { } plan)
        {
            return;
        }

        if (plan.Statement is { } statement)
        {
            batch.InsertAfter(statement, () => TorchInitWriter.Build(plan));
        }
        else
        {
            batch.Replace(plan.Node, () => TorchInitWriter.Build(plan));
        }
    }

    private static bool IsTorchSharp(Diagnostic diagnostic) => diagnostic.Properties.TryGetValue(Remedy.FrameworkProperty, out var framework) && framework == Frameworks.TorchSharp;

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
