using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>
/// Zero arrays that are correct (DOMAIN.md section 4): none of these may be reported. Each network here has a
/// zero-initialized hidden layer elsewhere too, so the analyzer is active and the silence is a judgement, not a bail-out.
/// </summary>
public sealed class ZeroWeightsLegitimateZerosTests
{
    private const string Network = """
        using System;

        public sealed class Network
        {
            private readonly double[,] w1;
            private readonly double[,] w2;
            private readonly double[] b1;
            private readonly double[] b2;
            private readonly double[] hidden;
            private readonly double[] output;
            private readonly double[] outputDeltas;
            private readonly double[] hiddenErrors;
            private readonly double[,] w1Gradients;
            private readonly double[,] w2Velocity;
            private readonly double[,] adamM;
            private readonly double[,] adamV;
            private long step;

            public Network(int inputs, int units, int outputs)
            {
                w1 = {|INIT001:new double[units, inputs]|};
                w2 = new double[outputs, units];
                var random = new Random(7);
                for (int i = 0; i < outputs; i++) for (int j = 0; j < units; j++) w2[i, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (outputs + units));
                b1 = new double[units];
                b2 = new double[outputs];
                Array.Clear(b2);
                hidden = new double[units];
                output = new double[outputs];
                outputDeltas = new double[outputs];
                hiddenErrors = new double[units];
                w1Gradients = new double[units, inputs];
                w2Velocity = new double[outputs, units];
                adamM = new double[units, inputs];
                adamV = new double[units, inputs];
                Array.Fill(b1, 0.0);
            }

            public double[] Forward(double[] x)
            {
                for (int i = 0; i < hidden.Length; i++)
                {
                    double sum = b1[i];
                    for (int j = 0; j < x.Length; j++) sum += w1[i, j] * x[j];
                    hidden[i] = Math.Tanh(sum);
                }

                for (int i = 0; i < output.Length; i++)
                {
                    double sum = b2[i];
                    for (int j = 0; j < hidden.Length; j++) sum += w2[i, j] * hidden[j];
                    output[i] = sum;
                }

                return output;
            }

            public void Backward(double[] x, double[] target, double rate)
            {
                step++;
                for (int i = 0; i < output.Length; i++) outputDeltas[i] = output[i] - target[i];
                Array.Clear(hiddenErrors);
                for (int i = 0; i < output.Length; i++)
                    for (int j = 0; j < hidden.Length; j++)
                        hiddenErrors[j] += outputDeltas[i] * w2[i, j];
                for (int i = 0; i < hidden.Length; i++)
                    for (int j = 0; j < x.Length; j++)
                    {
                        w1Gradients[i, j] += hiddenErrors[i] * (1 - hidden[i] * hidden[i]) * x[j];
                        adamM[i, j] = 0.9 * adamM[i, j] + 0.1 * w1Gradients[i, j];
                        adamV[i, j] = 0.999 * adamV[i, j] + 0.001 * w1Gradients[i, j] * w1Gradients[i, j];
                        w1[i, j] -= rate * adamM[i, j] / (Math.Sqrt(adamV[i, j]) + 1e-8);
                    }
                for (int i = 0; i < output.Length; i++)
                    for (int j = 0; j < hidden.Length; j++)
                    {
                        w2Velocity[i, j] = 0.9 * w2Velocity[i, j] - rate * outputDeltas[i] * hidden[j];
                        w2[i, j] += w2Velocity[i, j];
                    }
                for (int i = 0; i < b1.Length; i++) b1[i] -= rate * hiddenErrors[i];
            }
        }
        """;

    [Fact]
    public Task Zero_biases_outputs_errors_gradients_and_optimizer_moments_are_not_reported() =>
        VerifyAsync(Network);

    [Fact]
    public Task A_zero_output_layer_is_not_reported_when_the_hidden_layer_is_random() =>
        VerifyAsync(Network.Replace("w1 = {|INIT001:new double[units, inputs]|};", "w1 = new double[units, inputs];\n        var seeded = new Random(1);\n        for (int i = 0; i < units; i++) for (int j = 0; j < inputs; j++) w1[i, j] = (seeded.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (inputs + units));"));

    [Fact]
    public Task Weights_written_by_a_genetic_algorithm_are_not_reported() =>
        VerifyAsync(Network.Replace("w1 = {|INIT001:new double[units, inputs]|};", "w1 = new double[units, inputs];")
            .Replace("public double[] Forward(double[] x)", """
                public void Mutate(Random random)
                {
                    for (int i = 0; i < w1.GetLength(0); i++)
                        for (int j = 0; j < w1.GetLength(1); j++)
                            w1[i, j] += random.NextDouble() * 0.2 - 0.1;
                }

                public double[] Forward(double[] x)
            """));

    [Fact]
    public Task Weights_loaded_from_a_file_are_not_reported() =>
        VerifyAsync(Network.Replace("w1 = {|INIT001:new double[units, inputs]|};", "w1 = new double[units, inputs];")
            .Replace("public double[] Forward(double[] x)", """
                public void Load(System.IO.BinaryReader reader)
                {
                    for (int i = 0; i < w1.GetLength(0); i++)
                        for (int j = 0; j < w1.GetLength(1); j++)
                            w1[i, j] = reader.ReadDouble();
                }

                public double[] Forward(double[] x)
            """));

    [Fact]
    public Task Weights_copied_from_another_network_are_not_reported() =>
        VerifyAsync(Network.Replace("w1 = {|INIT001:new double[units, inputs]|};", "w1 = new double[units, inputs];")
            .Replace("public double[] Forward(double[] x)", """
                public void CopyFrom(double[,] source) => Buffer.BlockCopy(source, 0, w1, 0, source.Length * sizeof(double));

                public double[] Forward(double[] x)
            """));
}
