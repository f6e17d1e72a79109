using InitAnalyzers.Recognizers.Arrays;
using InitAnalyzers.Recognizers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.MathNet;

/// <summary>
/// Reads one reference to a matrix field and says what it does to the values the matrix holds: a factory that
/// allocates or draws it, a fill, an in-place update, a hand-off to code that may write it, or a read (possibly a
/// layer's product). MathNet matrices are mutable references, so anything not understood counts as a hand-off.
/// </summary>
internal static class MatrixUseClassifier
{
    public static void Classify(IOperation reference, MatrixStorage storage, ISymbol containingMember, MathNetTypes types)
    {
        if (MatrixProducts.Match(reference, storage.Shape, types) is { } match)
        {
            var product = new MatrixProduct(match.Product.Syntax, MatrixProducts.Storage(match.Partner)?.OriginalDefinition, MatrixProducts.InputsOf(match.Partner), match.FanInIndex, IsTrainingStep(containingMember), containingMember.Name);
            if (!product.InBackwardPass)
            {
                MatrixDataFlow.Follow(product, match.Product, containingMember, types);
            }

            storage.Products.Add(product);
            return;
        }

        var use = reference.WalkUpConversions();
        var location = use.Syntax.GetLocation();
        switch (use.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == use:
                if (assignment.Value.References(storage.Field) || assignment.Value.References(storage.Member))
                {
                    Update(storage, containingMember, assignment.Value, assignment.Syntax.GetLocation()); // W = W - rate * gradient
                }
                else
                {
                    ClassifyAssignedValue(assignment.Value, storage, types);
                }

                return;
            case ICoalesceAssignmentOperation coalesce when coalesce.Target == use:
                ClassifyAssignedValue(coalesce.Value, storage, types);
                return;
            case ICompoundAssignmentOperation compound when compound.Target == use:
                Update(storage, containingMember, compound.Value, compound.Syntax.GetLocation());
                return;
            case IInvocationOperation call when call.Instance == use:
                ClassifyInstanceCall(call, storage, containingMember);
                return;
            case IArgumentOperation argument:
                ClassifyArgument(argument, storage, containingMember);
                return;
            case IPropertyReferenceOperation { Property.IsIndexer: true } element when element.Instance == use:
                ClassifyElement(element, storage, containingMember);
                return;
            case IPropertyReferenceOperation { Property.Name: "RowCount" or "ColumnCount" or "Count" }:
                return;
            case IBinaryOperation or IInterpolationOperation or IExpressionStatementOperation or INameOfOperation or IIsPatternOperation or IIsTypeOperation:
                return; // W + b, W == null, $"{W}"
            default:
                storage.Writes.Add(new MatrixWrite(MatrixWriteKind.Escape, location)); // an alias, a returned reference, Storage, a ref
                return;
        }
    }

    /// <summary>A value assigned to the whole field: its initializer or <c>W = ...</c>.</summary>
    public static void ClassifyAssignedValue(IOperation value, MatrixStorage storage, MathNetTypes types)
    {
        if (MatrixValues.Classify(value, types) is { } write)
        {
            storage.Writes.Add(write);
        }
    }

    private static void ClassifyInstanceCall(IInvocationOperation call, MatrixStorage storage, ISymbol containingMember)
    {
        var method = call.TargetMethod;
        var location = call.Syntax.GetLocation();
        if (!MathNetTypes.IsMathNetMethod(method) || method.Name.StartsWith("As", System.StringComparison.Ordinal))
        {
            storage.Writes.Add(new MatrixWrite(MatrixWriteKind.Escape, location)); // an extension method of the user's, or AsArray(): the storage itself
            return;
        }

        if (method.Name == "Clear" && call.Arguments.Length == 0)
        {
            storage.Writes.Add(new MatrixWrite(MatrixWriteKind.ZeroFill, location));
            return;
        }

        // A void MathNet method without an output argument changes the matrix itself: SetSubMatrix, MapInplace, At(i, j, v), ClearRow.
        if (method.ReturnsVoid && !HasOutputParameter(method))
        {
            Update(storage, containingMember, call, location);
        }
    }

    private static void ClassifyArgument(IArgumentOperation argument, MatrixStorage storage, ISymbol containingMember)
    {
        var location = argument.Syntax.GetLocation();
        if (argument.Parameter?.RefKind is not (RefKind.Ref or RefKind.Out) && argument.Parent is IInvocationOperation printed && IsDisplay(printed.TargetMethod, argument.Parameter))
        {
            return; // Console.WriteLine(W), string.Format("{0}", W): shown, not changed
        }

        if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out || argument.Parent is not IInvocationOperation call || !MathNetTypes.IsMathNetMethod(call.TargetMethod))
        {
            storage.Writes.Add(new MatrixWrite(MatrixWriteKind.Escape, location)); // a helper of the user's may fill it
            return;
        }

        if (IsOutputParameter(argument.Parameter))
        {
            Update(storage, containingMember, call, call.Syntax.GetLocation()); // W.Subtract(step, W), source.CopyTo(W)
        }
    }

    private static void ClassifyElement(IPropertyReferenceOperation element, MatrixStorage storage, ISymbol containingMember)
    {
        var use = element.WalkUpConversions();
        switch (use.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == use:
                var location = assignment.Syntax.GetLocation();
                if (assignment.Value.References(storage.Field) || assignment.Value.References(storage.Member))
                {
                    Update(storage, containingMember, assignment.Value, location);
                }
                else if (assignment.Value.NumericConstant() is { } constant)
                {
                    // A zero through the loops covers the matrix; one non-zero element is structure (an identity, a border).
                    storage.Writes.Add(new MatrixWrite(constant == 0 ? MatrixWriteKind.ZeroFill : MatrixWriteKind.ValueWrite, location));
                }
                else
                {
                    storage.Writes.Add(new MatrixWrite(MatrixWriteKind.ValueWrite, location, draw: RandomDrawRecognizer.Recognize(assignment.Value), random: RandomSources.ContainsRandomDraw(assignment.Value)));
                }

                return;
            case ICompoundAssignmentOperation compound when compound.Target == use:
                Update(storage, containingMember, compound.Value, compound.Syntax.GetLocation());
                return;
            case IIncrementOrDecrementOperation increment:
                Update(storage, containingMember, increment, increment.Syntax.GetLocation());
                return;
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                storage.Writes.Add(new MatrixWrite(MatrixWriteKind.Escape, use.Syntax.GetLocation()));
                return;
        }
    }

    /// <summary>
    /// A change of the values from their own: a training step keeps equal weights equal (and says the matrix is trained);
    /// anywhere else (a normalization, a mutation, a load) the values may change in any way.
    /// </summary>
    private static void Update(MatrixStorage storage, ISymbol containingMember, IOperation change, Location location)
    {
        var training = IsTrainingStep(containingMember);
        if (!training || RandomSources.ContainsRandomDraw(change))
        {
            storage.Writes.Add(new MatrixWrite(MatrixWriteKind.ValueWrite, location));
        }

        storage.Trained |= training;
    }

    /// <summary>A method that only shows its argument: <c>Console</c>, <c>Debug</c>, <c>Trace</c> and <c>string</c> methods taking an <c>object</c>.</summary>
    private static bool IsDisplay(IMethodSymbol method, IParameterSymbol? parameter) =>
        parameter?.OriginalDefinition.Type.SpecialType == SpecialType.System_Object
        && (method.ContainingType is { SpecialType: SpecialType.System_String }
            || method.ContainingType is { Name: "Console", ContainingNamespace.Name: "System" }
            || method.ContainingType is { Name: "Debug" or "Trace", ContainingNamespace: { Name: "Diagnostics", ContainingNamespace.Name: "System" } });

    private static bool HasOutputParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsOutputParameter(parameter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>MathNet names the matrix a method writes <c>result</c>, <c>target</c> or <c>destination</c>.</summary>
    private static bool IsOutputParameter(IParameterSymbol? parameter) => parameter?.Name is "result" or "target" or "destination";

    private static bool IsTrainingStep(ISymbol member) => WeightedSumMatcher.NameSaysTraining(member.Name);
}
