using System;
using System.Collections.Immutable;
using System.Linq;
using InitAnalyzers.Recognizers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// Reads one reference to an array field and says what it does to the values the array holds:
/// a zero allocation, a fill, a write of other values, a hand-off to code that may write it, or a plain read
/// (possibly in a weighted sum). Anything it does not understand counts as a hand-off, so unknown code keeps the analyzer silent.
/// </summary>
internal static class ArrayUseClassifier
{
    /// <summary>Classifies <paramref name="reference"/>, a reference to <paramref name="storage"/>'s field, into <paramref name="storage"/>.</summary>
    public static void Classify(IOperation reference, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember) =>
        Classify(reference, storage, field, containingMember, levelsBefore: 0);

    /// <summary>
    /// Classifies a reference to the field or, for a local alias of a row or a span view of it (<c>var row = w[l];</c>,
    /// <c>var s = w.AsSpan();</c>), to the local, whose <paramref name="levelsBefore"/> jagged levels are then already indexed.
    /// </summary>
    private static void Classify(IOperation reference, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember, int levelsBefore)
    {
        var depth = ArrayShape.JaggedDepth(field.Type);
        var current = reference;
        var indexed = levelsBefore;
        while (current.ElementOf() is { } element)
        {
            current = element;
            indexed++;
        }

        if (indexed == 0)
        {
            ClassifyWholeArray(reference, storage, field, containingMember, depth);
        }
        else if (indexed == depth && current.IsElement())
        {
            ClassifyElement(current, storage, field, containingMember, LeadingIndices(field.Type, levelsBefore));
        }
        else
        {
            ClassifyRow(current, storage, field, containingMember, LeadingIndices(field.Type, indexed));
        }
    }

    /// <summary>The subscripts the first <paramref name="levels"/> levels of a jagged array type take: one per rank.</summary>
    private static int LeadingIndices(ITypeSymbol type, int levels)
    {
        var indices = 0;
        for (; levels > 0 && type is IArrayTypeSymbol array; levels--, type = array.ElementType)
        {
            indices += array.Rank;
        }

        return indices;
    }

    /// <summary>The local that <paramref name="use"/> is given to: <c>var row = w[l];</c> or <c>row = w[l];</c>.</summary>
    private static ILocalSymbol? ReceivingLocal(IOperation use) => use.Parent switch
    {
        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { RefKind: RefKind.None } local } } => local,
        ISimpleAssignmentOperation { IsRef: false, Target: ILocalReferenceOperation { Local: var local } } assignment when assignment.Value == use => local,
        _ => null,
    };

    /// <summary>
    /// A local that names the array or one of its rows, or views one whole as a span (<c>float[,] w = weights[layer];</c>,
    /// <c>Span&lt;float&gt; s = weights;</c>, <c>var s = weights.AsSpan();</c>), is the array under another name: its uses are
    /// classified as the field's, from the first value it is given. A local given anything else as well is a hand-off.
    /// </summary>
    private static bool TryFollowAlias(IOperation use, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember)
    {
        if (ReceivingLocal(use) is not { } local || !ElementAccess.IsArrayOrSpan(local.Type))
        {
            return false;
        }

        var body = BodyIndex.Of(use);
        var aliased = body.AliasedArray(local);
        if (!SymbolEqualityComparer.Default.Equals(aliased, field) && !(field.AssociatedSymbol is { } property && SymbolEqualityComparer.Default.Equals(aliased, property)))
        {
            return false;
        }

        if (body.DefiningValues(local).FirstOrDefault()?.WalkDownConversions() != use.WalkDownConversions())
        {
            return true; // followed from its first value
        }

        var levels = ArrayShape.JaggedDepth(field.Type) - ArrayShape.JaggedDepth(local.Type);
        foreach (var reference in body.References(local))
        {
            if (reference.Parent is not ISimpleAssignmentOperation { Target: var target } || target != reference)
            {
                Classify(reference, storage, field, containingMember, levels); // w = weights[next] only points the alias elsewhere
            }
        }

        return true;
    }

    /// <summary>
    /// A value assigned to the whole array (or a row of it): the field initializer, <c>w = ...</c>, or an array built in locals
    /// or by a helper, in which a call may give <paramref name="parameters"/> numbers.
    /// </summary>
    public static void ClassifyAssignedValue(IOperation value, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember, ParameterValues? parameters = null)
    {
        var location = value.Syntax.GetLocation();
        if (LocalArrayFlow.TryClassify(value, storage, field, containingMember, parameters))
        {
            return;
        }

        value = value.WalkDownConversions();
        if (value is IArrayCreationOperation creation)
        {
            if (creation.Initializer is null)
            {
                var holdsNumbers = creation.Type is IArrayTypeSymbol { ElementType: not IArrayTypeSymbol };
                storage.Writes.Add(new InitEvidence(holdsNumbers ? EvidenceKind.ZeroAllocation : EvidenceKind.RowAllocation, location, sizes: Sizes(creation, storage.Field.Type, parameters)));
                return;
            }

            ClassifyInitializer(creation.Initializer, storage, location);
            return;
        }

        if (value is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } || value is IDefaultValueOperation)
        {
            return; // null: the array does not exist yet, it holds nothing
        }

        storage.Writes.Add(new InitEvidence(EvidenceKind.ValueWrite, location));
    }

    /// <summary>The sizes an allocation gives, placed by how many subscripts of the field's type come before the allocated array.</summary>
    private static AllocatedSizes? Sizes(IArrayCreationOperation creation, ITypeSymbol fieldType, ParameterValues? parameters)
    {
        if (creation.Type is null)
        {
            return null;
        }

        var first = 0;
        var levels = ArrayShape.JaggedDepth(fieldType) - ArrayShape.JaggedDepth(creation.Type);
        for (var type = fieldType; levels > 0 && type is IArrayTypeSymbol array; levels--, type = array.ElementType)
        {
            first += array.Rank;
        }

        return new AllocatedSizes(first, creation.DimensionSizes.Select(size => ParameterValues.Linear(size, parameters) is { } value && value >= 1 && value <= int.MaxValue && value == Math.Floor(value) ? (int?)value : null).ToImmutableArray());
    }

    private static void ClassifyInitializer(IArrayInitializerOperation initializer, StorageEvidence storage, Location location)
    {
        double? common = null;
        foreach (var element in initializer.DescendantsAndSelf())
        {
            if (element is IArrayInitializerOperation || element.Parent is not IArrayInitializerOperation)
            {
                continue;
            }

            if (element.WalkDownConversions() is IArrayCreationOperation { Initializer: null })
            {
                common ??= 0; // a zero row of a jagged array
                if (common != 0)
                {
                    storage.Writes.Add(new InitEvidence(EvidenceKind.ValueWrite, location));
                    return;
                }

                continue;
            }

            if (element.WalkDownConversions() is IArrayCreationOperation)
            {
                continue; // its own elements are visited by the descendant walk
            }

            if (!TryGetNumber(element, out var value) || (common.HasValue && common.Value != value))
            {
                storage.Writes.Add(new InitEvidence(EvidenceKind.ValueWrite, location));
                return;
            }

            common = value;
        }

        storage.Writes.Add(common is null or 0
            ? new InitEvidence(EvidenceKind.ZeroAllocation, location)
            : new InitEvidence(EvidenceKind.ConstantFill, location, common.Value));
    }

    private static void ClassifyWholeArray(IOperation reference, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember, int depth)
    {
        var use = reference.WalkUpConversions();
        var location = use.Syntax.GetLocation();
        switch (use.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == use:
                ClassifyAssignedValue(assignment.Value, storage, field, containingMember);
                return;
            case ICoalesceAssignmentOperation lazy when lazy.Target == use:
                ClassifyAssignedValue(lazy.Value, storage, field, containingMember); // w ??= new double[n, m]
                return;
            case IArgumentOperation argument:
                ClassifyArgument(argument, storage, containingMember, leadingIndices: 0);
                return;
            case IInvocationOperation invocation when invocation.Instance == use && ElementAccess.IsSpan(use.Type):
                ClassifySpanMethod(invocation, storage);
                return;
            case IInvocationOperation invocation when invocation.Instance == use:
                if (invocation.TargetMethod.Name is "SetValue")
                {
                    storage.Writes.Add(new InitEvidence(EvidenceKind.ValueWrite, location));
                }
                else if (invocation.TargetMethod.ContainingType?.SpecialType != SpecialType.System_Array
                    && invocation.TargetMethod.ContainingType?.SpecialType != SpecialType.System_Object)
                {
                    storage.Writes.Add(new InitEvidence(EvidenceKind.Escape, location));
                }

                return; // GetLength, Clone, CopyTo (as source), Initialize (a no-op for numbers): reads
            case IPropertyReferenceOperation:
                return; // Length, LongLength, Rank
            case IForEachLoopOperation { LoopControlVariable: not IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None } } when depth == 1:
                return; // a foreach variable cannot write a number back, unless it is a ref to a span's element
            case IBinaryOperation:
            case IIsPatternOperation:
            case IInterpolationOperation:
            case IExpressionStatementOperation:
                return;
            case IConditionalAccessOperation conditional when conditional.Operation == use
                && conditional.WhenNotNull is IPropertyReferenceOperation:
                return;
            default:
                if (!TryFollowAlias(use, storage, field, containingMember))
                {
                    storage.Writes.Add(new InitEvidence(EvidenceKind.Escape, location));
                }

                return;
        }
    }

    /// <summary>
    /// The array (or a row of it, after <paramref name="leadingIndices"/> subscripts) handed to a method: <see cref="System.Array"/>'s
    /// fills and copies, reads, or a helper of the file that only reads it (<see cref="WeightedSumHelper"/>), whose weighted sums
    /// are then the array's, seen from <paramref name="containingMember"/>. Anything else may write it.
    /// </summary>
    internal static void ClassifyArgument(IArgumentOperation argument, StorageEvidence storage, ISymbol? containingMember = null, int leadingIndices = 0)
    {
        var location = argument.Syntax.GetLocation();
        if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out || argument.Parent is not IInvocationOperation invocation)
        {
            storage.Writes.Add(new InitEvidence(EvidenceKind.Escape, location));
            return;
        }

        var method = invocation.TargetMethod;
        var parameter = argument.Parameter?.Name;
        var invocationLocation = invocation.Syntax.GetLocation();
        if (method.ContainingType?.SpecialType == SpecialType.System_Array)
        {
            switch (method.Name)
            {
                case "Clear":
                    storage.Writes.Add(new InitEvidence(EvidenceKind.ZeroFill, invocationLocation));
                    return;
                case "Fill" when parameter == "array":
                    AddFill(invocation, storage, invocationLocation);
                    return;
                case "CopyTo" when parameter == "array":
                case "Copy" or "ConstrainedCopy" when parameter == "destinationArray":
                case "Resize":
                    storage.Writes.Add(new InitEvidence(EvidenceKind.ValueWrite, invocationLocation));
                    return;
                default:
                    return; // IndexOf, Sort, Reverse, ConvertAll, Copy from it: the values stay what they were
            }
        }

        if (method.ContainingType is { Name: "Buffer", ContainingNamespace.Name: "System" })
        {
            if (parameter == "dst")
            {
                storage.Writes.Add(new InitEvidence(EvidenceKind.ValueWrite, invocationLocation));
            }

            return;
        }

        if (method.ContainingType is { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace.Name: "System" } })
        {
            return; // LINQ reads
        }

        if (method.ContainingType is { Name: "MemoryExtensions" } && method.Name is "AsSpan" && invocation.Parent is IInvocationOperation spanCall && spanCall.Instance == invocation)
        {
            ClassifySpanMethod(spanCall, storage);
            return;
        }

        if (containingMember is not null && BodyIndex.WholeSpanOf(invocation) is not null && TryFollowAlias(invocation, storage, storage.Field, containingMember))
        {
            return; // var s = weights.AsSpan();
        }

        if (containingMember is not null && WeightedSumHelper.Of(argument) is { } helper)
        {
            storage.WeightedSums.AddRange(helper.At(invocation, containingMember, leadingIndices));
            return;
        }

        storage.Writes.Add(new InitEvidence(EvidenceKind.Escape, location));
    }

    /// <summary>
    /// A method of a span over the array (<c>s.Clear()</c>, <c>w.AsSpan().Fill(0.5f)</c>): a fill, a read, or anything else
    /// (a slice, a copy into it), which may write the array out of sight.
    /// </summary>
    private static void ClassifySpanMethod(IInvocationOperation call, StorageEvidence storage)
    {
        switch (call.TargetMethod.Name)
        {
            case "Clear":
                storage.Writes.Add(new InitEvidence(EvidenceKind.ZeroFill, call.Syntax.GetLocation()));
                return;
            case "Fill":
                AddFill(call, storage, call.Syntax.GetLocation());
                return;
            case "CopyTo" or "TryCopyTo" or "ToArray" or "IndexOf" or "SequenceEqual":
                return;
            default:
                storage.Writes.Add(new InitEvidence(EvidenceKind.Escape, call.Syntax.GetLocation()));
                return;
        }
    }

    /// <summary><c>Array.Fill(w, value)</c> or a span's <c>s.Fill(value)</c>: a zero or constant fill, or values.</summary>
    private static void AddFill(IInvocationOperation fill, StorageEvidence storage, Location location)
    {
        var value = fill.Arguments.Length > 0 ? fill.Arguments[fill.Arguments.Length - 1].Value : null;
        if (fill.Arguments.Length == (fill.Instance is null ? 2 : 1) && value is not null && TryGetNumber(value, out var constant))
        {
            storage.Writes.Add(constant == 0
                ? new InitEvidence(EvidenceKind.ZeroFill, location)
                : new InitEvidence(EvidenceKind.ConstantFill, location, constant));
            return;
        }

        storage.Writes.Add(new InitEvidence(EvidenceKind.ValueWrite, location));
    }

    private static void ClassifyElement(IOperation element, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember, int leadingIndices)
    {
        var use = element.WalkUpConversions();
        switch (use.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == use:
                if (!ClassifyElementValue(element, assignment, storage, field) && (!IsTrainingStep(containingMember) || RandomSources.ContainsRandomDraw(assignment.Value)))
                {
                    // w[i] = f(w[i]) outside training (a normalization, a mutation): the values may change in any way.
                    storage.Writes.Add(new InitEvidence(EvidenceKind.ValueWrite, assignment.Syntax.GetLocation(), evolution: IsEvolutionStep(containingMember)));
                }

                // w[i] = w[i] - rate * gradient in a training step keeps symmetric weights symmetric.
                storage.Trained |= IsTrainingStep(containingMember);
                return;
            case ICompoundAssignmentOperation compound when compound.Target == use:
                if (!IsTrainingStep(containingMember) || RandomSources.ContainsRandomDraw(compound.Value))
                {
                    // Sums built with += outside training (counts, Hebbian outer products, assembled matrices) are values, not zeros.
                    storage.Writes.Add(new InitEvidence(EvidenceKind.ValueWrite, compound.Syntax.GetLocation(), evolution: IsEvolutionStep(containingMember)));
                }

                storage.Trained |= IsTrainingStep(containingMember);
                return;
            case IIncrementOrDecrementOperation increment:
                if (!IsTrainingStep(containingMember))
                {
                    storage.Writes.Add(new InitEvidence(EvidenceKind.ValueWrite, increment.Syntax.GetLocation()));
                }

                return;
            default:
                if (!IsPlainRead(use))
                {
                    // A ref local, a ref return, a pointer, a tuple target: a write the analyzer cannot follow.
                    storage.Writes.Add(new InitEvidence(EvidenceKind.Escape, use.Syntax.GetLocation()));
                }
                else if (WeightedSumMatcher.Match(element, field, containingMember, leadingIndices) is { } weightedSum)
                {
                    storage.WeightedSums.Add(weightedSum);
                }

                return;
        }
    }

    /// <summary>
    /// <c>w[i, j] = value</c> where the value does not read the weights: a zero, a constant over the whole array, or new values
    /// (a random draw, when recognized). False when the value reads the weights (an update), which the caller judges.
    /// </summary>
    internal static bool ClassifyElementValue(IOperation element, ISimpleAssignmentOperation assignment, StorageEvidence storage, IFieldSymbol field, ParameterValues? parameters = null)
    {
        var location = assignment.Syntax.GetLocation();
        if (ParameterValues.Linear(assignment.Value, parameters) is { } constant)
        {
            // A constant through the loop variables covers the array; w[i, i] = 1 or w[0, j] = c is structure (an identity, a border).
            storage.Writes.Add(constant == 0
                ? new InitEvidence(EvidenceKind.ZeroFill, location)
                : SubscriptsAreDistinctLoopVariables(element)
                    ? new InitEvidence(EvidenceKind.ConstantFill, location, constant)
                    : new InitEvidence(EvidenceKind.ValueWrite, location));
            return true;
        }

        if (!ReadsArray(assignment.Value, field))
        {
            var draw = RandomDrawRecognizer.Recognize(assignment.Value, parameters);
            storage.Writes.Add(draw?.Zeroing is { } zeroing
                ? new InitEvidence(EvidenceKind.ZeroFill, location, zeroing: zeroing)
                : new InitEvidence(EvidenceKind.ValueWrite, location, draw: draw));
            return true;
        }

        return false;
    }

    /// <summary>The value reads the array itself, by its field or a local alias of it: <c>row[i] - rate * g[i]</c> is an update.</summary>
    private static bool ReadsArray(IOperation value, IFieldSymbol field) =>
        value.References(field) || value.ReadsThroughAlias(field) || field.AssociatedSymbol is { } property && value.ReadsThroughAlias(property);

    /// <summary>Uses of a number that cannot write it back.</summary>
    internal static bool IsPlainRead(IOperation use) => use.Parent switch
    {
        IBinaryOperation or IConditionalOperation or IInterpolationOperation or IExpressionStatementOperation or IIsPatternOperation => true,
        IUnaryOperation => true,
        IArgumentOperation argument => argument.Parameter?.RefKind is null or RefKind.None or RefKind.In,
        ISimpleAssignmentOperation assignment => assignment.Value == use && !assignment.IsRef,
        ICompoundAssignmentOperation compound => compound.Value == use,
        IReturnOperation => !ReturnsByReference(use),
        IVariableInitializerOperation initializer => initializer.Parent is IVariableDeclaratorOperation { Symbol.RefKind: RefKind.None },
        IInvocationOperation invocation => invocation.Instance == use,
        IArrayElementReferenceOperation index => index.ArrayReference != use,
        IPropertyReferenceOperation or IFieldReferenceOperation => true,
        _ => false,
    };

    private static bool ReturnsByReference(IOperation use) =>
        use.SemanticModel?.GetEnclosingSymbol(use.Syntax.SpanStart) is IMethodSymbol { ReturnsByRef: true } or IMethodSymbol { ReturnsByRefReadonly: true };

    /// <summary>A training step by its name: backpropagation, an optimizer step, a weight update.</summary>
    internal static bool IsTrainingStep(ISymbol member) => WeightedSumMatcher.NameSaysTraining(member.Name);

    /// <summary>A step of a genetic algorithm by its name (a mutation, a crossover): it changes weights that already exist.</summary>
    internal static bool IsEvolutionStep(ISymbol member) => WeightedSumMatcher.NameSaysEvolution(member.Name);

    /// <summary>A row of a jagged array: <c>w[i] = new double[n]</c> allocates zeros; anything else may write.</summary>
    private static void ClassifyRow(IOperation row, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember, int leadingIndices)
    {
        var use = row.WalkUpConversions();
        switch (use.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == use:
                ClassifyAssignedValue(assignment.Value, storage, field, containingMember);
                return;
            case IArgumentOperation argument:
                ClassifyArgument(argument, storage, containingMember, leadingIndices);
                return;
            case IPropertyReferenceOperation:
                return;
            case IInvocationOperation invocation when invocation.Instance == use && invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_Array:
                return;
            default:
                if (!TryFollowAlias(use, storage, field, containingMember))
                {
                    storage.Writes.Add(new InitEvidence(EvidenceKind.Escape, use.Syntax.GetLocation()));
                }

                return;
        }
    }

    private static bool SubscriptsAreDistinctLoopVariables(IOperation element)
    {
        var seen = new System.Collections.Generic.HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var current = element;
        while (current.Indexed() is { } indexed)
        {
            foreach (var index in current.Subscripts())
            {
                if (index.WalkDownConversions() is not ILocalReferenceOperation { Local: var local } || !seen.Add(local) || !IsForLoopVariable(local))
                {
                    return false;
                }
            }

            current = indexed.WalkDownConversions();
        }

        return true;
    }

    private static bool IsForLoopVariable(ILocalSymbol local) =>
        local.DeclaringSyntaxReferences.Length == 1
        && local.DeclaringSyntaxReferences[0].GetSyntax().Parent?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ForStatementSyntax;

    private static bool TryGetNumber(IOperation value, out double number)
    {
        var constant = value.NumericConstant();
        number = constant ?? 0;
        return constant.HasValue;
    }

}
