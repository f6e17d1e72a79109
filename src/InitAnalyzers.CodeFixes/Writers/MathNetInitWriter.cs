using System.Collections.Generic;
using System.Linq;
using System.Threading;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers;
using InitAnalyzers.Recognizers.MathNet;
using InitAnalyzers.Recognizers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace InitAnalyzers.CodeFixes.Writers;

/// <summary>
/// Writes fixes for MathNet.Numerics weights in the user's own idiom: <c>Build.Dense(r, c)</c> and <c>Build.Random(r, c)</c>
/// become <c>Build.Random(r, c, new Normal(0, WeightInit.HeStd(c)))</c>, <c>CreateMatrix.Dense&lt;T&gt;</c> becomes
/// <c>CreateMatrix.Random&lt;T&gt;</c>, <c>DenseMatrix.Create</c> and <c>new DenseMatrix</c> become <c>DenseMatrix.CreateRandom</c>,
/// and <c>W.Clear()</c> becomes a scaled draw copied into W. Fan-in comes from the size the user wrote on the side the input
/// runs over; a uniform draw stays uniform (<c>new ContinuousUniform(-b, b)</c>); the user's random source or seed is kept.
/// </summary>
internal static class MathNetInitWriter
{
    public static MathNetInitPlan? Plan(SyntaxNode node, SemanticModel model, MathNetTypes types, InitScheme scheme, InitKind? preferred, int? fanInIndex, CancellationToken cancellationToken)
    {
        if (node.FirstAncestorOrSelf<ExpressionSyntax>() is not { } expression || model.GetOperation(expression, cancellationToken) is not { } operation)
        {
            return null;
        }

        if (operation is IInvocationOperation { TargetMethod.Name: "Clear", Arguments.Length: 0, Instance: { } instance } clear && types.WeightShapeOf(instance.Type) is { } clearedShape)
        {
            return PlanClear((InvocationExpressionSyntax)clear.Syntax, clearedShape, scheme, fanInIndex);
        }

        return MathNetFactory.Read(operation, types) is { } factory && factory.Creation.Syntax == expression
            ? PlanFactory(factory, model, types, scheme, preferred, fanInIndex)
            : null;
    }

    private static MathNetInitPlan? PlanFactory(MathNetFactory factory, SemanticModel model, MathNetTypes types, InitScheme scheme, InitKind? preferred, int? fanInIndex)
    {
        var sizes = new List<IOperation> { factory.Rows };
        if (factory.Columns is { } columns && !factory.Shape.IsVector)
        {
            sizes.Add(columns);
        }

        var written = sizes.Select(size => size.Syntax as ExpressionSyntax).ToList();
        if (written.Any(size => size is null || !IsSimple(size)))
        {
            return null; // a size with side effects cannot be repeated in the fan-in
        }

        var rows = written[0]!.WithoutTrivia();
        var cols = factory.Shape.IsVector ? rows : written.Count == 2 ? written[1]!.WithoutTrivia() : rows;
        var receiver = Receiver(factory);
        if (receiver is null)
        {
            return null;
        }

        var plan = Choose(factory.Creation.Syntax, factory.Shape, scheme.InFamily(preferred ?? (IsUniform(factory, types) ? InitKind.Uniform : InitKind.Normal)), fanInIndex, rows, cols);
        plan.Receiver = receiver;
        plan.Idiom = factory.Idiom;
        plan.Sizes = factory.Shape.IsVector ? new[] { rows } : new[] { rows, cols };
        if (factory.Content == FactoryContent.SeededStandardNormal && factory.Argument?.Syntax is ExpressionSyntax seed)
        {
            plan.Seed = seed.WithoutTrivia();
        }
        else
        {
            plan.RandomSource = RandomSourceOf(factory, model);
        }

        return plan;
    }

    private static MathNetInitPlan? PlanClear(InvocationExpressionSyntax clear, TensorShape shape, InitScheme scheme, int? fanInIndex)
    {
        if (clear.Expression is not MemberAccessExpressionSyntax { Expression: var cleared } || !IsSimple(cleared))
        {
            return null;
        }

        cleared = cleared.WithoutTrivia();
        var plan = shape.IsVector
            ? Choose(clear, shape, scheme, fanInIndex, Member(cleared, "Count"), Member(cleared, "Count"))
            : Choose(clear, shape, scheme, fanInIndex, Member(cleared, "RowCount"), Member(cleared, "ColumnCount"));
        plan.Cleared = cleared;
        plan.Sizes = shape.IsVector ? new[] { Member(cleared, "Count") } : new[] { Member(cleared, "RowCount"), Member(cleared, "ColumnCount") };
        return plan;
    }

    /// <summary>Fan-in is the column count for <c>W * x</c> (index 1), the row count for <c>x * W</c> (index 0), Xavier over both when unknown.</summary>
    private static MathNetInitPlan Choose(SyntaxNode target, TensorShape shape, InitScheme scheme, int? fanInIndex, ExpressionSyntax rows, ExpressionSyntax columns)
    {
        var isXavier = scheme.IsXavier();
        if (shape.IsVector)
        {
            // One unit's weights: fan_in is the length; Xavier needs a fan_out the vector does not show, LeCun is its fan_in-only counterpart.
            return new MathNetInitPlan(target, shape, isXavier ? scheme.AsLeCun() : scheme, rows, null, orientationKnown: true);
        }

        return fanInIndex switch
        {
            0 => new MathNetInitPlan(target, shape, scheme, rows, columns, orientationKnown: true),
            1 => new MathNetInitPlan(target, shape, scheme, columns, rows, orientationKnown: true),
            _ => new MathNetInitPlan(target, shape, scheme.AsXavier(), columns, rows, orientationKnown: false),
        };
    }

    /// <summary>The expression the user called the factory on, so that the fix keeps it: their builder, <c>CreateMatrix</c>, <c>DenseMatrix</c>.</summary>
    private static ExpressionSyntax? Receiver(MathNetFactory factory) => factory.Creation.Syntax switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Expression.WithoutTrivia(),
        ObjectCreationExpressionSyntax creation => creation.Type.WithoutTrivia(),
        _ => null,
    };

    /// <summary>A uniform draw stays uniform: <c>new ContinuousUniform(a, b)</c>, or an element function drawing <c>NextDouble()</c>.</summary>
    private static bool IsUniform(MathNetFactory factory, MathNetTypes types) => factory.Content switch
    {
        FactoryContent.Distribution => MathNetDistributions.Read(factory.Argument!, types)?.Family == InitKind.Uniform,
        FactoryContent.Function => MatrixValues.ElementExpression(factory.Argument!.WalkDownConversions()) is { } element && RandomDrawRecognizer.Recognize(element)?.Family == InitKind.Uniform,
        _ => false,
    };

    /// <summary>
    /// The <c>System.Random</c> the user drew from: a distribution's <c>randomSource</c>, or the receiver of <c>NextDouble()</c>
    /// in an element function, when the same name reaches it where the factory stands.
    /// </summary>
    private static ExpressionSyntax? RandomSourceOf(MathNetFactory factory, SemanticModel model)
    {
        IOperation? source = null;
        if (factory.Content == FactoryContent.Distribution)
        {
            var distribution = factory.Argument!.WalkDownConversions();
            if (distribution is ILocalReferenceOperation local)
            {
                distribution = BodyIndex.Of(local).SingleValue(local.Local)?.WalkDownConversions() ?? distribution;
            }

            var arguments = distribution switch
            {
                IObjectCreationOperation creation => creation.Arguments,
                IInvocationOperation call => call.Arguments,
                _ => default,
            };
            source = arguments.IsDefault ? null : arguments.FirstOrDefault(argument => argument.Parameter?.Name == "randomSource" && argument.ArgumentKind == ArgumentKind.Explicit)?.Value;
        }
        else if (factory.Content == FactoryContent.Function && MatrixValues.ElementExpression(factory.Argument!.WalkDownConversions()) is { } element)
        {
            source = Microsoft.CodeAnalysis.Operations.OperationExtensions.DescendantsAndSelf(element).OfType<IInvocationOperation>()
                .FirstOrDefault(call => call.TargetMethod.Name.StartsWith("Next", System.StringComparison.Ordinal) && IsSystemRandom(call.Instance?.Type))?.Instance;
        }

        source = source?.WalkDownConversions();
        return source?.Syntax is ExpressionSyntax syntax && IsSimple(syntax) && source.StorageSymbol() is { } symbol && Reaches(symbol, syntax, factory.Creation.Syntax, model)
            ? syntax.WithoutTrivia()
            : null;
    }

    /// <summary>
    /// True when <paramref name="written"/> names <paramref name="symbol"/> at <paramref name="target"/> too: a source drawn inside
    /// a helper method may be its local; a field initializer reaches only static members.
    /// </summary>
    private static bool Reaches(ISymbol symbol, ExpressionSyntax written, SyntaxNode target, SemanticModel model)
    {
        var name = written switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText,
            _ => null,
        };
        if (name is null)
        {
            return false;
        }

        var inInitializer = target.FirstAncestorOrSelf<VariableDeclaratorSyntax>()?.Parent?.Parent is FieldDeclarationSyntax || target.FirstAncestorOrSelf<PropertyDeclarationSyntax>() is not null;
        return (!inInitializer || symbol.IsStatic || symbol is ILocalSymbol or IParameterSymbol)
            && model.LookupSymbols(target.SpanStart, name: name).Any(found => SymbolEqualityComparer.Default.Equals(found.OriginalDefinition, symbol.OriginalDefinition));
    }

    private static bool IsSystemRandom(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is { Name: "Random", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Builds the replacement: <c>receiver.Random(r, c, distribution)</c>, or for <c>Clear()</c>, <c>Matrix&lt;T&gt;.Build.Random(...).CopyTo(W)</c>.</summary>
    public static SyntaxNode Build(MathNetInitPlan plan, SyntaxGenerator generator, INamedTypeSymbol weightInit, MathNetTypes types)
    {
        var arguments = plan.Sizes.Select(size => generator.Argument(size.WithoutTrivia())).ToList();
        arguments.Add(generator.Argument(Distribution(plan, generator, weightInit, types)));
        SyntaxNode replacement;
        if (plan.Cleared is { } cleared)
        {
            var builder = generator.MemberAccessExpression(generator.TypeExpression(plan.Shape.Generic), "Build");
            var draw = generator.InvocationExpression(generator.MemberAccessExpression(builder, "Random"), arguments);
            replacement = generator.InvocationExpression(generator.MemberAccessExpression(draw, "CopyTo"), cleared);
        }
        else
        {
            var method = plan.Idiom switch
            {
                FactoryIdiom.CreateClass => generator.MemberAccessExpression(plan.Receiver!, generator.GenericName("Random", plan.Shape.Element)),
                FactoryIdiom.DenseType => generator.MemberAccessExpression(plan.Receiver!, "CreateRandom"),
                _ => generator.MemberAccessExpression(plan.Receiver!, "Random"),
            };
            replacement = generator.InvocationExpression(method, arguments);
        }

        return replacement.WithTriviaFrom(plan.Target);
    }

    /// <summary><c>new Normal(0, WeightInit.HeStd(fanIn)[, random])</c> or <c>new ContinuousUniform(-WeightInit.HeBound(fanIn), WeightInit.HeBound(fanIn)[, random])</c>.</summary>
    private static SyntaxNode Distribution(MathNetInitPlan plan, SyntaxGenerator generator, INamedTypeSymbol weightInit, MathNetTypes types)
    {
        var runtime = generator.TypeExpression(weightInit).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        var (helper, fans) = plan.Scheme switch
        {
            InitScheme.HeNormal => ("HeStd", new[] { plan.FanIn }),
            InitScheme.HeUniform => ("HeBound", new[] { plan.FanIn }),
            InitScheme.XavierNormal => ("XavierStd", new[] { plan.FanIn, plan.FanOut! }),
            InitScheme.XavierUniform => ("XavierBound", new[] { plan.FanIn, plan.FanOut! }),
            InitScheme.LeCunNormal => ("LeCunStd", new[] { plan.FanIn }),
            _ => ("LeCunBound", new[] { plan.FanIn }),
        };
        SyntaxNode Scale() => generator.InvocationExpression(generator.MemberAccessExpression(runtime, helper), fans.Select(fan => generator.Argument(fan.WithoutTrivia())));

        var arguments = plan.Uniform
            ? new List<SyntaxNode> { generator.NegateExpression(Scale()), Scale() }
            : new List<SyntaxNode> { generator.LiteralExpression(0), Scale() };
        if (plan.Seed is { } seed && types.SystemRandomSource is { } sourceType)
        {
            // Random(r, c, seed) draws from new Normal(new SystemRandomSource(seed, true)) (MathNet.Numerics 5.0.0, Builder.cs).
            arguments.Add(generator.ObjectCreationExpression(Imported(generator, sourceType), seed, generator.TrueLiteralExpression()));
        }
        else if (plan.RandomSource is { } random)
        {
            arguments.Add(random);
        }

        var distribution = plan.Uniform ? types.ContinuousUniform! : types.Normal!;
        return generator.ObjectCreationExpression(Imported(generator, distribution), arguments);
    }

    private static SyntaxNode Imported(SyntaxGenerator generator, ITypeSymbol type) => generator.TypeExpression(type).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);

    private static ExpressionSyntax Member(ExpressionSyntax target, string name) =>
        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, target, SyntaxFactory.IdentifierName(name));

    /// <summary>Expressions that can be repeated in a fan argument without running anything twice.</summary>
    private static bool IsSimple(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or LiteralExpressionSyntax or ThisExpressionSyntax or PredefinedTypeSyntax => true,
        MemberAccessExpressionSyntax access => IsSimple(access.Expression),
        ElementAccessExpressionSyntax element => IsSimple(element.Expression) && element.ArgumentList.Arguments.All(a => IsSimple(a.Expression)),
        BinaryExpressionSyntax binary => IsSimple(binary.Left) && IsSimple(binary.Right),
        ParenthesizedExpressionSyntax parenthesized => IsSimple(parenthesized.Expression),
        CastExpressionSyntax cast => IsSimple(cast.Expression),
        _ => false,
    };
}
