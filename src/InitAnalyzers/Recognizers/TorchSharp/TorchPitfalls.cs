using System.Linq;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.TorchSharp;

/// <summary>
/// TorchSharp initializers that do not do what their names say (checked against TorchSharp 0.107.0, <c>src/TorchSharp/NN/Init.cs</c>):
/// <c>xavier_normal_</c> and <c>glorot_normal_</c> call the native uniform routine; <c>calculate_gain(LeakyReLU)</c> without a slope
/// uses 0; <c>uniform_</c>, <c>normal_</c> and <c>trunc_normal_</c> never pass their <c>generator</c> to the native code.
/// </summary>
internal sealed class TorchPitfalls
{
    /// <summary><c>NonlinearityType.LeakyReLU</c>.</summary>
    private const long LeakyReLU = 10;

    private readonly TorchSharpTypes types;

    /// <summary>What the source of a type that calls one of the initializers below must contain.</summary>
    private static readonly string[] CalledNames = { "normal_", "uniform_", "calculate_gain" };

    public TorchPitfalls(TorchSharpTypes types) => this.types = types;

    /// <summary>False when the type's source names none of the initializers with a pitfall: its calls are then not bound.</summary>
    public static bool MayCall(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Any(declaration => MayCall(declaration, cancellationToken));

    /// <summary>False when the source of a declaration (a type's, or a member's) names none of the initializers with a pitfall.</summary>
    public static bool MayCall(SyntaxReference declaration, System.Threading.CancellationToken cancellationToken) =>
        CalledNames.Any(name => TextSearch.Contains(declaration, name, System.StringComparison.Ordinal, cancellationToken));

    /// <summary>Emits the pitfall of <paramref name="call"/>, made in the code of <paramref name="member"/>, if it has one.</summary>
    public void OnInvocation(IInvocationOperation call, ISymbol member, System.Action<ApiPitfall> emit)
    {
        if (!types.IsInit(call.TargetMethod.ContainingType) || types.IsInit(member.ContainingType))
        {
            return; // init's own implementation (glorot_normal_ => xavier_normal_) is where the names are defined
        }

        var name = call.TargetMethod.Name;
        switch (name)
        {
            case "xavier_normal_" or "glorot_normal_":
                emit(new ApiPitfall(PitfallKind.NormalDrawsUniform, call.Syntax.GetLocation(), name, Frameworks.TorchSharp));
                break;
            case "calculate_gain" when TorchInitReader.Argument(call, "param") is null && TorchInitReader.Argument(call, "nonlinearity") is { } nonlinearity
                && nonlinearity.WalkDownConversions().ConstantValue is { HasValue: true, Value: { } value } && System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == LeakyReLU:
                emit(new ApiPitfall(PitfallKind.LeakyGainWithoutSlope, call.Syntax.GetLocation(), name, Frameworks.TorchSharp));
                break;
            case "uniform_" or "normal_" or "trunc_normal_" when TorchInitReader.Argument(call, "generator") is { } generator && generator.WalkDownConversions() is not ILiteralOperation and not IDefaultValueOperation:
                emit(new ApiPitfall(PitfallKind.GeneratorIgnored, generator.Syntax.Parent?.GetLocation() ?? generator.Syntax.GetLocation(), name, Frameworks.TorchSharp));
                break;
        }
    }
}
