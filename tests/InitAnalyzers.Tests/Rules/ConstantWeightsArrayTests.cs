using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>INIT002 on hand-written networks: one non-zero constant for every weight of a hidden layer.</summary>
public sealed class ConstantWeightsArrayTests
{
    internal const string Network = """
        using System;

        public sealed class Network
        {
            private readonly float[][] w1;
            private readonly float[,] w2;
            private readonly float[] b1;
            private readonly float[] hidden;

            public Network(int inputs, int units, Random random)
            {
                w1 = new float[units][];
                for (int i = 0; i < units; i++)
                {
                    w1[i] = new float[inputs];
                    INIT
                }

                w2 = new float[1, units];
                for (int j = 0; j < units; j++) w2[0, j] = (float)((random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (units + 1)));
                b1 = new float[units];
                Array.Fill(b1, 0.1f);
                hidden = new float[units];
            }

            public float Forward(float[] x)
            {
                for (int i = 0; i < hidden.Length; i++)
                {
                    float sum = b1[i];
                    for (int j = 0; j < x.Length; j++) sum += w1[i][j] * x[j];
                    hidden[i] = MathF.Tanh(sum);
                }

                float output = 0;
                for (int j = 0; j < hidden.Length; j++) output += w2[0, j] * hidden[j];
                return output;
            }
        }
        """;

    [Fact]
    public Task Array_Fill_with_a_constant_is_reported_with_its_value() =>
        VerifyAsync(
            Network.Replace("INIT", "{|#0:Array.Fill(w1[i], 0.5f)|};"),
            Diagnostic("INIT002").WithLocation(0).WithArguments("w1", "0.5", "Xavier normal values, which suit the tanh that follows (std sqrt(2 / (fan_in + fan_out)))"));

    [Fact]
    public Task A_loop_writing_one_constant_is_reported_on_the_write() =>
        VerifyAsync(Network.Replace("INIT", "for (int j = 0; j < inputs; j++) {|INIT002:w1[i][j] = 1f|};"));

    [Fact]
    public Task An_initializer_list_of_one_repeated_constant_is_reported() =>
        VerifyAsync(
            Network.Replace("w1 = new float[units][];", "w1 = {|#0:new[] { new[] { 0.3f, 0.3f }, new[] { 0.3f, 0.3f } }|};").Replace("w1[i] = new float[inputs];", string.Empty).Replace("INIT", string.Empty),
            Diagnostic("INIT002").WithLocation(0).WithArguments("w1", "0.3", "Xavier normal values, which suit the tanh that follows (std sqrt(2 / (fan_in + fan_out)))"));

    [Fact]
    public Task An_identity_initialization_is_not_reported() =>
        VerifyAsync(Network.Replace("INIT", "if (i < inputs) w1[i][i] = 1f;"));

    [Fact]
    public Task A_constant_written_to_one_row_only_is_not_reported() =>
        VerifyAsync(Network.Replace("INIT", "if (i == 0) for (int j = 0; j < inputs; j++) w1[0][j] = 1f;"));

    [Fact]
    public Task Two_different_constants_are_not_one_constant() =>
        VerifyAsync(Network.Replace("INIT", "Array.Fill(w1[i], 0.5f);\n            for (int j = 0; j < inputs; j++) w1[i][j] = 0.25f;"));

    [Fact]
    public Task Constant_biases_are_not_reported() =>
        VerifyAsync(Network.Replace("INIT", "for (int j = 0; j < inputs; j++) w1[i][j] = (float)(random.NextDouble() - 0.5) * 0.1f;"));

    [Fact]
    public Task A_constant_output_layer_is_not_reported() =>
        VerifyAsync(Network
            .Replace("INIT", "for (int j = 0; j < inputs; j++) w1[i][j] = (float)(random.NextDouble() - 0.5) * 0.1f;")
            .Replace("for (int j = 0; j < units; j++) w2[0, j] = (float)((random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (units + 1)));", "for (int j = 0; j < units; j++) w2[0, j] = 0.01f;"));

    [Fact]
    public Task A_forget_gate_bias_of_one_is_not_reported() =>
        VerifyAsync(Network.Replace("Array.Fill(b1, 0.1f);", "Array.Fill(b1, 1f);")
            .Replace("INIT", "for (int j = 0; j < inputs; j++) w1[i][j] = (float)(random.NextDouble() - 0.5) * 0.1f;"));
}
