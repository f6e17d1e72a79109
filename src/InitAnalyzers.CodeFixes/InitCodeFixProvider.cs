using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.CodeFixes.Fixers;
using InitAnalyzers.Descriptors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace InitAnalyzers.CodeFixes;

/// <summary>
/// The package's one code fix provider. Each diagnostic is fixed by the family that owns it: <see cref="TorchInitFixer"/> for
/// TorchSharp (torch.nn.init), <see cref="FloatingPointDivisionFixer"/> for a scale zeroed by integer division, and
/// <see cref="LayerListInitFixer"/> for library layers that take an initializer argument (NeuralNetwork.NET, SiaNet),
/// <see cref="WeightInitFixer"/> for hand-written arrays, MathNet and NumSharp (InitAnalyzers.Runtime).
/// </summary>
/// <remarks>
/// One provider rather than one per family because <c>dotnet format analyzers</c> pairs each analyzer with the first code
/// fix provider that fixes any of its IDs, and would apply only that one.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InitCodeFixProvider)), Shared]
public sealed class InitCodeFixProvider : CodeFixProvider
{
    private static readonly ImmutableArray<InitFixer> Families = ImmutableArray.Create<InitFixer>(new TorchInitFixer(), new LayerListInitFixer(), new FloatingPointDivisionFixer(), new WeightInitFixer());

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.ZeroWeights, RuleIdentifiers.ConstantWeights, RuleIdentifiers.ActivationMismatch, RuleIdentifiers.UnscaledRandom, RuleIdentifiers.Uninitialized, RuleIdentifiers.FrameworkPitfall);

    /// <inheritdoc/>
    /// <remarks>
    /// Every fix in a document is applied in one edit, so the <c>using</c> they need is added once and inserted statements and
    /// replacements do not collide. Each diagnostic has exactly one fix, so Fix All applies every diagnostic's own fix whatever
    /// the equivalence key: <c>dotnet format analyzers</c> fixes one ID at a time with the key of the first diagnostic it found,
    /// of any ID, and filtering by it would leave the other families' diagnostics unfixed.
    /// </remarks>
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
            if (Owner(diagnostic) is { } owner && owner.Title(diagnostic, root, model, context.CancellationToken) is { } title)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct), owner.EquivalenceKey(diagnostic)),
                    diagnostic);
            }
        }
    }

    private static InitFixer? Owner(Diagnostic diagnostic) => Families.FirstOrDefault(family => family.Owns(diagnostic));

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var batch = new FixBatch(await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false));
        foreach (var diagnostic in diagnostics)
        {
            Owner(diagnostic)?.Plan(batch, diagnostic, cancellationToken);
        }

        batch.Apply();
        var changed = await ImportAdder.AddImportsAsync(batch.Editor.GetChangedDocument(), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
