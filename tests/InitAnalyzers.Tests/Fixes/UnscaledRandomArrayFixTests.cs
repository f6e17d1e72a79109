using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.CodeFixes;
using InitAnalyzers.Tests.Rules;
using InitAnalyzers.Tests.Infrastructure;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.CodeFixVerifier;

namespace InitAnalyzers.Tests.Fixes;

/// <summary>
/// INIT004 fixes: the user's own draw is kept and rescaled to the layer's He, Xavier or LeCun scale, so uniform stays uniform,
/// normal stays normal, and the random source stays the user's.
/// </summary>
public sealed class UnscaledRandomArrayFixTests
{
    private const string Network = """
        using System;

        public sealed class Network
        {
            private static readonly Random rnd = new Random(7);
            private readonly double[,] w1;
            private readonly double[,] w2;
            private readonly double[] hidden;
            private readonly Random random = new Random(3);

            public Network(int inputs, int units)
            {
                w1 = new double[units, inputs];
                for (int i = 0; i < units; i++)
                    for (int j = 0; j < inputs; j++)
                    {
                        HIDDEN;
                    }

                w2 = new double[1, units];
                for (int j = 0; j < units; j++)
                {
                    OUTPUT;
                }

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

            private static double RandomWeight() => rnd.NextDouble() * 2 - 1;

            private static double SmallWeight() => rnd.NextDouble() - 0.5;

            private static double RandomValue(double lower, double upper) => rnd.NextDouble() * (upper - lower) + lower;

            private static float RandomFloat(float min, float max) => (float)(min + (max - min) * rnd.NextDouble());

            private static double Twice(double lower, double upper) => RandomValue(lower, upper) * 2;
        }
        """;

    private const string ScaledOutput = "w2[0, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (units + 1))";

    internal static string Before(string hidden, string output = ScaledOutput) =>
        Network.Replace("HIDDEN", hidden).Replace("OUTPUT", output);

    internal static string After(string hidden, string output = ScaledOutput) =>
        Before(hidden, output).WithRuntimeUsing();

    [Fact]
    public Task NextDouble_becomes_a_centred_uniform_at_the_He_bound_drawn_from_the_same_random() =>
        VerifyFixAsync(
            Before("{|INIT004:w1[i, j] = random.NextDouble()|}"),
            After("w1[i, j] = (random.NextDouble() * 2 - 1) * WeightInit.HeBound(w1.GetLength(1))"));

    [Fact]
    public Task NextDouble_minus_a_half_drops_its_fixed_range_and_keeps_the_draw() =>
        VerifyFixAsync(
            Before("{|INIT004:w1[i, j] = random.NextDouble() - 0.5|}"),
            After("w1[i, j] = (random.NextDouble() * 2 - 1) * WeightInit.HeBound(w1.GetLength(1))"));

    [Fact]
    public Task A_centred_draw_keeps_the_users_spelling_and_is_scaled_by_the_bound() =>
        VerifyFixAsync(
            Before("{|INIT004:w1[i, j] = 1 - 2 * random.NextDouble()|}"),
            After("w1[i, j] = (1 - 2 * random.NextDouble()) * WeightInit.HeBound(w1.GetLength(1))"));

    [Fact]
    public Task A_draw_held_in_a_local_is_kept_through_the_local() =>
        VerifyFixAsync(
            Before("double r = random.NextDouble();\n                {|INIT004:w1[i, j] = r|}"),
            After("double r = random.NextDouble();\n                w1[i, j] = (r * 2 - 1) * WeightInit.HeBound(w1.GetLength(1))"));

    [Fact]
    public Task A_Box_Muller_helper_stays_normal_and_is_scaled_by_the_He_std() =>
        VerifyFixAsync(
            Before("{|INIT004:w1[i, j] = Gaussian()|}"),
            After("w1[i, j] = Gaussian() * WeightInit.HeStd(w1.GetLength(1))"));

    [Fact]
    public Task An_inline_Box_Muller_transform_is_kept_whole_and_its_fixed_factor_dropped() =>
        VerifyFixAsync(
            Before("double u1 = 1.0 - random.NextDouble();\n                double u2 = random.NextDouble();\n                {|INIT004:w1[i, j] = 0.5 * (Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2))|}"),
            After("double u1 = 1.0 - random.NextDouble();\n                double u2 = random.NextDouble();\n                w1[i, j] = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2) * WeightInit.HeStd(w1.GetLength(1))"));

    [Fact]
    public Task A_fixed_std_around_a_normal_draw_is_replaced_by_the_He_std() =>
        VerifyFixAsync(
            Before("{|INIT004:w1[i, j] = Gaussian() * 0.5|}"),
            After("w1[i, j] = Gaussian() * WeightInit.HeStd(w1.GetLength(1))"));

    [Fact]
    public Task A_helper_returning_U_minus_1_1_is_scaled_at_the_call_site() =>
        VerifyFixAsync(
            Before("{|INIT004:w1[i, j] = RandomWeight()|}"),
            After("w1[i, j] = RandomWeight() * WeightInit.HeBound(w1.GetLength(1))"));

    [Fact]
    public Task A_tanh_layer_gets_the_Xavier_bound_over_both_fans() =>
        VerifyFixAsync(
            Before("{|INIT004:w1[i, j] = random.NextDouble() * 2 - 1|}").Replace("Math.Max(0, sum)", "Math.Tanh(sum)"),
            After("w1[i, j] = (random.NextDouble() * 2 - 1) * WeightInit.XavierBound(w1.GetLength(1), w1.GetLength(0))").Replace("Math.Max(0, sum)", "Math.Tanh(sum)"));

    [Fact]
    public Task Fix_All_rescales_both_layers_each_with_its_own_scheme_and_adds_one_using() =>
        VerifyFixAsync(
            Before("{|INIT004:w1[i, j] = random.NextDouble() - 0.5|}", "{|INIT004:w2[0, j] = random.NextDouble() - 0.5|}"),
            After("w1[i, j] = (random.NextDouble() * 2 - 1) * WeightInit.HeBound(w1.GetLength(1))", "w2[0, j] = (random.NextDouble() * 2 - 1) * WeightInit.XavierBound(w2.GetLength(1), w2.GetLength(0))"),
            EquivalenceKeys.RecommendedInitialization);

    [Fact]
    public Task A_helper_drawing_between_its_arguments_is_given_the_He_bound_as_its_range() =>
        VerifyFixAsync(
            Before("{|INIT004:w1[i, j] = RandomValue(0, 1)|}"),
            After("w1[i, j] = RandomValue(-WeightInit.HeBound(w1.GetLength(1)), WeightInit.HeBound(w1.GetLength(1)))"));

    [Fact]
    public Task A_float_range_helper_gets_its_bound_cast_to_float() =>
        VerifyFixAsync(
            Before("{|INIT004:w1[i, j] = RandomFloat(-1f, 1f)|}"),
            After("w1[i, j] = RandomFloat(-(float)WeightInit.HeBound(w1.GetLength(1)), (float)WeightInit.HeBound(w1.GetLength(1)))"));

    [Fact]
    public Task A_helper_that_scales_its_range_is_scaled_at_the_call_site_instead() =>
        VerifyFixAsync(
            Before("{|INIT004:w1[i, j] = Twice(-0.5, 0.5)|}"),
            After("w1[i, j] = Twice(-0.5, 0.5) * WeightInit.HeBound(w1.GetLength(1))"));

    [Fact]
    public Task An_integer_draw_over_a_grid_becomes_a_fresh_He_uniform_sample_from_the_same_random() =>
        VerifyFixAsync(
            Before("{|INIT004:w1[i, j] = random.Next(-200, 200) / 100.0|}"),
            After("w1[i, j] = (random.NextDouble() * 2 - 1) * WeightInit.HeBound(w1.GetLength(1))"));

    [Fact]
    public Task A_helper_with_another_fixed_range_gets_no_fix() =>
        VerifyNoFixAsync(Before("{|INIT004:w1[i, j] = SmallWeight()|}"));

    [Fact]
    public Task A_jagged_float_layer_keeps_the_cast_to_its_element_type() =>
        VerifyFixAsync(
            ConstantWeightsArrayTests.Network.Replace("INIT", "for (int j = 0; j < inputs; j++) {|INIT004:w1[i][j] = (float)(random.NextDouble() * 2 - 1)|};"),
            ConstantWeightsArrayTests.Network.WithRuntimeUsing()
                .Replace("INIT", "for (int j = 0; j < inputs; j++) w1[i][j] = (float)((random.NextDouble() * 2 - 1) * WeightInit.XavierBound(w1[i].Length, w1.Length));"));

    private const string FloatNetwork = """
        using System;

        public sealed class TinyNet
        {
            private readonly float[,] w1;
            private readonly float[] w2;
            private readonly float[] hidden;

            public TinyNet(int inputs, int units, Random random)
            {
                w1 = new float[units, inputs];
                for (int i = 0; i < units; i++)
                    for (int j = 0; j < inputs; j++)
                        W1;
                w2 = new float[units];
                for (int j = 0; j < units; j++)
                    W2;
                hidden = new float[units];
            }

            public float Forward(float[] x)
            {
                for (int i = 0; i < hidden.Length; i++)
                {
                    float sum = 0;
                    for (int j = 0; j < x.Length; j++) sum += w1[i, j] * x[j];
                    hidden[i] = MathF.Max(0, sum);
                }

                float output = 0;
                for (int j = 0; j < hidden.Length; j++) output += w2[j] * hidden[j];
                return output;
            }
        }
        """;

    private const string ScaledW1 = "w1[i, j] = (float)((random.NextDouble() * 2 - 1) / Math.Sqrt(inputs))";

    private static string Floats(string w1, string w2, bool withUsing = false) =>
        FloatNetwork.Replace("using System;\n", withUsing ? "using System;\nusing InitAnalyzers.Runtime;\n" : "using System;\n").Replace("W1", w1).Replace("W2", w2);

    [Fact]
    public Task A_cast_NextDouble_in_a_float_layer_is_cast_back_to_float() =>
        VerifyFixAsync(
            Floats("{|INIT004:w1[i, j] = (float)random.NextDouble()|}", "w2[j] = (float)(random.NextDouble() - 0.5) * 0.1f"),
            Floats("w1[i, j] = (float)((random.NextDouble() * 2 - 1) * WeightInit.HeBound(w1.GetLength(1)))", "w2[j] = (float)(random.NextDouble() - 0.5) * 0.1f", withUsing: true));

    [Fact]
    public Task NextSingle_stays_NextSingle_in_a_float_vector_of_one_output_unit() =>
        VerifyFixAsync(
            Floats(ScaledW1, "{|INIT004:w2[j] = random.NextSingle()|}"),
            Floats(ScaledW1, "w2[j] = (float)((random.NextSingle() * 2 - 1) * WeightInit.LeCunBound(w2.Length))", withUsing: true));

    private const string UnityBrain = """
        using UnityEngine;

        public sealed class Brain : MonoBehaviour
        {
            private float[,] w1;
            private float[,] w2;
            private float[] hidden;

            private void Awake()
            {
                w1 = new float[8, 4];
                for (int i = 0; i < 8; i++)
                    for (int j = 0; j < 4; j++)
                        W1;
                w2 = new float[2, 8];
                for (int i = 0; i < 2; i++)
                    for (int j = 0; j < 8; j++)
                        w2[i, j] = Random.Range(-0.5f, 0.5f);
                hidden = new float[8];
            }

            public float[] Think(float[] x)
            {
                for (int i = 0; i < 8; i++)
                {
                    float sum = 0;
                    for (int j = 0; j < 4; j++) sum += w1[i, j] * x[j];
                    hidden[i] = sum > 0 ? sum : 0;
                }

                var y = new float[2];
                for (int i = 0; i < 2; i++)
                {
                    float sum = 0;
                    for (int j = 0; j < 8; j++) sum += w2[i, j] * hidden[j];
                    y[i] = sum;
                }

                return y;
            }
        }

        namespace UnityEngine
        {
            public class MonoBehaviour
            {
            }

            public static class Random
            {
                public static float value => 0.5f;

                public static float Range(float minInclusive, float maxInclusive) => minInclusive;
            }
        }
        """;

    [Fact]
    public Task Unity_Random_Range_gets_the_He_bound_as_its_range_spelled_as_the_user_did() =>
        VerifyFixAsync(
            UnityBrain.Replace("W1", "{|INIT004:w1[i, j] = Random.Range(-10f, 10f)|}"),
            UnityBrain.Replace("using UnityEngine;\n", "using InitAnalyzers.Runtime;\nusing UnityEngine;\n")
                .Replace("W1", "w1[i, j] = Random.Range(-(float)WeightInit.HeBound(w1.GetLength(1)), (float)WeightInit.HeBound(w1.GetLength(1)))"));

    [Fact]
    public Task A_fully_qualified_Unity_Random_keeps_its_qualification() =>
        VerifyFixAsync(
            UnityBrain.Replace("W1", "{|INIT004:w1[i, j] = UnityEngine.Random.Range(0f, 1f)|}"),
            UnityBrain.Replace("using UnityEngine;\n", "using InitAnalyzers.Runtime;\nusing UnityEngine;\n")
                .Replace("W1", "w1[i, j] = UnityEngine.Random.Range(-(float)WeightInit.HeBound(w1.GetLength(1)), (float)WeightInit.HeBound(w1.GetLength(1)))"));

    [Fact]
    public Task Unity_Random_value_is_centred_and_scaled_like_NextDouble() =>
        VerifyFixAsync(
            UnityBrain.Replace("W1", "{|INIT004:w1[i, j] = Random.value|}"),
            UnityBrain.Replace("using UnityEngine;\n", "using InitAnalyzers.Runtime;\nusing UnityEngine;\n")
                .Replace("W1", "w1[i, j] = (float)((Random.value * 2 - 1) * WeightInit.HeBound(w1.GetLength(1)))"));

    private const string TiedAutoencoder = """
        using System;

        public sealed class TiedAutoencoder
        {
            private readonly double[,] w;
            private readonly double[] code;
            private readonly double[] reconstruction;

            public TiedAutoencoder(int inputs, int units, Random random)
            {
                w = new double[units, inputs];
                for (int i = 0; i < units; i++)
                    for (int j = 0; j < inputs; j++)
                        INIT;
                code = new double[units];
                reconstruction = new double[inputs];
            }

            public double[] Reconstruct(double[] x)
            {
                for (int i = 0; i < code.Length; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < x.Length; j++) sum += w[i, j] * x[j];
                    code[i] = Math.Max(0, sum);
                }

                for (int j = 0; j < reconstruction.Length; j++)
                {
                    double sum = 0;
                    for (int i = 0; i < code.Length; i++) sum += w[i, j] * code[i];
                    reconstruction[j] = sum;
                }

                return reconstruction;
            }
        }
        """;

    [Fact]
    public Task Tied_weights_used_both_ways_have_no_orientation_so_the_fix_uses_Xavier_and_says_why()
    {
        var test = CreateTest();
        test.TestState.Sources.Add(TiedAutoencoder.Replace("INIT", "{|INIT004:w[i, j] = random.NextDouble() * 2 - 1|}"));
        test.FixedState.Sources.Add(TiedAutoencoder.WithRuntimeUsing()
            .Replace("INIT", "w[i, j] = (random.NextDouble() * 2 - 1) * WeightInit.XavierBound(w.GetLength(1), w.GetLength(0))"));
        test.CodeActionVerifier = (action, verifier) =>
            verifier.Equal("Rescale the draw to Xavier uniform (WeightInit.XavierBound; orientation unknown, so not He)", action.Title);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task The_fix_title_names_the_scheme_and_the_family_it_keeps()
    {
        var test = CreateTest();
        test.TestState.Sources.Add(Before("{|INIT004:w1[i, j] = Gaussian()|}"));
        test.FixedState.Sources.Add(After("w1[i, j] = Gaussian() * WeightInit.HeStd(w1.GetLength(1))"));
        test.CodeActionVerifier = (action, verifier) => verifier.Equal("Rescale the draw to He normal (WeightInit.HeStd)", action.Title);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task A_layer_used_through_a_row_alias_gets_the_fan_in_of_its_row() =>
        VerifyFixAsync(
            LocalAliasArrayTests.Network.Replace("INIT", "weights[l] = new float[sizes[l], sizes[l + 1]];\n" + "for (int i = 0; i < sizes[l]; i++) for (int j = 0; j < sizes[l + 1]; j++) {|INIT004:weights[l][i, j] = (float)(rng.NextDouble() * 2 - 1)|};"),
            LocalAliasArrayTests.Network.Replace("INIT", "weights[l] = new float[sizes[l], sizes[l + 1]];\n" + "for (int i = 0; i < sizes[l]; i++) for (int j = 0; j < sizes[l + 1]; j++) weights[l][i, j] = (float)((rng.NextDouble() * 2 - 1) * WeightInit.XavierBound(weights[l].GetLength(0), weights[l].GetLength(1)));").WithRuntimeUsing());
}
