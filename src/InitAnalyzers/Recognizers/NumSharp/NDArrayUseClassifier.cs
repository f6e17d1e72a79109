using System;
using System.Collections.Immutable;
using InitAnalyzers.Recognizers.Arrays;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.NumSharp;

/// <summary>
/// Reads one reference to an <c>NDArray</c> member and says what it does to the values the member holds: a new array
/// assigned (zeros, a constant, a draw, other values), a training update, a factor of a product, a plain read, or a
/// hand-off to code that may write it. Anything it does not understand counts as a hand-off, so unknown code keeps the analyzer silent.
/// </summary>
internal static class NDArrayUseClassifier
{
    /// <summary>Instance methods of <c>NDArray</c> that read the values (or make a new array from them) and never write them.</summary>
    private static readonly ImmutableHashSet<string> ReadingMethods = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "dot", "astype", "copy", "Clone", "reshape", "transpose", "flatten", "ravel", "ToString", "GetHashCode", "Equals", "GetType",
        "sum", "mean", "max", "min", "amax", "amin", "argmax", "argmin", "std", "var", "prod", "cumsum", "all", "any", "ToArray",
        "ToMuliDimArray", "ToJaggedArray", "GetDouble", "GetSingle", "GetValue", "GetAtIndex", "item", "tolist", "save", "tofile", "Save");

    /// <summary><c>np</c> functions that write into one of their arguments.</summary>
    private static readonly ImmutableHashSet<string> WritingFunctions = ImmutableHashSet.Create(
        StringComparer.Ordinal, "copyto", "put", "place", "putmask", "fill_diagonal", "shuffle", "seed");

    public static void Classify(IOperation reference, NDArrayEvidence evidence, ISymbol containingMember, NumSharpTypes types)
    {
        var use = reference.WalkUpConversions();
        var training = WeightedSumMatcher.NameSaysTraining(containingMember.Name);
        switch (use.Parent)
        {
            case IAssignmentOperation assignment when assignment.Target == use:
                ClassifyAssignment(assignment, evidence, training, types);
                return;
            case IArgumentOperation argument:
                ClassifyArgument(argument, reference, evidence, containingMember, types);
                return;
            case IInvocationOperation invocation when invocation.Instance == use:
                if (types.IsNDArrayMethod(invocation.TargetMethod) && ReadingMethods.Contains(invocation.TargetMethod.Name))
                {
                    AddProduct(reference, evidence, containingMember, types);
                    return;
                }

                evidence.Writes.Add(new NDArrayWrite(NDArrayWriteKind.Escape, use.Syntax.GetLocation()));
                return;
            case IPropertyReferenceOperation { Property.IsIndexer: true } element when element.Instance == use:
                ClassifyElement(element, evidence, training);
                return;
            case IPropertyReferenceOperation property when property.Instance == use:
                AddProduct(reference, evidence, containingMember, types); // W.T, W.shape, W.size
                return;
            case IBinaryOperation or IUnaryOperation or IExpressionStatementOperation or IInterpolationOperation or IIsPatternOperation or IIsTypeOperation:
                return; // W * 2, W == null, $"{W}": reads
            case IConditionalAccessOperation conditional when conditional.Operation == use && conditional.WhenNotNull is IPropertyReferenceOperation { Property.IsIndexer: false }:
                return; // W?.shape
            default:
                // An alias (var w = W), a return, a ref, a tuple, a collection: code the analyzer cannot follow may write it.
                evidence.Writes.Add(new NDArrayWrite(NDArrayWriteKind.Escape, use.Syntax.GetLocation()));
                return;
        }
    }

    /// <summary>A value assigned to the whole member in a field or property initializer.</summary>
    public static void ClassifyInitializer(IOperation value, NDArrayEvidence evidence, NumSharpTypes types) => AddValue(value, evidence, types);

    private static void ClassifyAssignment(IAssignmentOperation assignment, NDArrayEvidence evidence, bool training, NumSharpTypes types)
    {
        var updatesItself = assignment.Value.References(evidence.Field) || evidence.Field.AssociatedSymbol is { } property && assignment.Value.References(property);
        if (assignment is ICompoundAssignmentOperation || updatesItself)
        {
            // W -= rate * dW in a training step keeps equal weights equal; the same outside training (a decay, a mutation, a copy
            // from another network) may change the values in any way.
            if (training && !NDArrayValueContainsDraw(assignment.Value, types))
            {
                evidence.Trained = true;
                return;
            }

            evidence.Writes.Add(new NDArrayWrite(NDArrayWriteKind.Values, assignment.Syntax.GetLocation()));
            return;
        }

        if (assignment is not ISimpleAssignmentOperation and not ICoalesceAssignmentOperation)
        {
            evidence.Writes.Add(new NDArrayWrite(NDArrayWriteKind.Escape, assignment.Syntax.GetLocation()));
            return;
        }

        AddValue(assignment.Value, evidence, types);
    }

    private static void AddValue(IOperation value, NDArrayEvidence evidence, NumSharpTypes types)
    {
        var read = NDArrayValueReader.Read(value, types);
        if (read.IsNothing)
        {
            return; // null: the array does not exist yet
        }

        var location = value.Syntax.GetLocation();
        var rank = read.Factory is { } factory && NDArrayValueReader.Dimensions(factory) is { IsDefault: false } dimensions ? dimensions.Length : (int?)null;
        evidence.Writes.Add(new NDArrayWrite(read.Kind, location, read.Constant, read.Draw, rank));
    }

    private static void ClassifyArgument(IArgumentOperation argument, IOperation reference, NDArrayEvidence evidence, ISymbol containingMember, NumSharpTypes types)
    {
        var location = argument.Syntax.GetLocation();
        if (argument.Parameter is not { RefKind: RefKind.None or RefKind.In } parameter || argument.Parent is not IInvocationOperation invocation)
        {
            evidence.Writes.Add(new NDArrayWrite(NDArrayWriteKind.Escape, location));
            return;
        }

        var method = invocation.TargetMethod;
        if (types.IsNp(method) || types.IsRandom(method))
        {
            if (WritingFunctions.Contains(method.Name) || parameter.Name is "out" or "dst")
            {
                evidence.Writes.Add(new NDArrayWrite(NDArrayWriteKind.Values, location));
                return;
            }

            AddProduct(reference, evidence, containingMember, types);
            return;
        }

        if (types.IsNDArrayMethod(method) && method.Name == "dot")
        {
            AddProduct(reference, evidence, containingMember, types);
            return;
        }

        if (method.ContainingNamespace?.ToDisplayString() is "System" or "System.Diagnostics" or "System.IO")
        {
            return; // Console.WriteLine(W), string.Format: they cannot reach the values
        }

        evidence.Writes.Add(new NDArrayWrite(NDArrayWriteKind.Escape, location));
    }

    /// <summary><c>W[i, j] = v</c>, <c>W[":, 0"] = v</c>: some values change, in ways not followed; in a training step, an update.</summary>
    private static void ClassifyElement(IPropertyReferenceOperation element, NDArrayEvidence evidence, bool training)
    {
        var use = element.WalkUpConversions();
        if (use.Parent is IAssignmentOperation assignment && assignment.Target == use || use.Parent is IIncrementOrDecrementOperation)
        {
            if (training)
            {
                evidence.Trained = true;
                return;
            }

            evidence.Writes.Add(new NDArrayWrite(NDArrayWriteKind.Values, use.Parent.Syntax.GetLocation()));
        }
    }

    private static void AddProduct(IOperation reference, NDArrayEvidence evidence, ISymbol containingMember, NumSharpTypes types)
    {
        if (NDArrayProducts.Match(reference, evidence, containingMember, types) is { } product)
        {
            evidence.Products.Add(product);
        }
    }

    private static bool NDArrayValueContainsDraw(IOperation value, NumSharpTypes types)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation invocation && (types.IsRandom(invocation.TargetMethod) || RandomSources.IsRandomDraw(invocation.TargetMethod)))
            {
                return true;
            }
        }

        return false;
    }
}
