using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Recognition;

/// <summary>
/// Activations recognized by what they compute, in every place hand-written code keeps them. The zero hidden layer's INIT001
/// message names the activation found after it, and the scheme the fix will use.
/// </summary>
public sealed class HandWrittenActivationTests
{
    private const string Network = """
        using System;

        public interface IActivation { double Activate(double x); }
        public sealed class Relu : IActivation { public double Activate(double x) => Math.Max(0, x); }
        public sealed class Logistic : IActivation { public double Activate(double x) => 1 / (1 + Math.Exp(-x)); }
        public abstract class Activation { public abstract double Apply(double x); }
        public sealed class TanhActivation : Activation { public override double Apply(double x) => Math.Tanh(x); }
        public enum Act { ReLU, Tanh, Sigmoid, Linear }

        public sealed class Network
        {
            private readonly double[,] hiddenWeights;
            private readonly double[,] outputWeights;
            private readonly double[] hidden;
            MEMBERS

            public Network(int inputs, int hiddenUnits, int outputs, Random random)
            {
                hiddenWeights = {|#0:new double[hiddenUnits, inputs]|};
                outputWeights = new double[outputs, hiddenUnits];
                for (int i = 0; i < outputs; i++)
                    for (int j = 0; j < hiddenUnits; j++)
                        outputWeights[i, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (hiddenUnits + outputs));
                hidden = new double[hiddenUnits];
            }

            public double[] Forward(double[] input)
            {
                for (int i = 0; i < hidden.Length; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < input.Length; j++)
                        sum += hiddenWeights[i, j] * input[j];
                    hidden[i] = ACTIVATION;
                }

                var output = new double[outputWeights.GetLength(0)];
                for (int i = 0; i < output.Length; i++)
                    for (int j = 0; j < hidden.Length; j++)
                        output[i] += outputWeights[i, j] * hidden[j];
                return output;
            }
        }
        """;

    private const string He = "He normal values, which suit the {0} that follows (std sqrt(2 / fan_in))";
    private const string Xavier = "Xavier normal values, which suit the {0} that follows (std sqrt(2 / (fan_in + fan_out)))";
    private const string LeCun = "LeCun normal values, which suit the SELU that follows (std sqrt(1 / fan_in))";
    private const string Unknown = "random values scaled to the fan-in (He for the ReLU family, Xavier for tanh and sigmoid)";

    [Theory]
    // Written out in place.
    [InlineData("", "Math.Exp(sum) / (1 + Math.Exp(sum))", Xavier, "sigmoid")]
    [InlineData("", "1.0 / (1.0 + Math.Exp(-sum))", Xavier, "sigmoid")]
    [InlineData("", "sum <= 0 ? 0 : sum", He, "ReLU")]
    [InlineData("", "0 < sum ? sum : 0.0", He, "ReLU")]
    [InlineData("", "sum < 0 ? 0.01 * sum : sum", He, "leaky ReLU")]
    [InlineData("", "sum > 0 ? sum : 1.0 * (Math.Exp(sum) - 1)", He, "ELU")]
    [InlineData("", "sum >= 0 ? sum : Math.Exp(sum) - 1", He, "ELU")]
    [InlineData("", "Math.Log(1 + Math.Exp(sum))", He, "softplus")]
    [InlineData("", "1.0507 * (sum > 0 ? sum : 1.6733 * (Math.Exp(sum) - 1))", LeCun, "SELU")]
    [InlineData("", "sum > 0 ? 1.0507009873554805 * sum : 1.0507009873554805 * 1.6732632423543772 * (Math.Exp(sum) - 1)", LeCun, "SELU")]
    // Through methods, delegates and activation objects.
    [InlineData("private static double Softplus(double x) => Math.Log(Math.Exp(x) + 1);", "Softplus(sum)", He, "softplus")]
    [InlineData("private readonly Func<double, double> activation = x => Math.Max(0, x);", "activation(sum)", He, "ReLU")]
    [InlineData("private readonly Func<double, double> activation = Math.Tanh;", "activation(sum)", Xavier, "tanh")]
    [InlineData("private Func<double, double> activation = x => { return x > 0 ? x : 0.2 * x; };", "activation.Invoke(sum)", He, "leaky ReLU")]
    [InlineData("private readonly IActivation activation = new Relu();", "activation.Activate(sum)", He, "ReLU")]
    [InlineData("private readonly IActivation activation = new Logistic();", "activation.Activate(sum)", Xavier, "sigmoid")]
    [InlineData("private Activation Act { get; } = new TanhActivation();", "Act.Apply(sum)", Xavier, "tanh")]
    // A switch over an enum or string field the type sets to one constant.
    [InlineData("private readonly Act kind = Act.Tanh; private double Activate(double x) => kind switch { Act.ReLU => Math.Max(0, x), Act.Tanh => Math.Tanh(x), _ => x };", "Activate(sum)", Xavier, "tanh")]
    [InlineData("private readonly Act kind = Act.Sigmoid; private double Activate(double x) => kind switch { Act.ReLU => Math.Max(0, x), Act.Tanh => Math.Tanh(x), _ => 1 / (1 + Math.Exp(-x)) };", "Activate(sum)", Xavier, "sigmoid")]
    [InlineData("private readonly string kind = \"relu\"; private double Activate(double x) => kind switch { \"relu\" => Math.Max(0, x), \"tanh\" => Math.Tanh(x), _ => x };", "Activate(sum)", He, "ReLU")]
    [InlineData("private Act Kind { get; } = Act.ReLU; private double Activate(double x) { switch (Kind) { case Act.Tanh: return Math.Tanh(x); case Act.ReLU: return Math.Max(0, x); default: return x; } }", "Activate(sum)", He, "ReLU")]
    [InlineData("private readonly Act kind = Act.Linear; private double Activate(double x) { switch (kind) { case Act.Tanh: return Math.Tanh(x); case Act.ReLU: return Math.Max(0, x); default: return Math.Tanh(x); } }", "Activate(sum)", Xavier, "tanh")]
    public async Task The_activation_after_the_weighted_sum_is_recognized(string members, string activation, string remedy, string name)
    {
        var source = Network.Replace("MEMBERS", members).Replace("ACTIVATION", activation);
        await VerifyAsync(source, Diagnostic("INIT001").WithLocation(0).WithArguments("hiddenWeights", "", string.Format(remedy, name)));
    }

    [Theory]
    // Not one activation: stored values that disagree, or that code elsewhere may replace.
    [InlineData("private readonly IActivation activation; public Network(IActivation a) : this(1, 1, 1, new Random()) { activation = a; }", "activation.Activate(sum)")]
    [InlineData("private IActivation activation = new Relu(); public void Use(IActivation a) => activation = a;", "activation.Activate(sum)")]
    [InlineData("public Func<double, double> activation = x => Math.Max(0, x);", "activation(sum)")]
    [InlineData("private readonly Func<double, double> activation = x => Math.Max(0, x); private readonly Func<double, double> other = Math.Tanh;", "(sum > 1 ? activation : other)(sum)")]
    // A switch over a field set from a constructor's parameter (chosen at each construction site), set to two constants, or with guards.
    [InlineData("private readonly Act kind; public Network(Act k) : this(1, 1, 1, new Random()) { kind = k; } private double Activate(double x) => kind switch { Act.ReLU => Math.Max(0, x), _ => Math.Tanh(x) };", "Activate(sum)")]
    [InlineData("private Act kind = Act.ReLU; public void Deepen() { kind = Act.Tanh; } private double Activate(double x) => kind switch { Act.ReLU => Math.Max(0, x), _ => Math.Tanh(x) };", "Activate(sum)")]
    [InlineData("private readonly Act kind = Act.ReLU; private double Activate(double x) => kind switch { Act.ReLU when x > 1 => Math.Max(0, x), _ => Math.Tanh(x) };", "Activate(sum)")]
    // A field that may keep its default (Act.ReLU, or a null string) until a method sets it.
    [InlineData("private Act kind; public void UseTanh() { kind = Act.Tanh; } private double Activate(double x) => kind switch { Act.ReLU => Math.Max(0, x), _ => Math.Tanh(x) };", "Activate(sum)")]
    // A field an editor or serializer writes, or one parsed into by reference.
    [InlineData("[System.Runtime.Serialization.DataMember] private Act kind = Act.Tanh; private double Activate(double x) => kind switch { Act.ReLU => Math.Max(0, x), _ => Math.Tanh(x) };", "Activate(sum)")]
    [InlineData("private Act kind = Act.Tanh; public void Parse(string s) { Enum.TryParse(s, out kind); } private double Activate(double x) => kind switch { Act.ReLU => Math.Max(0, x), _ => Math.Tanh(x) };", "Activate(sum)")]
    [InlineData("private readonly string kind; public Network() : this(1, 1, 1, new Random()) { kind = \"relu\"; } private double Activate(double x) => kind switch { \"relu\" => Math.Max(0, x), _ => x };", "Activate(sum)")]
    // Shapes that only look like activations.
    [InlineData("", "sum > 1 ? sum : 0")]
    [InlineData("", "1.5 * (sum > 0 ? sum : 1.6733 * (Math.Exp(sum) - 1))")]
    [InlineData("", "Math.Log(2 + Math.Exp(sum))")]
    [InlineData("", "Math.Exp(sum) / (2 + Math.Exp(sum))")]
    public async Task An_activation_that_is_not_one_known_function_stays_unknown(string members, string activation)
    {
        var source = Network.Replace("MEMBERS", members).Replace("ACTIVATION", activation);
        await VerifyAsync(source, Diagnostic("INIT001").WithLocation(0).WithArguments("hiddenWeights", "", Unknown));
    }
}
