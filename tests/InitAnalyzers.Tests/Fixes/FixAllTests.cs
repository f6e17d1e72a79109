using System.Threading.Tasks;
using InitAnalyzers.Tests.Infrastructure;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.CodeFixVerifier;

namespace InitAnalyzers.Tests.Fixes;

/// <summary>Fix All over a whole network: each hidden layer gets the scheme that suits its own activation, and one <c>using</c>.</summary>
public sealed class FixAllTests
{
    private const string DeepNetwork = """
        using System;

        public sealed class DeepNet
        {
            private readonly double[,] w1 = W1;
            private readonly double[,] w2 = W2;
            private readonly double[,] w3;
            private readonly double[] h1 = new double[64];
            private readonly double[] h2 = new double[32];

            public DeepNet(Random random)
            {
                w3 = new double[10, 32];
                for (int i = 0; i < 10; i++) for (int j = 0; j < 32; j++) w3[i, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / 42);
            }

            public double[] Forward(double[] x)
            {
                for (int i = 0; i < 64; i++) { double s = 0; for (int j = 0; j < 784; j++) s += w1[i, j] * x[j]; h1[i] = s > 0 ? s : 0.01 * s; }
                for (int i = 0; i < 32; i++) { double s = 0; for (int j = 0; j < 64; j++) s += w2[i, j] * h1[j]; h2[i] = Math.Tanh(s); }
                var y = new double[10];
                for (int i = 0; i < 10; i++) { double s = 0; for (int j = 0; j < 32; j++) s += w3[i, j] * h2[j]; y[i] = s; }
                return y;
            }
        }
        """;

    [Fact]
    public Task Fix_All_writes_He_before_leaky_ReLU_and_Xavier_before_tanh_with_one_using() =>
        VerifyFixAsync(
            DeepNetwork.Replace("W1", "{|INIT001:new double[64, 784]|}").Replace("W2", "{|INIT001:new double[32, 64]|}"),
            DeepNetwork.WithRuntimeUsing()
                .Replace("W1", "WeightInit.HeNormal(new double[64, 784], fanIn: 784)")
                .Replace("W2", "WeightInit.XavierNormal(new double[32, 64], fanIn: 64, fanOut: 32)"));
}
