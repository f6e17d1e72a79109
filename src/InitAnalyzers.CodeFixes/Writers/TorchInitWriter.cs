using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using InitAnalyzers.Facts;
using InitAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace InitAnalyzers.CodeFixes.Writers;

/// <summary>
/// Writes TorchSharp initializations in <c>torch.nn.init</c>'s own idiom, chosen from the activation that consumes the layer:
/// <c>kaiming_normal_(w, nonlinearity: NonlinearityType.ReLU)</c> (<c>kaiming_uniform_</c> where the user drew uniform values; <c>a:</c> and
/// <c>LeakyReLU</c> for a leaky slope; <c>mode: FanInOut.FanOut</c> for a Parameter stored <c>[in, out]</c>),
/// <c>xavier_uniform_(w, gain: init.calculate_gain(NonlinearityType.Tanh))</c> for tanh and sigmoid (TorchSharp's <c>xavier_normal_</c> is
/// uniform anyway), <c>xavier_uniform_(w)</c> for a linear or softmax output, <c>kaiming_normal_(w, nonlinearity: NonlinearityType.Linear)</c>
/// (LeCun normal) for SELU. The receiver is spelled as the user spells <c>init</c> in the same file (<c>init.</c>, <c>nn.init.</c>,
/// <c>torch.nn.init.</c>, or nothing under <c>using static</c>), or fully qualified and simplified against the file's usings.
/// </summary>
internal static class TorchInitWriter
{
    private const string InitTypeName = "TorchSharp.torch+nn+init";
    private const string QualifiedInit = "TorchSharp.torch.nn.init";

    /// <summary>What a TorchSharp fix replaces or inserts, and how.</summary>
    public static TorchInitPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var init = model.Compilation.GetTypeByMetadataName(InitTypeName);
        if (init is null || Located(root, diagnostic) is not { } node)
        {
            return null;
        }

        var properties = diagnostic.Properties;
        var role = properties.TryGetValue(Remedy.RoleProperty, out var roleName) && Enum.TryParse<WeightRole>(roleName, out var parsedRole) ? parsedRole : WeightRole.Weight;
        var activation = properties.TryGetValue(Remedy.ActivationProperty, out var activationName) && Enum.TryParse<ActivationKind>(activationName, out var parsed) ? parsed : ActivationKind.Unknown;
        double? slope = properties.TryGetValue(Remedy.NegativeSlopeProperty, out var slopeText) && double.TryParse(slopeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null;
        var fanOutMode = properties.TryGetValue(Remedy.FanInIndexProperty, out var indexText) && indexText == "0";
        var receiver = Receiver(root, model, init, node, cancellationToken);
        var operation = model.GetOperation(node, cancellationToken);

        var plan = new TorchInitPlan(node, receiver, role, activation, slope, fanOutMode);
        switch (operation)
        {
            case IInvocationOperation call when SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, init) && call.Arguments.Length > 0:
                // init.uniform_(fc.weight, -0.5, 0.5): the same tensor, a better initializer.
                plan.Target = ((InvocationExpressionSyntax)node).ArgumentList.Arguments.FirstOrDefault(argument => argument.NameColon is null || argument.NameColon.Name.Identifier.ValueText == "tensor")?.Expression;
                plan.Uniform = call.TargetMethod.Name.Contains("uniform") || call.TargetMethod.Name.StartsWith("xavier", StringComparison.Ordinal) || call.TargetMethod.Name.StartsWith("glorot", StringComparison.Ordinal);
                break;
            case IInvocationOperation { Instance: { } instance } call when !call.TargetMethod.IsStatic && call.TargetMethod.Name.EndsWith("_", StringComparison.Ordinal) && node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }:
                // fc.weight.normal_(0, 1): the tensor the method was called on.
                plan.Target = access.Expression;
                plan.Uniform = call.TargetMethod.Name == "uniform_";
                break;
            default:
                // torch.zeros(out, in), torch.randn(out, in) * 0.01: an initializer applied to a fresh torch.empty of the same size.
                if (Factory(node, model, cancellationToken) is not { } factory)
                {
                    return null;
                }

                plan.Uniform = factory.Operation.TargetMethod.Name.StartsWith("rand", StringComparison.Ordinal) && !factory.Operation.TargetMethod.Name.StartsWith("randn", StringComparison.Ordinal);
                plan.Target = Empty(factory.Syntax, factory.Operation);
                if (plan.Target is null)
                {
                    return null;
                }

                plan.Statement = diagnostic.Id == Descriptors.RuleIdentifiers.Uninitialized ? AssignmentStatement(node) : null;
                break;
        }

        // init_analyzers.fix_distribution over the user's family (TorchSharp's xavier_normal_ is uniform, so Xavier stays uniform).
        if (Remedy.FixFamily(properties) is { } family)
        {
            plan.Uniform = family == InitKind.Uniform;
            plan.FamilyPreferred = true;
        }

        plan.Uninitialized = diagnostic.Id == Descriptors.RuleIdentifiers.Uninitialized;
        return plan.Target is null ? null : plan;
    }

    /// <summary>The replacement expression, or the statement to insert after <see cref="TorchInitPlan.Statement"/>.</summary>
    public static SyntaxNode Build(TorchInitPlan plan)
    {
        var target = plan.Statement is { Expression: AssignmentExpressionSyntax assignment } ? assignment.Left.WithoutTrivia() : plan.Target!.WithoutTrivia();
        var call = Call(plan, target.ToString());
        var expression = SyntaxFactory.ParseExpression(call);

        // Only the names the writer qualified itself are simplified against the file's usings; the user's own spelling stays.
        var qualified = expression.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Where(access => access.ToString() == "System.Math" || (plan.Receiver is null && access.ToString() == QualifiedInit)).ToList();
        expression = expression.ReplaceNodes(qualified, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));

        if (plan.Statement is not null)
        {
            return SyntaxFactory.ExpressionStatement(expression).WithAdditionalAnnotations(Formatter.Annotation);
        }

        return expression.WithTriviaFrom(plan.Node);
    }

    /// <summary>The initializer call as text: <c>init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU)</c>.</summary>
    public static string Call(TorchInitPlan plan, string target)
    {
        var prefix = plan.Receiver is null ? QualifiedInit + "." : plan.Receiver.Length == 0 ? string.Empty : plan.Receiver + ".";
        string Nonlinearity(string name) => prefix + "NonlinearityType." + name;
        var mode = plan.FanOutMode ? ", mode: " + prefix + "FanInOut.FanOut" : string.Empty;
        var kaiming = plan.Uniform ? "kaiming_uniform_" : "kaiming_normal_";
        switch (plan.Role)
        {
            case WeightRole.Bias:
                return $"{prefix}zeros_({target})";
            case WeightRole.Scale:
                return $"{prefix}ones_({target})";
            case WeightRole.Embedding:
                return $"{prefix}normal_({target})";
        }

        if (plan.Uninitialized && plan.Activation == ActivationKind.Unknown)
        {
            // A layer module whose activation is applied by its users: the framework's own default, as TorchSharp's Linear writes it.
            return $"{prefix}kaiming_uniform_({target}, a: System.Math.Sqrt(5))";
        }

        return plan.Activation switch
        {
            // LeCun normal, as Klambauer et al. 2017 derive for SELU, unless the user prefers uniform values.
            ActivationKind.SELU => $"{prefix}{(plan.FamilyPreferred ? kaiming : "kaiming_normal_")}({target}{mode}, nonlinearity: {Nonlinearity("Linear")})",
            ActivationKind.Tanh => $"{prefix}xavier_uniform_({target}, gain: {prefix}calculate_gain({Nonlinearity("Tanh")}))",
            ActivationKind.Sigmoid => $"{prefix}xavier_uniform_({target}, gain: {prefix}calculate_gain({Nonlinearity("Sigmoid")}))",
            ActivationKind.Linear or ActivationKind.Softmax => $"{prefix}xavier_uniform_({target})",
            ActivationKind.LeakyReLU when plan.Slope is { } slope && slope > 0 => string.Format(CultureInfo.InvariantCulture, "{0}{1}({2}, a: {3}{4}, nonlinearity: {5})", prefix, kaiming, target, Literal(slope), mode, Nonlinearity("LeakyReLU")),
            _ => $"{prefix}{kaiming}({target}{mode}, nonlinearity: {Nonlinearity("ReLU")})",
        };
    }

    /// <summary>The title of a fix: what it writes, in words and in code.</summary>
    public static string Title(TorchInitPlan plan)
    {
        var call = Call(plan, "w");
        call = call.Replace(QualifiedInit + ".", string.Empty).Replace("System.Math.", "Math.");
        return plan.Statement is null ? $"Initialize with {call}" : $"Add {call} after the tensor is created";
    }

    private static string Literal(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The expression the diagnostic is reported on.</summary>
    private static ExpressionSyntax? Located(SyntaxNode root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        if (span.End > root.FullSpan.End)
        {
            return null;
        }

        var node = root.FindNode(span, getInnermostNodeForTie: true);
        return node.DescendantNodesAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(expression => expression.Span == span);
    }

    /// <summary>The tensor factory inside a reported creation: <c>torch.zeros(a, b)</c>, or <c>torch.randn(a, b)</c> in <c>torch.randn(a, b) * 0.01</c>.</summary>
    private static (InvocationExpressionSyntax Syntax, IInvocationOperation Operation)? Factory(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var invocation in node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation { TargetMethod: { IsStatic: true } method } operation
                && method.ContainingType?.ToDisplayString() == "TorchSharp.torch"
                && method.Name is "zeros" or "ones" or "full" or "empty" or "rand" or "randn" or "zeros_like" or "ones_like" or "full_like" or "empty_like" or "rand_like" or "randn_like")
            {
                return (invocation, operation);
            }
        }

        return null;
    }

    /// <summary><c>torch.zeros(a, b, dtype: t)</c> as <c>torch.empty(a, b, dtype: t)</c>: the fill value and the ignored generator are dropped.</summary>
    private static ExpressionSyntax? Empty(InvocationExpressionSyntax factory, IInvocationOperation operation)
    {
        var name = operation.TargetMethod.Name.EndsWith("_like", StringComparison.Ordinal) ? "empty_like" : "empty";
        var callee = factory.Expression switch
        {
            MemberAccessExpressionSyntax access => (ExpressionSyntax)access.WithName(SyntaxFactory.IdentifierName(name)),
            IdentifierNameSyntax => SyntaxFactory.IdentifierName(name),
            _ => null,
        };
        if (callee is null)
        {
            return null;
        }

        var arguments = factory.ArgumentList.Arguments;
        foreach (var dropped in operation.Arguments.Where(argument => argument.Parameter?.Name is "value" or "generator").Select(argument => argument.Syntax).OfType<ArgumentSyntax>())
        {
            var index = arguments.IndexOf(argument => argument.Span == dropped.Span);
            if (index >= 0)
            {
                arguments = arguments.RemoveAt(index);
            }
        }

        return SyntaxFactory.InvocationExpression(callee.WithoutTrivia(), factory.ArgumentList.WithArguments(arguments)).WithoutTrivia();
    }

    /// <summary><c>weight = torch.empty(out, in).AsParameter();</c> in a block: the statement an INIT005 fix adds its initializer after.</summary>
    private static ExpressionStatementSyntax? AssignmentStatement(SyntaxNode node) =>
        node.FirstAncestorOrSelf<ExpressionStatementSyntax>() is { Parent: BlockSyntax, Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } } assignment } statement
            && assignment.Right.Span.Contains(node.Span)
            ? statement
            : null;

    /// <summary>
    /// How the file spells <c>torch.nn.init</c>: the receiver of the reported call, else of another init call in the file
    /// (empty for a call under <c>using static TorchSharp.torch.nn.init</c>); null when the file has none, so a qualified name is simplified.
    /// </summary>
    private static string? Receiver(SyntaxNode root, SemanticModel model, INamedTypeSymbol init, SyntaxNode node, CancellationToken cancellationToken)
    {
        var candidates = new[] { node }.Concat(root.DescendantNodes().OfType<InvocationExpressionSyntax>());
        foreach (var candidate in candidates)
        {
            if (candidate is not InvocationExpressionSyntax invocation || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || !SymbolEqualityComparer.Default.Equals(method.ContainingType, init))
            {
                continue;
            }

            return invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Expression.WithoutTrivia().ToString(),
                IdentifierNameSyntax => string.Empty,
                _ => null,
            };
        }

        return null;
    }
}

/// <summary>One TorchSharp fix: the node it replaces (or the statement it inserts after), and what it writes.</summary>
internal sealed class TorchInitPlan
{
    public TorchInitPlan(ExpressionSyntax node, string? receiver, WeightRole role, ActivationKind activation, double? slope, bool fanOutMode)
    {
        Node = node;
        Receiver = receiver;
        Role = role;
        Activation = activation;
        Slope = slope;
        FanOutMode = fanOutMode;
    }

    /// <summary>The reported expression: an init call, an in-place initializer, or a factory creation.</summary>
    public ExpressionSyntax Node { get; }

    /// <summary>How <c>torch.nn.init</c> is spelled (empty under <c>using static</c>); null to write it qualified and simplify.</summary>
    public string? Receiver { get; }

    public WeightRole Role { get; }

    public ActivationKind Activation { get; }

    public double? Slope { get; }

    /// <summary>The weights are stored <c>[in, out]</c> (used as <c>x.matmul(W)</c>): Kaiming must count fan_out to get the inputs.</summary>
    public bool FanOutMode { get; }

    /// <summary>The tensor to initialize: the user's (<c>fc.weight</c>), or a fresh <c>torch.empty(...)</c> of the factory's size.</summary>
    public ExpressionSyntax? Target { get; set; }

    /// <summary>The user drew uniform values: Kaiming stays uniform.</summary>
    public bool Uniform { get; set; }

    /// <summary>True when <see cref="Uniform"/> comes from <c>init_analyzers.fix_distribution</c> rather than the user's own draw.</summary>
    public bool FamilyPreferred { get; set; }

    /// <summary>The fix is for INIT005: with no activation known, the framework's default is written out.</summary>
    public bool Uninitialized { get; set; }

    /// <summary>For INIT005 in a block: the assignment after which the initializer is added; null to wrap the creation instead.</summary>
    public ExpressionStatementSyntax? Statement { get; set; }
}
