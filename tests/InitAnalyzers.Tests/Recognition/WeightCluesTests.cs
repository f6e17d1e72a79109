using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Recognition;

/// <summary>
/// The text gate before any binding (WeightClues): each clue on its own still lets a weight named like any other array be
/// found, so the gate that keeps numeric code unbound hides no finding.
/// </summary>
public sealed class WeightCluesTests
{
    /// <summary>Two layers in arrays with ordinary names; FIRST_INIT and TRAINING are filled in by each test.</summary>
    internal const string Layers = """
        using System;

        public sealed class Net
        {
            private readonly double[,] first;
            private readonly double[,] second;
            private readonly double[] hidden;

            public Net(int inputs, int units, int outputs)
            {
                first = FIRST_INIT;
                second = Fill(new double[outputs, units], units);
                hidden = new double[units];
            }

            public double[] Forward(double[] input)
            {
                for (int i = 0; i < hidden.Length; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < input.Length; j++)
                        sum += first[i, j] * input[j];
                    hidden[i] = Math.Max(0, sum);
                }

                var output = new double[second.GetLength(0)];
                for (int i = 0; i < output.Length; i++)
                    for (int j = 0; j < hidden.Length; j++)
                        output[i] += second[i, j] * hidden[j];
                return output;
            }
            // A fixed pattern scaled by fan-in: values, neither zero nor constant nor drawn.
            private static double[,] Fill(double[,] values, int fanIn)
            {
                for (int i = 0; i < values.GetLength(0); i++)
                    for (int j = 0; j < values.GetLength(1); j++)
                        values[i, j] = (i * 7 + j * 3) % 5 / (2.0 * fanIn);
                return values;
            }
        TRAINING
        }
        """;

    private const string Training = """
            public void Backpropagate(double[] input, double[] error, double rate)
            {
                for (int i = 0; i < error.Length; i++)
                    for (int j = 0; j < hidden.Length; j++)
                        second[i, j] -= rate * error[i] * hidden[j];
                for (int i = 0; i < hidden.Length; i++)
                    for (int j = 0; j < input.Length; j++)
                        first[i, j] -= rate * hidden[i] * input[j];
            }
        """;

    [Fact]
    public Task Arrays_named_like_any_other_are_weights_when_a_training_step_writes_them() =>
        VerifyAsync(Layers
            .Replace("FIRST_INIT", "{|INIT001:new double[units, inputs]|}")
            
            .Replace("TRAINING", Training));

    [Fact]
    public Task Arrays_named_like_any_other_are_weights_when_a_random_draw_is_written_to_them() =>
        VerifyAsync(Layers
            .Replace("FIRST_INIT;", "new double[units, inputs];\n        for (int i = 0; i < units; i++) for (int j = 0; j < inputs; j++) {|INIT004:first[i, j] = Draw()|};")
            .Replace("second = Fill(new double[outputs, units], units);", "second = new double[outputs, units];\n        for (int i = 0; i < outputs; i++) for (int j = 0; j < units; j++) second[i, j] = (Draw() - 0.5) / Math.Sqrt(units);")
            .Replace("TRAINING", "private static readonly Random Generator = new Random(1);\n    private static double Draw() => Generator.NextDouble();"));

    [Fact]
    public Task Arrays_named_like_any_other_are_weights_when_a_parameterless_helper_of_another_type_draws_them() =>
        VerifyAsync(Layers
            .Replace("FIRST_INIT;", "new double[units, inputs];\n        for (int i = 0; i < units; i++) for (int j = 0; j < inputs; j++) {|INIT004:first[i, j] = Source.Value()|};")
            .Replace("second = Fill(new double[outputs, units], units);", "second = new double[outputs, units];\n        for (int i = 0; i < outputs; i++) for (int j = 0; j < units; j++) second[i, j] = (Source.Value() - 0.5) / Math.Sqrt(units);")
            .Replace("TRAINING", string.Empty)
            + "\npublic static class Source { private static readonly Random Generator = new Random(1); public static double Value() => Generator.NextDouble(); }\n");

    [Fact]
    public Task Arrays_that_are_neither_named_trained_nor_drawn_are_not_weights() =>
        VerifyAsync(Layers
            .Replace("FIRST_INIT", "new double[units, inputs]")
            
            .Replace("TRAINING", string.Empty));
}
