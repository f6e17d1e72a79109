using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.MathNet;

/// <summary>Which MathNet idiom creates a matrix or vector, so that a fix can answer in the same one.</summary>
internal enum FactoryIdiom
{
    /// <summary><c>Matrix&lt;double&gt;.Build.Dense(...)</c>, <c>.Random(...)</c>, or any <c>MatrixBuilder</c>/<c>VectorBuilder</c> receiver.</summary>
    Builder,

    /// <summary><c>CreateMatrix.Dense&lt;double&gt;(...)</c>, <c>CreateVector.Random&lt;float&gt;(...)</c>.</summary>
    CreateClass,

    /// <summary><c>DenseMatrix.Create(...)</c>, <c>DenseMatrix.CreateRandom(...)</c>, <c>new DenseMatrix(r, c)</c>.</summary>
    DenseType,
}

/// <summary>What a factory fills the new matrix with.</summary>
internal enum FactoryContent
{
    /// <summary>Zeros: <c>Dense(r, c)</c>, <c>new DenseMatrix(r, c)</c>.</summary>
    Zeros,

    /// <summary>One value: <c>Dense(r, c, value)</c>.</summary>
    Value,

    /// <summary>A function of the indices: <c>Dense(r, c, (i, j) =&gt; ...)</c>.</summary>
    Function,

    /// <summary>Draws from a distribution: <c>Random(r, c, distribution)</c>.</summary>
    Distribution,

    /// <summary>N(0, 1) from MathNet's default source: <c>Random(r, c)</c>.</summary>
    StandardNormal,

    /// <summary>N(0, 1) from a seeded source: <c>Random(r, c, seed)</c>.</summary>
    SeededStandardNormal,
}

/// <summary>
/// A call that creates a MathNet matrix or vector of a known size and content, as the user wrote it:
/// <c>Build.Dense(r, c)</c>, <c>Build.Dense(r, c, v)</c>, <c>Build.Dense(r, c, (i, j) =&gt; ...)</c>, <c>Build.Random(r, c[, distribution | seed])</c>,
/// their <c>CreateMatrix</c>/<c>CreateVector</c> and <c>DenseMatrix</c>/<c>DenseVector</c> counterparts, <c>new DenseMatrix(r, c)</c>.
/// </summary>
internal sealed class MathNetFactory
{
    private MathNetFactory(IOperation creation, FactoryIdiom idiom, FactoryContent content, TensorShape shape, IOperation rows, IOperation? columns, IOperation? argument)
    {
        Creation = creation;
        Idiom = idiom;
        Content = content;
        Shape = shape;
        Rows = rows;
        Columns = columns;
        Argument = argument;
    }

    public IOperation Creation { get; }

    public FactoryIdiom Idiom { get; }

    public FactoryContent Content { get; }

    public TensorShape Shape { get; }

    /// <summary>The row count of a matrix (its order for a square <c>new DenseMatrix(n)</c>), the length of a vector.</summary>
    public IOperation Rows { get; }

    /// <summary>The column count of a matrix; null for a vector.</summary>
    public IOperation? Columns { get; }

    /// <summary>The value, function, distribution or seed argument.</summary>
    public IOperation? Argument { get; }

    public static MathNetFactory? Read(IOperation value, MathNetTypes types)
    {
        switch (value.WalkDownConversions())
        {
            case IObjectCreationOperation { Constructor: { } constructor } creation when MathNetTypes.IsDenseStorageType(constructor.ContainingType):
                return FromArguments(creation, FactoryIdiom.DenseType, constructor.ContainingType, constructor.Parameters, creation.Arguments, random: false, types);
            case IInvocationOperation { TargetMethod: { } method } invocation when types.ShapeOf(method.ReturnType) is not null:
                var owner = method.ContainingType;
                if (types.IsBuilder(owner) && method.Name is "Dense" or "Random")
                {
                    return FromArguments(invocation, FactoryIdiom.Builder, owner, method.Parameters, invocation.Arguments, method.Name == "Random", types);
                }

                if (types.IsCreateClass(owner) && method.Name is "Dense" or "Random")
                {
                    return FromArguments(invocation, FactoryIdiom.CreateClass, owner, method.Parameters, invocation.Arguments, method.Name == "Random", types);
                }

                if (MathNetTypes.IsDenseStorageType(owner) && method.IsStatic && method.Name is "Create" or "CreateRandom")
                {
                    return FromArguments(invocation, FactoryIdiom.DenseType, owner, method.Parameters, invocation.Arguments, method.Name == "CreateRandom", types);
                }

                return null;
            default:
                return null;
        }
    }

    private static MathNetFactory? FromArguments(IOperation creation, FactoryIdiom idiom, INamedTypeSymbol owner, IEnumerable<IParameterSymbol> parameters, IEnumerable<IArgumentOperation> arguments, bool random, MathNetTypes types)
    {
        if (types.WeightShapeOf(creation.Type) is not { } shape)
        {
            return null;
        }

        var ordered = parameters.Select(parameter => arguments.FirstOrDefault(argument => SymbolEqualityComparer.Default.Equals(argument.Parameter?.OriginalDefinition, parameter.OriginalDefinition))).ToList();
        if (ordered.Any(argument => argument is null || argument.ArgumentKind == ArgumentKind.ParamArray))
        {
            return null;
        }

        var sizes = ordered.TakeWhile(argument => argument!.Parameter!.Type.SpecialType == SpecialType.System_Int32 && argument.Parameter.Name is "rows" or "columns" or "order" or "size" or "length").ToList();
        var dimensions = shape.IsVector ? 1 : 2;
        if (sizes.Count != dimensions && !(sizes.Count == 1 && sizes[0]!.Parameter!.Name == "order"))
        {
            return null;
        }

        var rest = ordered.Skip(sizes.Count).ToList();
        if (rest.Count > 1)
        {
            return null;
        }

        var rows = sizes[0]!.Value;
        var columns = shape.IsVector ? null : sizes.Count == 2 ? sizes[1]!.Value : rows;
        var argument = rest.Count == 1 ? rest[0]!.Value : null;
        FactoryContent? content = argument is null
            ? random ? FactoryContent.StandardNormal : FactoryContent.Zeros
            : rest[0]!.Parameter!.Type switch
            {
                { SpecialType: SpecialType.System_Int32 } when random => FactoryContent.SeededStandardNormal,
                var type when random && SymbolEqualityComparer.Default.Equals(type, types.ContinuousDistribution) => FactoryContent.Distribution,
                INamedTypeSymbol { TypeKind: TypeKind.Delegate } when !random => FactoryContent.Function,
                var type when !random && SymbolEqualityComparer.Default.Equals(type, shape.Element) => FactoryContent.Value,
                _ => null,
            };
        return content is { } known ? new MathNetFactory(creation, idiom, known, shape, rows, columns, argument) : null;
    }
}
