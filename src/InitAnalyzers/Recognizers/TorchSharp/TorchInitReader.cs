using System;
using System.Collections.Immutable;
using System.Linq;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.TorchSharp;

/// <summary>
/// Reads what a TorchSharp initialization writes into a tensor: a <c>torch.nn.init</c> call, an in-place method
/// (<c>zero_()</c>, <c>fill_(v)</c>, <c>uniform_(a, b)</c>, <c>normal_(m, s)</c>), or the factory a parameter is made from
/// (<c>torch.zeros</c>, <c>ones</c>, <c>full</c>, <c>rand</c>, <c>randn</c>, <c>empty</c>, scaled by constants). Arguments are read
/// by parameter name, so positional and named arguments are alike; numbers are folded (<c>var initrange = 0.1;</c>).
/// </summary>
internal sealed class TorchInitReader
{
    /// <summary>PyTorch's default <c>a</c> for Linear and Conv layers: kaiming_uniform_(w, a: sqrt(5)), i.e. U(-1/sqrt(fan_in), 1/sqrt(fan_in)).</summary>
    private static readonly double DefaultSlope = Math.Sqrt(5);

    private readonly TorchSharpTypes types;

    public TorchInitReader(TorchSharpTypes types) => this.types = types;

    /// <summary>A <c>torch.nn.init</c> call or an in-place initializer on a tensor: the tensor it writes, and what it writes.</summary>
    public (IOperation Target, Initialization Init)? ReadWrite(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (types.IsInit(method.ContainingType))
        {
            var target = Argument(call, "tensor") ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
            return target is null || !method.Name.EndsWith("_", StringComparison.Ordinal) ? null : (target, ReadInitCall(call));
        }

        if (call.Instance is { } instance && !method.IsStatic && types.IsTensor(method.ContainingType) && method.Name.EndsWith("_", StringComparison.Ordinal) && IsValueWrite(method.Name))
        {
            return (instance, ReadInPlace(call, instance));
        }

        return null;
    }

    /// <summary>In-place methods that change a tensor's values (not <c>requires_grad_</c>, which changes a flag).</summary>
    private static bool IsValueWrite(string name) => name is not ("requires_grad_" or "retain_grad_" or "share_memory_" or "names_");

    /// <summary>What a <c>torch.nn.init</c> call writes.</summary>
    public Initialization ReadInitCall(IInvocationOperation call)
    {
        var location = ImmutableArray.Create(call.Syntax.GetLocation());
        switch (call.TargetMethod.Name)
        {
            case "zeros_":
                return new Initialization(InitKind.Zero, location);
            case "ones_":
                return new Initialization(InitKind.Constant, location, constant: 1);
            case "constant_":
                return Constant(NumberFolder.Fold(Argument(call, "val")), location);
            case "uniform_":
                return Draw(InitKind.Uniform, Argument(call, "low"), 0, Argument(call, "high"), 1, location);
            case "normal_":
                return Draw(InitKind.Normal, Argument(call, "mean"), 0, Argument(call, "std"), 1, location);
            case "trunc_normal_":
                return Draw(InitKind.Normal, Argument(call, "mean"), 0, Argument(call, "std"), 1, location);
            case "kaiming_uniform_" or "kaiming_normal_":
                return Kaiming(call, location);
            case "xavier_uniform_" or "glorot_uniform_" or "xavier_normal_" or "glorot_normal_":
                // TorchSharp's xavier_normal_ calls the native uniform routine (Init.cs): the values are uniform whatever the name.
                return new Initialization(InitKind.Scheme, location, scheme: new SchemeDraw(SchemeFamily.Xavier, InitKind.Uniform, GainFor(Argument(call, "gain"), out var slope), slope));
            case "orthogonal_":
                return new Initialization(InitKind.Orthogonal, location);
            default:
                return new Initialization(InitKind.Unknown, location); // eye_, dirac_, sparse_: deliberate structures
        }
    }

    private Initialization ReadInPlace(IInvocationOperation call, IOperation instance)
    {
        var location = ImmutableArray.Create(call.Syntax.GetLocation());
        return call.TargetMethod.Name switch
        {
            "zero_" => new Initialization(InitKind.Zero, location),
            "fill_" => Constant(NumberFolder.Fold(call.Arguments.FirstOrDefault()?.Value), location),
            "uniform_" => Draw(InitKind.Uniform, Argument(call, "from"), null, Argument(call, "to"), null, location),
            "normal_" => Draw(InitKind.Normal, Argument(call, "mean"), 0, Argument(call, "std"), 1, location),
            _ => new Initialization(InitKind.Unknown, location),
        };
    }

    /// <summary>
    /// The values a tensor expression holds when a parameter is made from it: <c>torch.zeros(a, b)</c>, <c>torch.randn(a, b) * 0.01</c>,
    /// <c>torch.empty(a, b)</c> (never written), an init call or an in-place initializer applied to a fresh tensor, through
    /// <c>Parameter(...)</c>, <c>AsParameter()</c>, <c>to(device)</c> and <c>requires_grad_()</c>. Also returns the number of dimensions
    /// it is made with, where the sizes are written out.
    /// </summary>
    public (Initialization Init, int? Rank) ReadCreation(IOperation value, int depth = 3)
    {
        var unknown = (Initialization.Unknown, (int?)null);
        value = value.WalkDownConversions();
        switch (value)
        {
            case IInvocationOperation call:
                return ReadCreationCall(call, depth);
            case IObjectCreationOperation creation when types.IsParameter(creation.Type) && creation.Arguments.Length > 0:
                return ReadCreation(creation.Arguments[0].Value, depth);
            case ILocalReferenceOperation local when depth > 0 && BodyIndex.Of(local).SingleValue(local.Local) is { } assigned:
                var created = ReadCreation(assigned, depth - 1);
                return LocalWrite(local) is { } written ? (written, created.Rank) : created;
            case IBinaryOperation binary:
                return ReadArithmetic(binary, depth);
            case IParenthesizedOperation parenthesized:
                return ReadCreation(parenthesized.Operand, depth);
            default:
                return unknown;
        }
    }

    /// <summary>
    /// What happens to a local tensor between its creation and its use as a parameter (<c>var w = torch.empty(n); w.fill_(v);</c>):
    /// the one initializer written into it, unknown when several are or when it is handed to other code; null when nothing writes it.
    /// </summary>
    private Initialization? LocalWrite(ILocalReferenceOperation local)
    {
        Initialization? found = null;
        var writes = 0;
        foreach (var reference in BodyIndex.Of(local).References(local.Local))
        {
            var parent = reference.WalkUpConversions().Parent;
            if (parent is IInvocationOperation { Instance: { } instance } inPlace && instance.WalkDownConversions() == reference && inPlace.TargetMethod.Name.EndsWith("_", StringComparison.Ordinal))
            {
                writes++;
                found = ReadWrite(inPlace)?.Init ?? Initialization.Unknown;
            }
            else if (parent is IArgumentOperation { Parent: IInvocationOperation call } && !(call.TargetMethod.Name is "Parameter" or "AsParameter"))
            {
                writes++;
                found = types.IsInit(call.TargetMethod.ContainingType) ? ReadWrite(call)?.Init ?? Initialization.Unknown : Initialization.Unknown;
            }
        }

        return writes > 1 ? Initialization.Unknown : found;
    }

    private (Initialization Init, int? Rank) ReadCreationCall(IInvocationOperation call, int depth)
    {
        var method = call.TargetMethod;
        var location = ImmutableArray.Create(call.Syntax.GetLocation());
        if (types.IsInit(method.ContainingType) && ReadWrite(call) is { } write)
        {
            return (write.Init, ReadCreation(write.Target, depth).Rank);
        }

        if (method.Name == "AsParameter" && (call.Instance ?? call.Arguments.FirstOrDefault()?.Value) is { } converted)
        {
            return ReadCreation(converted, depth); // an instance method in some versions, an extension in others
        }

        if (!method.IsStatic && call.Instance is { } instance && types.IsTensor(method.ContainingType))
        {
            switch (method.Name)
            {
                case "AsParameter" or "to" or "cuda" or "cpu" or "requires_grad_" or "to_type" or "type" or "contiguous" or "detach" or "clone" or "MoveToOuterDisposeScope" or "DetachFromDisposeScope":
                    return ReadCreation(instance, depth);
                case "zero_" or "fill_" or "uniform_" or "normal_":
                    return (ReadInPlace(call, instance), ReadCreation(instance, depth).Rank);
                case "mul" or "div" or "add" or "sub" when call.Arguments.Length == 1:
                    return Combine(ReadCreation(instance, depth), call.Arguments[0].Value, method.Name, location);
                default:
                    return (Initialization.Unknown, null);
            }
        }

        // nn.Parameter(tensor): a parameter made from the tensor's values.
        if (method.IsStatic && method.Name == "Parameter" && types.IsParameter(method.ReturnType) && call.Arguments.Length > 0)
        {
            return ReadCreation(call.Arguments[0].Value, depth);
        }

        if (!method.IsStatic || !types.IsTorchStatic(method.ContainingType) || !types.IsTensor(method.ReturnType))
        {
            return (Initialization.Unknown, null);
        }

        var rank = Rank(call);
        return method.Name switch
        {
            "zeros" or "zeros_like" => (new Initialization(InitKind.Zero, location), rank),
            "ones" or "ones_like" => (new Initialization(InitKind.Constant, location, constant: 1), rank),
            "full" or "full_like" => (Constant(NumberFolder.Fold(Argument(call, "value")), location), rank),
            "empty" or "empty_like" => (new Initialization(InitKind.Never, location), rank),
            "randn" or "randn_like" => (new Initialization(InitKind.Normal, location, draw: RandomDraw.Normal(0, 1)), rank),
            "rand" or "rand_like" => (new Initialization(InitKind.Uniform, location, draw: RandomDraw.Uniform(0, 1)), rank),
            _ => (Initialization.Unknown, rank),
        };
    }

    /// <summary><c>torch.randn(a, b) * 0.01</c>, <c>(torch.rand(a, b) - 0.5) * 2</c>, <c>torch.randn(a, b) / Math.Sqrt(a)</c>, <c>torch.ones(n) * 0.5</c>.</summary>
    private (Initialization Init, int? Rank) ReadArithmetic(IBinaryOperation binary, int depth)
    {
        var location = ImmutableArray.Create(binary.Syntax.GetLocation());
        var left = types.IsTensor(binary.LeftOperand.Type) ? ReadCreation(binary.LeftOperand, depth) : ((Initialization, int?)?)null;
        var right = types.IsTensor(binary.RightOperand.Type) ? ReadCreation(binary.RightOperand, depth) : ((Initialization, int?)?)null;
        if (left is { } tensorLeft && right is null)
        {
            return Combine(tensorLeft, binary.RightOperand, OperatorName(binary.OperatorKind), location);
        }

        if (right is { } tensorRight && left is null && binary.OperatorKind is BinaryOperatorKind.Multiply or BinaryOperatorKind.Add)
        {
            return Combine(tensorRight, binary.LeftOperand, OperatorName(binary.OperatorKind), location);
        }

        if (right is { } subtracted && left is null && binary.OperatorKind == BinaryOperatorKind.Subtract)
        {
            // c - rand(): the draw mirrored and shifted
            var mirrored = Combine(subtracted, null, "neg", location);
            return Combine(mirrored, binary.LeftOperand, "add", location);
        }

        return (Initialization.Unknown, left?.Item2 ?? right?.Item2);
    }

    private static string OperatorName(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Multiply => "mul",
        BinaryOperatorKind.Divide => "div",
        BinaryOperatorKind.Add => "add",
        BinaryOperatorKind.Subtract => "sub",
        _ => "other",
    };

    /// <summary>A tensor's values combined with a number: draws scale and shift, zeros stay zero, a constant is multiplied.</summary>
    private static (Initialization Init, int? Rank) Combine((Initialization Init, int? Rank) tensor, IOperation? other, string operation, ImmutableArray<Location> location)
    {
        var (init, rank) = tensor;
        var number = other is null ? -1 : NumberFolder.Fold(other);
        if (init.Kind == InitKind.Zero && operation is "mul" or "div")
        {
            return (new Initialization(InitKind.Zero, location), rank);
        }

        if (init.Kind == InitKind.Constant && init.Constant is { } c && number is { } n)
        {
            var value = operation switch { "mul" => c * n, "div" when n != 0 => c / n, "add" => c + n, "sub" => c - n, _ => double.NaN };
            return double.IsNaN(value) ? (Initialization.Unknown, rank) : (Constant(value, location), rank);
        }

        if (init.Draw is not { } draw)
        {
            return (Initialization.Unknown, rank);
        }

        if (number is not { } k)
        {
            // A factor computed from the layer's size (1 / Math.Sqrt(fanIn)): scaled, not judged as unscaled.
            return operation is "mul" or "div" ? (new Initialization(draw.Family, location, draw: draw.WithSizeScale()), rank) : (Initialization.Unknown, rank);
        }

        var result = operation switch
        {
            "mul" => draw.ScaledBy(k),
            "div" when k != 0 => draw.ScaledBy(1 / k),
            "add" => draw.ShiftedBy(k),
            "sub" => draw.ShiftedBy(-k),
            "neg" => draw.ScaledBy(-1),
            _ => null,
        };
        return result is null ? (Initialization.Unknown, rank) : (new Initialization(result.Family, location, draw: result), rank);
    }

    private Initialization Kaiming(IInvocationOperation call, ImmutableArray<Location> location)
    {
        var distribution = call.TargetMethod.Name == "kaiming_uniform_" ? InitKind.Uniform : InitKind.Normal;
        var slopeArgument = Argument(call, "a");
        var slope = slopeArgument is null ? 0 : NumberFolder.Fold(slopeArgument);
        var mode = EnumValue(Argument(call, "mode")) == 1 ? FanMode.FanOut : FanMode.FanIn;
        var nonlinearityArgument = Argument(call, "nonlinearity");
        var nonlinearity = nonlinearityArgument is null ? NonlinearityLeakyReLU : EnumValue(nonlinearityArgument);
        if (nonlinearity == NonlinearityLeakyReLU && slope is { } a && Math.Abs(a - DefaultSlope) < 1e-6)
        {
            return new Initialization(InitKind.FrameworkDefault, location); // the framework's own default, written out
        }

        var gainFor = Nonlinearity(nonlinearity);
        if (gainFor == ActivationKind.LeakyReLU)
        {
            if (slope is not { } s || s >= 1)
            {
                // An unknown or large slope: a gain of 1 or less whose intent is not clear.
                return new Initialization(InitKind.Scheme, location, scheme: new SchemeDraw(SchemeFamily.He, distribution, ActivationKind.Unknown, mode: mode, gain: slope is { } big ? Math.Sqrt(2 / (1 + (big * big))) : null));
            }

            return new Initialization(InitKind.Scheme, location, scheme: new SchemeDraw(SchemeFamily.He, distribution, s == 0 ? ActivationKind.ReLU : ActivationKind.LeakyReLU, s == 0 ? null : s, mode));
        }

        return new Initialization(InitKind.Scheme, location, scheme: new SchemeDraw(SchemeFamily.He, distribution, gainFor, mode: mode));
    }

    /// <summary><c>NonlinearityType.LeakyReLU</c> in TorchSharp's enum (Init.cs).</summary>
    private const long NonlinearityLeakyReLU = 10;

    /// <summary>TorchSharp's <c>NonlinearityType</c>: Linear 0, Conv1D..ConvTranspose3D 1..6, Sigmoid 7, Tanh 8, ReLU 9, LeakyReLU 10.</summary>
    private static ActivationKind Nonlinearity(long? value) => value switch
    {
        >= 0 and <= 6 => ActivationKind.Linear,
        7 => ActivationKind.Sigmoid,
        8 => ActivationKind.Tanh,
        9 => ActivationKind.ReLU,
        10 => ActivationKind.LeakyReLU,
        _ => ActivationKind.Unknown,
    };

    /// <summary>
    /// The nonlinearity a Xavier gain is computed for: <c>calculate_gain(NonlinearityType.Tanh)</c>, or a number that matches a
    /// known gain (1, sqrt(2), 5/3); the default gain 1 is Glorot's own.
    /// </summary>
    private ActivationKind GainFor(IOperation? gain, out double? slope)
    {
        slope = null;
        if (gain is null)
        {
            return ActivationKind.Linear;
        }

        if (gain.WalkDownConversions() is IInvocationOperation { TargetMethod.Name: "calculate_gain" } call && types.IsInit(call.TargetMethod.ContainingType))
        {
            var kind = Nonlinearity(EnumValue(Argument(call, "nonlinearity")));
            if (kind == ActivationKind.LeakyReLU)
            {
                var param = Argument(call, "param");
                slope = param is null ? 0 : NumberFolder.Fold(param);
                if (slope is not { } s || s >= 1)
                {
                    return ActivationKind.Unknown;
                }

                return s == 0 ? ActivationKind.ReLU : ActivationKind.LeakyReLU;
            }

            return kind;
        }

        if (gain.WalkDownConversions() is ILocalReferenceOperation local && BodyIndex.Of(local).SingleValue(local.Local) is { } assigned && assigned != gain)
        {
            return GainFor(assigned, out slope);
        }

        return NumberFolder.Fold(gain) switch
        {
            { } g when Math.Abs(g - 1) < 0.01 => ActivationKind.Linear,
            { } g when Math.Abs(g - Math.Sqrt(2)) < 0.01 => ActivationKind.ReLU,
            { } g when Math.Abs(g - (5.0 / 3)) < 0.01 => ActivationKind.Tanh,
            _ => ActivationKind.Unknown,
        };
    }

    /// <summary>A constant fill: zero or one value; unknown when the value is not fixed.</summary>
    private static Initialization Constant(double? value, ImmutableArray<Location> location) => value switch
    {
        0 => new Initialization(InitKind.Zero, location),
        { } c => new Initialization(InitKind.Constant, location, constant: c),
        _ => new Initialization(InitKind.Unknown, location),
    };

    /// <summary>U(low, high) or N(mean, std); a bound computed from the layer's size marks the draw as scaled.</summary>
    private static Initialization Draw(InitKind family, IOperation? firstArgument, double? firstDefault, IOperation? secondArgument, double? secondDefault, ImmutableArray<Location> location)
    {
        var first = firstArgument is null ? firstDefault : NumberFolder.Fold(firstArgument);
        var second = secondArgument is null ? secondDefault : NumberFolder.Fold(secondArgument);
        if (first is { } a && second is { } b)
        {
            var draw = family == InitKind.Uniform ? RandomDraw.Uniform(a, b) : RandomDraw.Normal(a, b);
            return new Initialization(family, location, draw: draw);
        }

        // Numbers computed from variables (bound = 1 / Math.Sqrt(fanIn)): the scale is the user's choice.
        var scaled = (family == InitKind.Uniform ? RandomDraw.Uniform(-1, 1) : RandomDraw.Normal(0, 1)).WithSizeScale();
        return new Initialization(family, location, draw: scaled);
    }

    /// <summary>The value passed for the parameter named <paramref name="name"/>, or null when the default is used.</summary>
    public static IOperation? Argument(IInvocationOperation call, string name)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Name == name && argument.ArgumentKind != ArgumentKind.DefaultValue && !argument.IsImplicit)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static long? EnumValue(IOperation? operation)
    {
        if (operation is null)
        {
            return null;
        }

        var constant = operation.ConstantValue.HasValue ? operation.ConstantValue : operation.WalkDownConversions().ConstantValue;
        return constant.HasValue && constant.Value is not null and not string and not bool ? Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The number of sizes a factory is given: <c>zeros(a, b)</c> 2, <c>zeros(new long[] { a, b, c })</c> 3.</summary>
    private static int? Rank(IInvocationOperation call)
    {
        var sizes = 0;
        foreach (var argument in call.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null)
            {
                continue;
            }

            var name = argument.Parameter.Name;
            if (name is "size" && argument.Value.WalkDownConversions() is IArrayCreationOperation { Initializer: { } initializer })
            {
                return initializer.ElementValues.Length;
            }

            if (name is "size" or "rows" or "columns" or "dim0" or "dim1" or "dim2" or "dim3")
            {
                if (argument.Parameter.Type.SpecialType is SpecialType.System_Int64 or SpecialType.System_Int32)
                {
                    sizes++;
                }
                else
                {
                    return null;
                }
            }
        }

        return sizes == 0 ? null : sizes;
    }
}
