using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>
/// Weights used through a local that names the array or one of its rows (<c>float[,] layer = weights[l];</c>), as most
/// hand-written multi-layer networks loop over their layers: the local's uses are the array's, for the weighted sum, the
/// training step, the activation and the writes that fill it.
/// </summary>
public sealed class LocalAliasArrayTests
{
    internal const string Network = """
        using System;

        public sealed class Mlp
        {
            private readonly int[] sizes;
            private readonly float[][,] weights;
            private readonly float[][] activations;

            public Mlp(int[] sizes, int seed)
            {
                this.sizes = sizes;
                weights = new float[sizes.Length - 1][,];
                activations = new float[sizes.Length][];
                for (int l = 0; l < sizes.Length; l++) activations[l] = new float[sizes[l]];
                var rng = new Random(seed);
                for (int l = 0; l < sizes.Length - 1; l++)
                {
                    INIT
                }
            }

            public float[] Predict(float[] input)
            {
                Array.Copy(input, activations[0], input.Length);
                for (int l = 0; l < sizes.Length - 1; l++)
                {
                    float[] current = activations[l];
                    float[] next = activations[l + 1];
                    float[,] layer = weights[l];
                    for (int j = 0; j < next.Length; j++)
                    {
                        float sum = 0;
                        for (int i = 0; i < current.Length; i++)
                            sum += layer[i, j] * current[i];
                        next[j] = MathF.Tanh(sum);
                    }
                }

                return activations[sizes.Length - 1];
            }

            public void Train(float[][] errors, float rate)
            {
                for (int l = sizes.Length - 1; l > 0; l--)
                {
                    float[,] layer = weights[l - 1];
                    float[] previous = activations[l - 1];
                    for (int j = 0; j < sizes[l]; j++)
                        for (int i = 0; i < sizes[l - 1]; i++)
                            layer[i, j] += rate * errors[l][j] * previous[i];
                }
            }
        }
        """;

    private const string Allocation = "weights[l] = new float[sizes[l], sizes[l + 1]];";

    private const string Loops = "for (int i = 0; i < sizes[l]; i++) for (int j = 0; j < sizes[l + 1]; j++) ";

    [Fact]
    public Task A_fixed_uniform_range_used_through_a_row_alias_is_reported_with_the_activation_read_through_the_alias() =>
        VerifyAsync(
            Network.Replace("INIT", Allocation + "\n" + Loops + "{|#0:weights[l][i, j] = (float)(rng.NextDouble() * 2 - 1)|};"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("weights", "U(-1, 1)", "whose fixed scale (std 0.577) ignores the fan-in, so the signal grows with every layer wider than 6 inputs", "Xavier uniform values, which suit the tanh that follows (bound sqrt(6 / (fan_in + fan_out)))"));

    [Fact]
    public Task Rows_allocated_and_never_written_are_reported_though_training_writes_them_through_an_alias() =>
        VerifyAsync(Network.Replace("INIT", "weights[l] = {|INIT001:new float[sizes[l], sizes[l + 1]]|};"));

    [Fact]
    public Task Rows_filled_through_an_alias_are_not_zero() =>
        VerifyAsync(Network.Replace("INIT", Allocation + "\nfloat[,] fresh = weights[l];\n" + Loops + "fresh[i, j] = (float)((rng.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (sizes[l] + sizes[l + 1])));"));

    [Fact]
    public Task A_fixed_range_drawn_through_an_alias_is_reported_on_the_write_through_it() =>
        VerifyAsync(Network.Replace("INIT", Allocation + "\nvar fresh = weights[l];\n" + Loops + "{|INIT004:fresh[i, j] = (float)(rng.NextDouble() - 0.5)|};"));

    [Fact]
    public Task An_alias_handed_to_unknown_code_may_fill_the_rows() =>
        VerifyAsync(Network
            .Replace("INIT", Allocation + "\nfloat[,] fresh = weights[l];\nLoad(fresh);")
            .Replace("public float[] Predict(", "private static void Load(float[,] into) { }\n\n    public float[] Predict("));

    [Fact]
    public Task A_local_given_another_array_as_well_is_not_an_alias_and_its_writes_are_a_hand_off() =>
        VerifyAsync(Network.Replace("INIT", Allocation + "\nfloat[,] fresh = weights[l];\nif (seed < 0) fresh = new float[sizes[l], sizes[l + 1]];\n" + Loops + "fresh[i, j] = 0.5f;"));

    [Fact]
    public Task A_whole_array_alias_gives_the_same_findings_as_the_field() =>
        VerifyAsync(Network
            .Replace("float[,] layer = weights[l];", "var all = this.weights;\n            float[,] layer = all[l];")
            .Replace("INIT", "weights[l] = {|INIT001:new float[sizes[l], sizes[l + 1]]|};"));

    [Fact]
    public Task An_alias_reassigned_only_to_rows_of_the_same_array_stays_an_alias() =>
        VerifyAsync(Network
            .Replace("""
                    float[] current = activations[l];
                    float[] next = activations[l + 1];
            """, """
                    float[] current = activations[0];
                    current = activations[l];
                    float[] next = activations[l + 1];
            """)
            .Replace("INIT", Allocation + "\n" + Loops + "{|INIT004:weights[l][i, j] = (float)rng.NextDouble()|};"));

}
