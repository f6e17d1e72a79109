using System;
using System.Linq;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// The operation blocks of a type's members: each method, constructor and accessor body, each field and property
/// initializer, the top-level statements. A nested type's members are its own.
/// Read on first use, and only for a type some recognizer follows past its syntax gates.
/// </summary>
/// <remarks>
/// The analyzer reads them from the semantic model action of each file that declares the type, and not from the operation
/// block actions of a symbol-start action. With a symbol-start action, the driver takes a per-analyzer lock for every member
/// of every type of the compilation, to find the type's start scope and to count the member done; on a build's threads that
/// lock cost more than all the analysis (a build of a 120,000-line project took a quarter longer). Nor from a symbol action on
/// the type: it runs before the compiler binds the members' bodies, so binding them there is done twice. A file's semantic
/// model action runs once the compiler has bound every body in the compilation, and the model it is given holds those bound
/// bodies, so <see cref="SemanticModel.GetOperation"/> finds them bound.
/// </remarks>
internal sealed class TypeBlocks
{
    private readonly INamedTypeSymbol type;
    private readonly SemanticModel model;
    private readonly CancellationToken cancellationToken;
    private readonly Dictionary<SyntaxNode, MemberBlocks?> bound = new();
    private List<(ISymbol Owner, SyntaxReference Declaration, SyntaxNode Executable)>? members;
    private Dictionary<SyntaxTree, SemanticModel>? otherModels;

    /// <param name="type">A type declared in <paramref name="model"/>'s tree.</param>
    /// <param name="model">The model of the file being analyzed; a partial type's other files get theirs from its compilation.</param>
    /// <param name="cancellationToken">The analysis' cancellation.</param>
    public TypeBlocks(INamedTypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
    {
        this.type = type;
        this.model = model;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Every member's blocks, in source order (by file, then by position).</summary>
    public IEnumerable<MemberBlocks> All => Where(declared: null);

    /// <summary>
    /// The blocks of the members whose source names one of <paramref name="names"/> as a whole word, in source order: a
    /// member that never names a followed field or property has no use of it, and is not bound.
    /// </summary>
    public IEnumerable<MemberBlocks> Mentioning(ICollection<string> names) => Where(declaration => names.Any(name => TextSearch.Mentions(declaration, name, cancellationToken)));

    /// <summary>The blocks of the members whose declaration meets <paramref name="declared"/> (all when null), in source order.</summary>
    public IEnumerable<MemberBlocks> Where(Func<SyntaxReference, bool>? declared)
    {
        foreach (var (owner, declaration, executable) in members ??= Members())
        {
            if (declared is not null && !declared(declaration))
            {
                continue;
            }

            if (!bound.TryGetValue(executable, out var blocks))
            {
                bound[executable] = blocks = ModelOf(executable.SyntaxTree).GetOperation(executable, cancellationToken) is { } block
                    ? new MemberBlocks(owner, ImmutableArray.Create(block))
                    : null;
            }

            if (blocks is not null)
            {
                yield return blocks;
            }
        }
    }

    private SemanticModel ModelOf(SyntaxTree tree)
    {
        if (tree == model.SyntaxTree)
        {
            return model;
        }

        otherModels ??= new Dictionary<SyntaxTree, SemanticModel>();
        if (!otherModels.TryGetValue(tree, out var other))
        {
#pragma warning disable RS1030 // a partial type's other files: the driver's model provider hands its cached model while the file is analyzed
            otherModels[tree] = other = model.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        }

        return other;
    }

    /// <summary>The members with code, and the node of each declaration whose operation is its block, in source order.</summary>
    private List<(ISymbol Owner, SyntaxReference Declaration, SyntaxNode Executable)> Members()
    {
        var found = new List<(ISymbol, SyntaxReference, SyntaxNode)>();
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var owner = member is IMethodSymbol { PartialImplementationPart: { } implementation } ? implementation : member;
            foreach (var reference in owner.DeclaringSyntaxReferences)
            {
                if (Executable(owner, reference.GetSyntax(cancellationToken)) is { } node)
                {
                    found.Add((owner, reference, node));
                }
            }
        }

        found.Sort((x, y) => string.CompareOrdinal(x.Item3.SyntaxTree.FilePath, y.Item3.SyntaxTree.FilePath) is var byFile && byFile != 0 ? byFile : x.Item3.SpanStart.CompareTo(y.Item3.SpanStart));
        return found;
    }

    /// <summary>
    /// The node whose operation is a member's block: a method's, constructor's or accessor's declaration (its body operation),
    /// an expression-bodied property's arrow, a field's or property's initializer, the top-level statements, the base call of a
    /// primary constructor (<c>class Net(int n) : Layer(n)</c>, declared by the type's declaration). Null for a member with no code.
    /// </summary>
    private static SyntaxNode? Executable(ISymbol owner, SyntaxNode declaration) => declaration switch
    {
        TypeDeclarationSyntax { BaseList: { } bases } when owner is IMethodSymbol { MethodKind: MethodKind.Constructor } =>
            bases.Types.OfType<PrimaryConstructorBaseTypeSyntax>().FirstOrDefault(),
        TypeDeclarationSyntax => null,
        BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null => method,
        AccessorDeclarationSyntax accessor when accessor.Body is not null || accessor.ExpressionBody is not null => accessor,
        ArrowExpressionClauseSyntax arrow => arrow,
        VariableDeclaratorSyntax { Initializer: { } initializer } => initializer,
        PropertyDeclarationSyntax { Initializer: { } initializer } => initializer,
        CompilationUnitSyntax unit => unit, // top-level statements: the entry point's body
        _ => null,
    };
}

/// <summary>One member's operation blocks, and the member.</summary>
internal sealed class MemberBlocks
{
    public MemberBlocks(ISymbol owner, ImmutableArray<IOperation> blocks)
    {
        Owner = owner;
        Blocks = blocks;
    }

    public ISymbol Owner { get; }

    public ImmutableArray<IOperation> Blocks { get; }
}
