using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// The products of array elements in a type's code (<c>w[i, j] * x[j]</c>, <c>(float)weights[n][k] * inputs[k]</c>): the syntax
/// every weighted sum needs. Read from syntax before anything is bound, so a type of numeric code without one costs nothing
/// more, and a type whose weighted sums cannot be layers of one network is left before it is bound.
/// </summary>
internal sealed class ElementProducts
{
    private readonly List<Product> products;
    private readonly Dictionary<SyntaxNode, MemberValues> members = new();
    private readonly LocalAliases aliases;
    private readonly INamedTypeSymbol type;
    private readonly ICollection<string> named;
    private readonly CancellationToken cancellationToken;
    private List<HelperSum>? helperSums;

    private ElementProducts(List<Product> products, LocalAliases aliases, INamedTypeSymbol type, ICollection<string> named, CancellationToken cancellationToken)
    {
        this.aliases = aliases;
        this.type = type;
        this.named = named;
        this.cancellationToken = cancellationToken;
        this.products = products.Where(product => product.MayBeWeightedSum).ToList();
        FactorNames = new HashSet<string>(this.products.Select(product => product.Factor), System.StringComparer.Ordinal);
    }

    /// <summary>
    /// The names of the arrays whose elements may be the weights of a weighted sum, as <see cref="WeightedSumMatcher"/> decides
    /// from bound code: multiplied by an element of another array, the product accumulated, and the weight indexed by more
    /// subscripts than the input, or by as many and named as a weight.
    /// </summary>
    public HashSet<string> FactorNames { get; }

    /// <summary>
    /// The products in <paramref name="type"/>'s code whose factor may be an element of one of <paramref name="arrays"/> (the
    /// names of its floating-point array fields and the properties that are them): a weighted sum multiplies an element of its weights.
    /// </summary>
    public static ElementProducts Read(INamedTypeSymbol type, ICollection<string> arrays, CancellationToken cancellationToken)
    {
        var products = new List<Product>();
        var aliases = LocalAliases.Find(type, arrays, cancellationToken);
        var named = aliases.IsEmpty ? arrays : arrays.Concat(aliases.Names).ToList();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            // Only the tokens at a '*' in the text are looked at, and only where the left factor may be an element (w[i, j] *,
            // (w[i, j]) *, w[i, j] /* comment */ *, or a '*' that starts a line) and the statement names one of the arrays
            // (or a local that names one): most of a type's syntax is never visited. A weighted sum multiplies two elements.
            foreach (var token in TextSearch.TokensAt(reference, "*", "])/", named, cancellationToken))
            {
                if (token.IsKind(SyntaxKind.AsteriskToken) && token.Parent is BinaryExpressionSyntax product && product.IsKind(SyntaxKind.MultiplyExpression))
                {
                    var (left, right) = (aliases.ArrayName(product.Left), aliases.ArrayName(product.Right));
                    var accumulated = Accumulation(product) is not null;
                    if (left is not null)
                    {
                        products.Add(new Product(left, right, product, accumulated && right is not null && MayWeigh(product.Left, left, product.Right)));
                    }

                    if (right is not null)
                    {
                        products.Add(new Product(right, left, product, accumulated && left is not null && MayWeigh(product.Right, right, product.Left)));
                    }
                }
            }
        }

        return new ElementProducts(products, aliases, type, named, cancellationToken);
    }

    /// <summary>
    /// True when <paramref name="array"/> may be the weights of a weighted sum: a factor in the type's own products
    /// (<see cref="FactorNames"/>), or handed to a helper of its file whose products have that parameter as their factor
    /// (<c>MultiplyArray(wih, input)</c>, as <see cref="WeightedSumHelper"/> reads it from bound code).
    /// </summary>
    public bool MayBeFactor(string array) => FactorNames.Contains(array) || HelperSums.Any(sum => sum.Factor == array);

    /// <summary>The weighted sums the type's calls may have helpers compute, read the first time they are asked for.</summary>
    private List<HelperSum> HelperSums => helperSums ??= ReadHelperSums();

    /// <summary>
    /// False when no weighted sum of one of <paramref name="weights"/> can feed a weighted sum of one of them, as
    /// <see cref="ArrayWeightRecognizer"/> decides from bound code: the sum accumulated into an array (<c>h[j] += w[j, i] * x[i]</c>),
    /// or into a local that an array later receives (<c>h[j] = Activate(sum)</c>), whose name is the input of a product
    /// (<c>v[k, j] * h[j]</c>). Names stand for symbols here, so this is true whenever the bound code could find a link.
    /// </summary>
    public bool MayFeed(ISet<string> weights)
    {
        var sums = products.Where(product => weights.Contains(product.Factor)).ToList();
        var inputs = new HashSet<string>(sums.Select(product => product.Partner!), System.StringComparer.Ordinal);
        if (sums.Any(product => OutputsOf(product.Syntax).Any(inputs.Contains)))
        {
            return true;
        }

        // Sums a helper computes from an array it is given are read only when the type's own do not link.
        var called = HelperSums.Where(sum => weights.Contains(sum.Factor)).ToList();
        if (called.Count == 0)
        {
            return false;
        }

        inputs.UnionWith(called.Select(sum => sum.Partner).Where(partner => partner is not null)!);
        return sums.Any(product => OutputsOf(product.Syntax).Any(inputs.Contains)) || called.Any(sum => sum.Outputs.Any(inputs.Contains));
    }

    /// <summary>
    /// False when no weighted sum of one of <paramref name="weights"/> can pass through an activation, as
    /// <see cref="WeightedSumMatcher"/> finds it from bound code: a value that mentions where the sum went, assigned or returned
    /// in the same member, through a call, a conditional or a switch (<c>h[j] = Math.Tanh(sum)</c>, <c>sum &gt; 0 ? sum : 0</c>).
    /// </summary>
    public bool MayActivate(ISet<string> weights) =>
        products.Any(product => weights.Contains(product.Factor) && MayActivate(product.Syntax))
        || HelperSums.Any(sum => weights.Contains(sum.Factor) && sum.MayActivate);

    private bool MayActivate(BinaryExpressionSyntax product) =>
        SumTargetOf(product) is { } target && ValuesOf(product) is { } values && values.Activations.Any(names => names.Contains(target));

    /// <summary>The names of the methods whose code multiplies one of <paramref name="weights"/>.</summary>
    public IEnumerable<string> MethodsMultiplying(ISet<string> weights) =>
        products.Where(product => weights.Contains(product.Factor)).Select(product => (SyntaxNode)product.Syntax)
            .Concat(HelperSums.Where(sum => weights.Contains(sum.Factor)).Select(sum => (SyntaxNode)sum.Call))
            .Select(node => node.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.Identifier.ValueText)
            .Where(name => name is not null)
            .Distinct()!;

    /// <summary>
    /// The weighted sums computed by a helper one of the arrays is handed to: a call in the type that passes the array (or a row,
    /// or a local alias of it) to a method declared in the same file under that name, whose products have the parameter as the
    /// weight factor. Names stand for symbols, so every method of that name counts, whatever its types.
    /// </summary>
    private List<HelperSum> ReadHelperSums()
    {
        var sums = new List<HelperSum>();
        var helperProducts = new Dictionary<ParameterSyntax, List<Product>>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var name in named)
            {
                foreach (var token in TextSearch.ArgumentNames(reference, name, cancellationToken))
                {
                    if (token.Parent is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name || ArgumentOf(identifier) is not { } argument
                        || argument.Parent is not ArgumentListSyntax list || list.Parent is not InvocationExpressionSyntax call || MethodName(call) is not { } method)
                    {
                        continue;
                    }

                    foreach (var declaration in MethodDeclarations(reference.SyntaxTree, method))
                    {
                        if (ParameterOf(declaration, list, argument) is not { } parameter)
                        {
                            continue;
                        }

                        if (!helperProducts.TryGetValue(parameter, out var multiplied))
                        {
                            helperProducts[parameter] = multiplied = HelperProducts(declaration, parameter).ToList();
                        }

                        foreach (var product in multiplied)
                        {
                            sums.Add(HelperSum.At(this, call, aliases.Resolve(name, identifier), declaration, product));
                        }
                    }
                }
            }
        }

        return sums;
    }

    /// <summary>The argument <paramref name="name"/> is, as itself, <c>this.name</c> or a row <c>name[l]</c>; null when it is not one.</summary>
    private static ArgumentSyntax? ArgumentOf(IdentifierNameSyntax name) =>
        LocalAliases.ArrayOrRow(name).Parent is ArgumentSyntax argument && argument.RefKindKeyword.IsKind(SyntaxKind.None) ? argument : null;

    private static string? MethodName(InvocationExpressionSyntax call) => call.Expression switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The methods declared in each syntax tree, by name, read once per tree from its declarations (method bodies are not
    /// entered): a call's name is looked up here rather than in the file's text, as most calls name no method of the file.
    /// </summary>
    private static readonly ConditionalWeakTable<SyntaxTree, Dictionary<string, List<MethodDeclarationSyntax>>> MethodsByName = new();

    /// <summary>The methods named <paramref name="name"/> declared in <paramref name="tree"/>.</summary>
    private IEnumerable<MethodDeclarationSyntax> MethodDeclarations(SyntaxTree tree, string name) =>
        MethodsByName.GetValue(tree, source =>
        {
            var methods = new Dictionary<string, List<MethodDeclarationSyntax>>(System.StringComparer.Ordinal);
            foreach (var declaration in TypeDeclarations.Of(source, cancellationToken))
            {
                foreach (var member in declaration.Members)
                {
                    if (member is MethodDeclarationSyntax method)
                    {
                        if (!methods.TryGetValue(method.Identifier.ValueText, out var named))
                        {
                            methods[method.Identifier.ValueText] = named = new List<MethodDeclarationSyntax>(1);
                        }

                        named.Add(method);
                    }
                }
            }

            return methods;
        }).TryGetValue(name, out var declared) ? declared : Enumerable.Empty<MethodDeclarationSyntax>();

    /// <summary>The parameter <paramref name="argument"/> is given to in <paramref name="declaration"/>: by its name, or by its position.</summary>
    private static ParameterSyntax? ParameterOf(MethodDeclarationSyntax declaration, ArgumentListSyntax list, ArgumentSyntax argument)
    {
        var parameters = declaration.ParameterList.Parameters;
        if (argument.NameColon is { } nameColon)
        {
            return parameters.FirstOrDefault(parameter => parameter.Identifier.ValueText == nameColon.Name.Identifier.ValueText);
        }

        var position = list.Arguments.IndexOf(argument);
        return position < parameters.Count ? parameters[position] : null;
    }

    /// <summary>The products in <paramref name="helper"/> whose factor may be an element of <paramref name="parameter"/> in a weighted sum.</summary>
    private static IEnumerable<Product> HelperProducts(MethodDeclarationSyntax helper, ParameterSyntax parameter)
    {
        var name = parameter.Identifier.ValueText;
        foreach (var token in TextSearch.TokensAt(helper.GetReference(), "*", "])/", new[] { name }, CancellationToken.None))
        {
            if (token.IsKind(SyntaxKind.AsteriskToken) && token.Parent is BinaryExpressionSyntax product && product.IsKind(SyntaxKind.MultiplyExpression) && Accumulation(product) is not null)
            {
                var (left, right) = (ArrayName(product.Left), ArrayName(product.Right));
                if (left == name && right is not null && MayWeigh(product.Left, left, product.Right))
                {
                    yield return new Product(left, right, product, mayBeWeightedSum: true);
                }
                else if (right == name && left is not null && MayWeigh(product.Right, right, product.Left))
                {
                    yield return new Product(right, left, product, mayBeWeightedSum: true);
                }
            }
        }
    }

    /// <summary>
    /// The arrays a product's sum goes to, as <see cref="WeightedSumMatcher"/> finds them: the array element it accumulates
    /// into, or the arrays whose elements are assigned a value that mentions the local it accumulates into.
    /// </summary>
    private IEnumerable<string> OutputsOf(BinaryExpressionSyntax product)
    {
        if (Accumulation(product) is not { } assignment)
        {
            return Enumerable.Empty<string>();
        }

        if (assignment.Left is ElementAccessExpressionSyntax element)
        {
            return aliases.ArrayName(element) is { } array ? new[] { array } : Enumerable.Empty<string>();
        }

        if (assignment.Left is not IdentifierNameSyntax { Identifier.ValueText: var local } || ValuesOf(product) is not { } values)
        {
            return Enumerable.Empty<string>();
        }

        return values.ElementWrites.Where(write => write.Names.Contains(local)).Select(write => write.Array);
    }

    /// <summary>The values assigned and returned in the member around <paramref name="node"/>, read once per member.</summary>
    private MemberValues? ValuesOf(SyntaxNode node)
    {
        if (node.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member)
        {
            return null;
        }

        if (!members.TryGetValue(member, out var values))
        {
            members[member] = values = MemberValues.Read(member, aliases);
        }

        return values;
    }

    /// <summary>
    /// The assignment that accumulates a product: <c>sum += w * x</c>, <c>y[i] = y[i] + w * x</c>. Null for a product used in
    /// any other way (a scaling, an argument).
    /// </summary>
    private static AssignmentExpressionSyntax? Accumulation(BinaryExpressionSyntax product)
    {
        ExpressionSyntax sum = product;
        while (sum.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or CheckedExpressionSyntax
            || sum.Parent is BinaryExpressionSyntax parent && (parent.IsKind(SyntaxKind.AddExpression) || parent.IsKind(SyntaxKind.SubtractExpression)))
        {
            sum = (ExpressionSyntax)sum.Parent;
        }

        return sum.Parent is AssignmentExpressionSyntax assignment && assignment.Right == sum
            && (assignment.IsKind(SyntaxKind.AddAssignmentExpression) || assignment.IsKind(SyntaxKind.SubtractAssignmentExpression) || assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && sum != product)
            ? assignment
            : null;
    }

    /// <summary>The name of where a product's sum goes: the local or the array of the element it accumulates into.</summary>
    private string? SumTargetOf(BinaryExpressionSyntax product) => Accumulation(product)?.Left switch
    {
        IdentifierNameSyntax local => local.Identifier.ValueText,
        ElementAccessExpressionSyntax element => aliases.ArrayName(element),
        _ => null,
    };

    /// <summary>
    /// The shapes <see cref="Activations.HandWrittenActivations"/> recognizes, at the top of the value: a call, a conditional,
    /// a switch, <c>1 / (1 + Math.Exp(-x))</c> or <c>Math.Exp(x) / (...)</c>, and SELU's scale times a call.
    /// </summary>
    private static bool MayActivate(ExpressionSyntax value) => Unwrapped(value) switch
    {
        InvocationExpressionSyntax or ConditionalExpressionSyntax or SwitchExpressionSyntax => true,
        BinaryExpressionSyntax division when division.IsKind(SyntaxKind.DivideExpression) =>
            Unwrapped(division.Left) is LiteralExpressionSyntax || Calls(division.Left),
        BinaryExpressionSyntax product when product.IsKind(SyntaxKind.MultiplyExpression) => Calls(product),
        _ => false,
    };

    private static bool Calls(SyntaxNode node) => node.DescendantNodesAndSelf().Any(descendant => descendant is InvocationExpressionSyntax);

    /// <summary>
    /// <see cref="WeightedSumMatcher"/>'s rule, read from syntax: the weight is indexed by more array subscripts than the input,
    /// or by as many and named as a weight. Syntax cannot tell an array's subscripts from an indexer's
    /// (<c>batch[b][i]</c> on a <c>List&lt;double[]&gt;</c> has one array subscript), so the input is counted at its fewest,
    /// the outermost access, and the weight at its most.
    /// </summary>
    private static bool MayWeigh(ExpressionSyntax weight, string weightName, ExpressionSyntax input)
    {
        var most = IndexCount(weight);
        var fewest = Unwrapped(input) is ElementAccessExpressionSyntax outermost ? outermost.ArgumentList.Arguments.Count : 0;
        return most > fewest || most == fewest && WeightedSumMatcher.NameSaysWeight(weightName);
    }

    private static int IndexCount(ExpressionSyntax factor)
    {
        var count = 0;
        for (var current = Unwrapped(factor); current is ElementAccessExpressionSyntax element; current = Unwrapped(element.Expression))
        {
            count += element.ArgumentList.Arguments.Count;
        }

        return count;
    }

    private static ExpressionSyntax Unwrapped(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    continue;
                case CheckedExpressionSyntax @checked:
                    expression = @checked.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax forgiving when forgiving.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = forgiving.Operand;
                    continue;
                default:
                    return expression;
            }
        }
    }

    /// <summary>The array whose element <paramref name="factor"/> is, through parentheses and casts: the innermost of <c>w[n][k]</c>.</summary>
    internal static string? ArrayName(ExpressionSyntax factor)
    {
        if (Unwrapped(factor) is not ElementAccessExpressionSyntax element)
        {
            return null;
        }

        var array = Unwrapped(element.Expression);
        while (array is ElementAccessExpressionSyntax row)
        {
            array = Unwrapped(row.Expression); // weights[n][k]: the field is the innermost
        }

        return array switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
    }

    private sealed class Product
    {
        public Product(string factor, string? partner, BinaryExpressionSyntax syntax, bool mayBeWeightedSum)
        {
            Factor = factor;
            Partner = partner;
            Syntax = syntax;
            MayBeWeightedSum = mayBeWeightedSum;
        }

        /// <summary>The array one factor is an element of.</summary>
        public string Factor { get; }

        /// <summary>The array the other factor is an element of; null for a scalar (a learning rate, a decay).</summary>
        public string? Partner { get; }

        public BinaryExpressionSyntax Syntax { get; }

        /// <summary>The factor may be the weight of a weighted sum: see <see cref="FactorNames"/>.</summary>
        public bool MayBeWeightedSum { get; }
    }

    /// <summary>The element writes (<c>y[i] = value</c>) and the values that may be activations (assigned or returned) of one member.</summary>
    private sealed class MemberValues
    {
        private MemberValues(List<(string Array, HashSet<string> Names)> elementWrites, List<HashSet<string>> activations)
        {
            ElementWrites = elementWrites;
            Activations = activations;
        }

        /// <summary>Each array written and the names its value mentions.</summary>
        public List<(string Array, HashSet<string> Names)> ElementWrites { get; }

        /// <summary>The names each value shaped like an activation mentions.</summary>
        public List<HashSet<string>> Activations { get; }

        public static MemberValues Read(MemberDeclarationSyntax member, LocalAliases aliases)
        {
            var writes = new List<(string, HashSet<string>)>();
            var activations = new List<HashSet<string>>();
            foreach (var node in member.DescendantNodes())
            {
                var value = node switch
                {
                    AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) => assignment.Right,
                    ReturnStatementSyntax { Expression: { } returned } => returned,
                    YieldStatementSyntax { Expression: { } yielded } when node.IsKind(SyntaxKind.YieldReturnStatement) => yielded,
                    _ => null,
                };
                if (value is null)
                {
                    continue;
                }

                var read = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var name in value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                {
                    read.Add(name.Identifier.ValueText);
                    read.Add(aliases.Resolve(name.Identifier.ValueText, member)); // and the array a local alias names
                }

                if (node is AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax target } && aliases.ArrayName(target) is { } array)
                {
                    writes.Add((array, read));
                }

                if (MayActivate(value))
                {
                    activations.Add(read);
                }
            }

            return new MemberValues(writes, activations);
        }
    }

    /// <summary>
    /// A weighted sum a helper computes from an array it is given, seen from the call: <c>hiddenInputs = MultiplyArray(wih, input)</c>
    /// has the factor <c>wih</c>, the partner <c>input</c> and the outputs <c>hiddenInputs</c> and what is computed from it.
    /// </summary>
    private sealed class HelperSum
    {
        private HelperSum(string factor, string? partner, List<string> outputs, InvocationExpressionSyntax call, bool mayActivate)
        {
            Factor = factor;
            Partner = partner;
            Outputs = outputs;
            Call = call;
            MayActivate = mayActivate;
        }

        public string Factor { get; }

        public string? Partner { get; }

        public List<string> Outputs { get; }

        public InvocationExpressionSyntax Call { get; }

        /// <summary>The sum may pass through an activation, in the helper or on the call's result.</summary>
        public bool MayActivate { get; }

        /// <summary>
        /// The helper's <paramref name="product"/> seen from <paramref name="call"/>: a parameter named as the partner or an output
        /// stands for what the call passes, the local the helper returns for where the call's result goes.
        /// </summary>
        public static HelperSum At(ElementProducts products, InvocationExpressionSyntax call, string factor, MethodDeclarationSyntax helper, Product product)
        {
            var returned = new HashSet<string>(
                helper.DescendantNodes().OfType<ReturnStatementSyntax>().Select(statement => statement.Expression).Append(helper.ExpressionBody?.Expression)
                    .Select(value => value is null ? null : ArrayName(value) ?? (Unwrapped(value) as IdentifierNameSyntax)?.Identifier.ValueText)
                    .Where(name => name is not null)!,
                System.StringComparer.Ordinal);
            var (receivers, throughCall) = Receivers(products, call);
            var outputs = new List<string>();
            foreach (var output in products.OutputsOf(product.Syntax))
            {
                if (IsParameter(helper, output))
                {
                    if (Passed(products, helper, call, output) is { } passed)
                    {
                        outputs.Add(passed);
                    }
                }
                else if (returned.Contains(output))
                {
                    outputs.AddRange(receivers);
                }
                else
                {
                    outputs.Add(output);
                }
            }

            var partner = product.Partner is { } read ? IsParameter(helper, read) ? Passed(products, helper, call, read) : read : null;
            var mayActivate = throughCall || products.MayActivate(product.Syntax) || products.ValuesOf(call) is { } values && values.Activations.Any(names => receivers.Any(names.Contains));
            return new HelperSum(factor, partner, outputs, call, mayActivate);
        }

        private static bool IsParameter(MethodDeclarationSyntax helper, string name) =>
            helper.ParameterList.Parameters.Any(parameter => parameter.Identifier.ValueText == name);

        /// <summary>The name of the array the call passes for the helper's parameter <paramref name="parameter"/>; null when it passes none by name.</summary>
        private static string? Passed(ElementProducts products, MethodDeclarationSyntax helper, InvocationExpressionSyntax call, string parameter)
        {
            var parameters = helper.ParameterList.Parameters;
            var position = -1;
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i].Identifier.ValueText == parameter)
                {
                    position = i;
                }
            }

            var arguments = call.ArgumentList.Arguments;
            var argument = arguments.FirstOrDefault(candidate => candidate.NameColon?.Name.Identifier.ValueText == parameter)
                ?? (position >= 0 && position < arguments.Count && arguments[position].NameColon is null ? arguments[position] : null);
            var value = argument is null ? null : Unwrapped(argument.Expression);
            var name = value switch
            {
                null => null,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                _ => ArrayName(value),
            };
            return name is null ? null : products.aliases.Resolve(name, call);
        }

        /// <summary>
        /// The names the call's result is stored in, through calls around it (<c>Sigmoid(MultiplyArray(w, x))</c>), and every name
        /// given a value that mentions one of those in the same member, in turn; and whether a call around it was passed through.
        /// </summary>
        private static (List<string> Receivers, bool ThroughCall) Receivers(ElementProducts products, InvocationExpressionSyntax call)
        {
            SyntaxNode node = call;
            var throughCall = false;
            while (true)
            {
                if (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
                {
                    node = node.Parent;
                }
                else if (node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax outer } })
                {
                    node = outer;
                    throughCall = true;
                }
                else
                {
                    break;
                }
            }

            var receivers = new List<string>();
            var first = node.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
                AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == node => AssignedName(products, assignment.Left),
                _ => null,
            };
            if (first is null || call.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member)
            {
                return (receivers, throughCall);
            }

            receivers.Add(first);
            var given = member.DescendantNodes()
                .Select(descendant => descendant switch
                {
                    VariableDeclaratorSyntax { Initializer.Value: var value } declarator => (Name: (string?)declarator.Identifier.ValueText, Value: (ExpressionSyntax?)value),
                    AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) => (Name: AssignedName(products, assignment.Left), Value: assignment.Right),
                    _ => (Name: null, Value: null),
                })
                .Where(pair => pair.Name is not null && pair.Value is not null)
                .Select(pair => (Name: pair.Name!, Mentions: new HashSet<string>(pair.Value!.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(identifier => identifier.Identifier.ValueText), System.StringComparer.Ordinal)))
                .ToList();
            for (var at = 0; at < receivers.Count; at++)
            {
                foreach (var (name, mentions) in given)
                {
                    if (mentions.Contains(receivers[at]) && !receivers.Contains(name))
                    {
                        receivers.Add(name);
                    }
                }
            }

            return (receivers, throughCall);
        }

        private static string? AssignedName(ElementProducts products, ExpressionSyntax target) => Unwrapped(target) switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            ElementAccessExpressionSyntax element => products.aliases.ArrayName(element),
            _ => null,
        };
    }
}
