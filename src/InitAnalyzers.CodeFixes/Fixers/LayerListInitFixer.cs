using System;
using System.Linq;
using System.Threading;
using InitAnalyzers.Descriptors;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers;
using InitAnalyzers.Recognizers.LayerLists;
using InitAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace InitAnalyzers.CodeFixes.Fixers;

/// <summary>
/// INIT003 on a library layer that takes its initializer as an argument: the argument is set, or replaced, to the scheme that
/// suits the activation, in the family the layer drew from (Glorot uniform, the libraries' default, becomes He uniform):
/// NeuralNetwork.NET <c>NetworkLayers.FullyConnected(128, ActivationType.ReLU, weightsMode: WeightsInitializationMode.HeEtAlUniform)</c>,
/// SiaNet <c>new Dense(128, ActType.ReLU, kernelInitializer: new HeUniform())</c>. ConvNetSharp's layers take none: no fix.
/// INIT004 on Accord's <c>ActivationNetwork</c>: <c>new NguyenWidrow(network).Randomize();</c> after the statement that makes it.
/// </summary>
internal sealed class LayerListInitFixer : InitFixer
{
    private const string NguyenWidrowName = "Accord.Neuro.NguyenWidrow";

    /// <inheritdoc/>
    public override bool Owns(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(Remedy.FrameworkProperty, out var framework)
        && (diagnostic.Id == RuleIdentifiers.ActivationMismatch && framework is LayerCatalog.NeuralNetworkNet or LayerCatalog.SiaNet or LayerCatalog.ConvNetSharp
            || diagnostic.Id == RuleIdentifiers.UnscaledRandom && framework == LayerCatalog.AccordNeuro);

    /// <inheritdoc/>
    public override string EquivalenceKey(Diagnostic diagnostic) => EquivalenceKeys.LayerListInitialization;

    /// <inheritdoc/>
    public override string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        if (diagnostic.Id == RuleIdentifiers.UnscaledRandom)
        {
            return Randomized(root, model, diagnostic) is { Network: var network } ? $"Initialize with Nguyen-Widrow (new NguyenWidrow({network}).Randomize())" : null;
        }

        return Plan(root, model, diagnostic, cancellationToken) is { } plan ? $"Initialize with {plan.Written}" : null;
    }

    /// <inheritdoc/>
    public override void Plan(FixBatch batch, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Id == RuleIdentifiers.UnscaledRandom)
        {
            if (Randomized(batch.Root, batch.Model, diagnostic) is { } randomized && batch.Model.Compilation.GetTypeByMetadataName(NguyenWidrowName) is { } nguyenWidrow)
            {
                batch.InsertAfter(randomized.Statement, () => Randomize(batch.Editor.Generator, nguyenWidrow, randomized.Network));
            }

            return;
        }

        if (Plan(batch.Root, batch.Model, diagnostic, cancellationToken) is { } plan)
        {
            batch.Replace(plan.Layer, () => plan.Build(batch.Editor.Generator));
        }
    }

    /// <summary>
    /// <c>var network = new ActivationNetwork(...);</c> or <c>this.ann = new ActivationNetwork(...);</c>: the statement, after which
    /// Accord's own fan-scaled initializer is called (Nguyen and Widrow 1990), and the network as written. Null in AForge.NET,
    /// which has no such initializer, and where the network is not stored in a variable, field or property.
    /// </summary>
    private static (StatementSyntax Statement, string Network)? Randomized(SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (model.Compilation.GetTypeByMetadataName(NguyenWidrowName) is null || diagnostic.Location.SourceSpan.End > root.FullSpan.End
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation
            || creation.Span != diagnostic.Location.SourceSpan)
        {
            return null;
        }

        (StatementSyntax Statement, string Network)? found = creation.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax statement } } declarator } =>
                (statement, declarator.Identifier.ValueText),
            AssignmentExpressionSyntax { Left: var target, Parent: ExpressionStatementSyntax statement } when target is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax } =>
                (statement, target.ToString()),
            _ => null,
        };

        // A statement can be inserted after only in a block or switch section (not after if (ok) network = ...;).
        return found is { Statement.Parent: BlockSyntax or SwitchSectionSyntax } ? found : null;
    }

    /// <summary><c>new NguyenWidrow(network).Randomize();</c></summary>
    private static SyntaxNode Randomize(SyntaxGenerator generator, INamedTypeSymbol nguyenWidrow, string network) =>
        generator.ExpressionStatement(generator.InvocationExpression(generator.MemberAccessExpression(
            generator.ObjectCreationExpression(generator.TypeExpression(nguyenWidrow).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation), SyntaxFactory.ParseExpression(network)),
            "Randomize")))
        .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);

    private static LayerPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(Remedy.SchemeProperty, out var schemeName) || !Enum.TryParse<InitScheme>(schemeName, out var scheme)
            || diagnostic.Location.SourceSpan.End > root.FullSpan.End)
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node.FirstAncestorOrSelf<ExpressionSyntax>(expression => expression is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax) is not { } layer
            || model.GetOperation(layer, cancellationToken) is not { } operation)
        {
            return null;
        }

        var arguments = operation switch
        {
            IInvocationOperation call => call.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => default,
        };
        if (arguments.IsDefault)
        {
            return null;
        }

        var preferred = Remedy.FixFamily(diagnostic.Properties);
        if (arguments.FirstOrDefault(argument => argument.Parameter?.Name == "weightsMode") is { } mode
            && model.Compilation.GetTypeByMetadataName("NeuralNetworkNET.APIs.Enums.WeightsInitializationMode") is { } modes)
        {
            // The default, Glorot uniform, draws uniform values; an explicit mode names its family.
            var drawn = mode.ArgumentKind == ArgumentKind.Explicit && mode.Value is IFieldReferenceOperation { Field.Name: var current } && current.EndsWith("Normal", StringComparison.Ordinal) ? InitKind.Normal : InitKind.Uniform;
            var uniform = (preferred ?? drawn) == InitKind.Uniform;
            var member = scheme switch
            {
                InitScheme.HeNormal or InitScheme.HeUniform => uniform ? "HeEtAlUniform" : "HeEtAlNormal",
                InitScheme.XavierNormal or InitScheme.XavierUniform => uniform ? "GlorotUniform" : "GlorotNormal",
                _ => "LeCunUniform", // NeuralNetwork.NET has no LeCun normal
            };
            if (member == (mode.ArgumentKind == ArgumentKind.Explicit && mode.Value is IFieldReferenceOperation { Field.Name: var written } ? written : "GlorotUniform"))
            {
                return null; // already the scheme (a leaky slope's suggestion): nothing to change
            }

            return new LayerPlan(layer, mode, "weightsMode", $"WeightsInitializationMode.{member}", generator =>
                generator.MemberAccessExpression(generator.TypeExpression(modes).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation), member));
        }

        if (arguments.FirstOrDefault(argument => argument.Parameter?.Name == "kernelInitializer") is { } kernel)
        {
            var drawn = kernel.ArgumentKind == ArgumentKind.Explicit && kernel.Value.WalkDownConversions() is IObjectCreationOperation { Type.Name: var current } && current.EndsWith("Normal", StringComparison.Ordinal) ? InitKind.Normal : InitKind.Uniform;
            var uniform = (preferred ?? drawn) == InitKind.Uniform;
            var name = scheme switch
            {
                InitScheme.HeNormal or InitScheme.HeUniform => uniform ? "HeUniform" : "HeNormal",
                InitScheme.XavierNormal or InitScheme.XavierUniform => uniform ? "GlorotUniform" : "GlorotNormal",
                _ => uniform ? "LecunUniform" : "LecunNormal",
            };
            var existing = kernel.ArgumentKind == ArgumentKind.Explicit ? kernel.Value.WalkDownConversions() as IObjectCreationOperation : null;
            if (name == (existing?.Type?.Name ?? "GlorotUniform"))
            {
                return null; // already the scheme (a leaky slope's suggestion): nothing to change
            }

            // The initializers share VarianceScaling's (int? seed = null): the user's seed is kept.
            var seed = existing?.Syntax is ObjectCreationExpressionSyntax { ArgumentList: { } seedArguments } ? seedArguments.Arguments : default;
            return model.Compilation.GetTypeByMetadataName("SiaNet.Initializers." + name) is { } initializer
                ? new LayerPlan(layer, kernel, "kernelInitializer", $"new {name}()", generator =>
                    generator.ObjectCreationExpression(generator.TypeExpression(initializer).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation), seed.Select(argument => (SyntaxNode)argument.WithoutTrivia())))
                : null;
        }

        return null;
    }

    /// <summary>The layer call or creation, and the initializer argument to set in it.</summary>
    private sealed class LayerPlan
    {
        private readonly IArgumentOperation argument;
        private readonly string parameter;
        private readonly Func<SyntaxGenerator, SyntaxNode> value;

        public LayerPlan(ExpressionSyntax layer, IArgumentOperation argument, string parameter, string written, Func<SyntaxGenerator, SyntaxNode> value)
        {
            Layer = layer;
            this.argument = argument;
            this.parameter = parameter;
            Written = written;
            this.value = value;
        }

        public ExpressionSyntax Layer { get; }

        /// <summary>The initializer as the fix writes it, for the title.</summary>
        public string Written { get; }

        /// <summary>The layer with the initializer argument replaced, or appended by name where the default was used.</summary>
        public SyntaxNode Build(SyntaxGenerator generator)
        {
            var written = (ExpressionSyntax)value(generator);
            if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Syntax is ArgumentSyntax explicitArgument)
            {
                return Layer.ReplaceNode(explicitArgument.Expression, written.WithTriviaFrom(explicitArgument.Expression));
            }

            var named = SyntaxFactory.Argument(SyntaxFactory.NameColon(parameter), default, written);
            return Layer switch
            {
                InvocationExpressionSyntax call => call.WithArgumentList(call.ArgumentList.AddArguments(named)),
                BaseObjectCreationExpressionSyntax { ArgumentList: { } list } creation => creation.WithArgumentList(list.AddArguments(named)),
                _ => Layer,
            };
        }
    }
}
