using Microsoft.CodeAnalysis;

namespace InitAnalyzers.CodeFixes.Fixers;

/// <summary>
/// One family of fixes behind <see cref="InitCodeFixProvider"/>. The families split the diagnostics between them by their
/// properties (a TorchSharp weight, a zeroing integer division, a hand-written weight), so exactly one fixer owns each.
/// </summary>
internal abstract class InitFixer
{
    /// <summary>Whether this fixer owns the diagnostic (whether or not it can fix this occurrence).</summary>
    public abstract bool Owns(Diagnostic diagnostic);

    /// <summary>The equivalence key of this diagnostic's fix, which Fix All groups by.</summary>
    public abstract string EquivalenceKey(Diagnostic diagnostic);

    /// <summary>The fix's title, or <c>null</c> where no sound fix exists for this occurrence.</summary>
    public abstract string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, System.Threading.CancellationToken cancellationToken);

    /// <summary>Adds this diagnostic's edits to the document's batch.</summary>
    public abstract void Plan(FixBatch batch, Diagnostic diagnostic, System.Threading.CancellationToken cancellationToken);
}
