using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>INIT004 on hand-written networks: random weights whose scale ignores fan-in, or that are not centred on zero.</summary>
public sealed class UnscaledRandomArrayTests
{
    private const string Network = """
        using System;

        public sealed class Network
        {
            private readonly double[,] w1;
            private readonly double[,] w2;
            private readonly double[] hidden;
            private readonly Random random = new Random(3);

            public Network(int inputs, int units)
            {
                w1 = new double[units, inputs];
                for (int i = 0; i < units; i++)
                    for (int j = 0; j < inputs; j++)
                        HIDDEN;
                w2 = new double[1, units];
                for (int j = 0; j < units; j++) w2[0, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (units + 1));
                hidden = new double[units];
            }

            public double Forward(double[] x)
            {
                for (int i = 0; i < hidden.Length; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < x.Length; j++) sum += w1[i, j] * x[j];
                    hidden[i] = Math.Max(0, sum);
                }

                double output = 0;
                for (int j = 0; j < hidden.Length; j++) output += w2[0, j] * hidden[j];
                return output;
            }

            private double Gaussian()
            {
                double u1 = 1.0 - random.NextDouble();
                double u2 = random.NextDouble();
                return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            }
        }
        """;

    [Fact]
    public Task NextDouble_is_reported_as_positive_only() =>
        VerifyAsync(
            Network.Replace("HIDDEN", "{|#0:w1[i, j] = random.NextDouble()|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "U[0, 1)", "which is not centred on zero (mean 0.5) and whose scale ignores the fan-in, so every unit's input shifts the same way", "He normal values, which suit the ReLU that follows (std sqrt(2 / fan_in))"));

    [Theory]
    [InlineData("random.NextDouble() * 2 - 1")]
    [InlineData("random.NextDouble() * 2.0 - 1.0")]
    [InlineData("2 * random.NextDouble() - 1")]
    [InlineData("random.NextDouble() - 0.5")]
    [InlineData("(float)(random.NextDouble() - 0.5)")]
    [InlineData("Gaussian()")]
    [InlineData("Gaussian() * 1.0")]
    public Task Fixed_scales_that_ignore_fan_in_are_reported(string draw) =>
        VerifyAsync(Network.Replace("HIDDEN", "{|INIT004:w1[i, j] = " + draw + "|}"));

    [Theory]
    [InlineData("(random.NextDouble() * 2 - 1) / Math.Sqrt(inputs)")]
    [InlineData("Gaussian() * Math.Sqrt(2.0 / inputs)")]
    [InlineData("(random.NextDouble() - 0.5) * 0.1")]
    [InlineData("Gaussian() * 0.01")]
    [InlineData("reader(i, j)")]
    public Task Scaled_or_small_or_unknown_values_are_not_reported(string draw) =>
        VerifyAsync(Network.Replace("public Network(int inputs, int units)", "public Network(int inputs, int units, Func<int, int, double> reader)").Replace("HIDDEN", "w1[i, j] = " + draw));

    [Fact]
    public Task Unity_Random_Range_is_read_as_a_uniform() =>
        VerifyAsync(Network.Replace("HIDDEN", "{|INIT004:w1[i, j] = UnityEngine.Random.Range(-1f, 1f)|}") + """

            namespace UnityEngine
            {
                public static class Random
                {
                    public static float Range(float minInclusive, float maxInclusive) => minInclusive;
                }
            }
            """);

    [Fact]
    public Task A_single_layer_model_is_not_judged() =>
        VerifyAsync("""
            using System;

            public sealed class Perceptron
            {
                private readonly double[] weights;

                public Perceptron(int inputs, Random random)
                {
                    weights = new double[inputs];
                    for (int i = 0; i < inputs; i++) weights[i] = random.NextDouble();
                }

                public double Output(double[] x)
                {
                    double sum = 0;
                    for (int i = 0; i < x.Length; i++) sum += weights[i] * x[i];
                    return sum > 0 ? 1 : 0;
                }
            }
            """);
}
