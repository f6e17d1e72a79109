using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.Analysis;
using InitAnalyzers.CodeFixes;
using InitAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace InitAnalyzers.Tests.Fixes;

/// <summary>INIT001 on a scale that integer division makes zero: the fix divides in floating point and keeps the user's draw.</summary>
public sealed class FloatingPointDivisionFixTests
{
    internal const string Network = """
        using System;

        public sealed class Network
        {
            private const int Two = 2;
            private readonly double[,] hiddenWeights;
            private readonly double[,] outputWeights;
            private readonly double[] hidden;
            private readonly Random random = new Random(5);

            public Network(int inputs, int units)
            {
                hiddenWeights = new double[units, inputs];
                for (int i = 0; i < units; i++)
                    for (int j = 0; j < inputs; j++)
                        HIDDEN;
                outputWeights = new double[1, units];
                for (int j = 0; j < units; j++)
                    OUTPUT;
                hidden = new double[units];
            }

            public double Forward(double[] x)
            {
                for (int i = 0; i < hidden.Length; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < x.Length; j++) sum += hiddenWeights[i, j] * x[j];
                    hidden[i] = Math.Max(0, sum);
                }

                double output = 0;
                for (int j = 0; j < hidden.Length; j++) output += outputWeights[0, j] * hidden[j];
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

    internal const string ScaledOutput = "outputWeights[0, j] = Gaussian() * Math.Sqrt(1.0 / units)";

    private static Task VerifyAsync(string source, string fixedSource, int iterations = 1)
    {
        var test = new InitCodeFixTest<InitCodeFixProvider>
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestCode = source,
            FixedCode = fixedSource,
            NumberOfFixAllIterations = iterations,
        };
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task The_integer_numerator_becomes_a_double_literal() =>
        VerifyAsync(
            Network.Replace("HIDDEN", "{|INIT001:hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2 / inputs)|}").Replace("OUTPUT", ScaledOutput),
            Network.Replace("HIDDEN", "hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs)").Replace("OUTPUT", ScaledOutput));

    [Fact]
    public Task A_named_constant_numerator_is_cast() =>
        VerifyAsync(
            Network.Replace("HIDDEN", "{|INIT001:hiddenWeights[i, j] = Gaussian() * Math.Sqrt(Two / inputs)|}").Replace("OUTPUT", ScaledOutput),
            Network.Replace("HIDDEN", "hiddenWeights[i, j] = Gaussian() * Math.Sqrt((double)Two / inputs)").Replace("OUTPUT", ScaledOutput));

    [Fact]
    public Task A_scale_without_the_square_root_is_fixed_too() =>
        VerifyAsync(
            Network.Replace("HIDDEN", "{|INIT001:hiddenWeights[i, j] = Gaussian() * (1 / inputs)|}").Replace("OUTPUT", ScaledOutput),
            Network.Replace("HIDDEN", "hiddenWeights[i, j] = Gaussian() * (1.0 / inputs)").Replace("OUTPUT", ScaledOutput));
}
