using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.MathNetVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>INIT001 on MathNet.Numerics layers: a hidden layer's weight matrix that starts at zero.</summary>
public sealed class MathNetZeroWeightsTests
{
    private const string Mlp = """
        using System;
        using MathNet.Numerics.Distributions;
        using MathNet.Numerics.LinearAlgebra;

        public sealed class Mlp
        {
            private readonly Matrix<double> w1;
            private readonly Matrix<double> w2;
            private readonly Vector<double> b1;
            private readonly Vector<double> b2;

            public Mlp(int inputs, int hidden, int outputs)
            {
                w1 = HIDDEN;
                w2 = Matrix<double>.Build.Random(outputs, hidden, new Normal(0, Math.Sqrt(1.0 / hidden)));
                b1 = Vector<double>.Build.Dense(hidden);
                b2 = Vector<double>.Build.Dense(outputs);
            }

            public Vector<double> Forward(Vector<double> x)
            {
                var h = (w1 * x + b1).Map(v => Math.Max(0, v));
                return w2 * h + b2;
            }
        }
        """;

    [Fact]
    public Task Build_Dense_without_a_value_is_reported_with_the_ReLU_remedy() =>
        VerifyAsync(
            Mlp.Replace("HIDDEN", "{|#0:Matrix<double>.Build.Dense(hidden, inputs)|}"),
            Diagnostic("INIT001").WithLocation(0).WithArguments("w1", "He normal values, which suit the ReLU that follows (std sqrt(2 / fan_in))"));
}
