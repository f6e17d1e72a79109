using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using InitAnalyzers.Tests.Infrastructure;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>
/// Adversarial precision review of INIT001/INIT002 on array-based networks. Every fact asserts the CORRECT behaviour
/// (DOMAIN.md section 4): a failing fact documents an analyzer bug (mostly a false positive), not a wrong test.
/// </summary>
public sealed class AdversarialPrecisionTests
{
    // ------------------------------------------------------------------------------------------------
    // Output layers, models without a hidden layer, and layer position inference
    // ------------------------------------------------------------------------------------------------

    /// <summary>C-style code declares one <c>sum</c> for both layers; the zero output layer must stay silent.</summary>
    [Fact]
    public Task Zero_output_layer_with_one_sum_local_shared_by_both_layers_is_not_reported() =>
        VerifyAsync("""
            using System;

            public sealed class Mlp
            {
                private readonly double[,] w1;
                private readonly double[,] w2;
                private readonly double[] hidden;
                private readonly double[] output;

                public Mlp(int inputs, int units, int outputs, Random random)
                {
                    w1 = new double[units, inputs];
                    for (int i = 0; i < units; i++)
                        for (int j = 0; j < inputs; j++)
                            w1[i, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (inputs + units));
                    w2 = new double[outputs, units]; // zero output head: fine
                    hidden = new double[units];
                    output = new double[outputs];
                }

                public double[] Forward(double[] x)
                {
                    int i, j;
                    double sum;
                    for (i = 0; i < hidden.Length; i++)
                    {
                        sum = 0;
                        for (j = 0; j < x.Length; j++) sum += w1[i, j] * x[j];
                        hidden[i] = Math.Tanh(sum);
                    }

                    for (i = 0; i < output.Length; i++)
                    {
                        sum = 0;
                        for (j = 0; j < hidden.Length; j++) sum += w2[i, j] * hidden[j];
                        output[i] = sum;
                    }

                    return output;
                }
            }
            """);

    private const string LogisticRegression = """
        using System;

        public sealed class LogisticRegression
        {
            private readonly double[] weights;
            private double bias;

            public LogisticRegression(int features) => weights = new double[features];

            public double Predict(double[] x)
            {
                double z = bias;
                for (int j = 0; j < x.Length; j++) z += weights[j] * x[j];
                return 1 / (1 + Math.Exp(-z));
            }

            public void Fit(double[][] xs, int[] ys, double rate, int epochs)
            {
                for (int e = 0; e < epochs; e++)
                    for (int n = 0; n < xs.Length; n++)
                    {
                        double error = Predict(xs[n]) - ys[n];
                        for (int j = 0; j < weights.Length; j++) weights[j] -= rate * error * xs[n][j];
                        bias -= rate * error;
                    }
            }
        }
        """;

    /// <summary>One-vs-rest keeps k independent logistic regressions in an array: none is a hidden layer of another.</summary>
    [Fact]
    public Task One_vs_rest_logistic_regressions_held_in_an_array_are_not_reported() =>
        VerifyAsync(new[]
        {
            LogisticRegression,
            """
            public sealed class OneVsRest
            {
                private readonly LogisticRegression[] classifiers;

                public OneVsRest(int classes, int features)
                {
                    classifiers = new LogisticRegression[classes];
                    for (int c = 0; c < classes; c++) classifiers[c] = new LogisticRegression(features);
                }

                public int Predict(double[] x)
                {
                    int best = 0;
                    for (int c = 1; c < classifiers.Length; c++)
                        if (classifiers[c].Predict(x) > classifiers[best].Predict(x)) best = c;
                    return best;
                }
            }
            """,
        });

    /// <summary>A lazily created singleton model: <c>Lazy&lt;T&gt;</c> is a type argument, not a stack of layers.</summary>
    [Fact]
    public Task A_logistic_regression_behind_Lazy_of_T_is_not_reported() =>
        VerifyAsync(new[]
        {
            LogisticRegression,
            """
            public static class SpamFilter
            {
                private static readonly System.Lazy<LogisticRegression> Model = new(() => new LogisticRegression(64));

                public static bool IsSpam(double[] features) => Model.Value.Predict(features) > 0.5;
            }
            """,
        });

    /// <summary>The classic tutorial: one perceptron per logic gate, zero-initialized and trained with the perceptron rule.</summary>
    [Fact]
    public Task Two_single_layer_perceptrons_constructed_for_two_gates_are_not_reported() =>
        VerifyAsync("""
            public sealed class Perceptron
            {
                private readonly double[] weights;
                private double bias;

                public Perceptron(int inputs) { weights = new double[inputs]; }

                public int Output(double[] x)
                {
                    double sum = bias;
                    for (int i = 0; i < x.Length; i++) sum += weights[i] * x[i];
                    return sum > 0 ? 1 : 0;
                }

                public void Train(double[] x, int target, double rate)
                {
                    int error = target - Output(x);
                    for (int i = 0; i < x.Length; i++) weights[i] += rate * error * x[i];
                    bias += rate * error;
                }
            }

            public static class Gates
            {
                public static Perceptron And() { var p = new Perceptron(2); p.Train(new[] { 1.0, 1.0 }, 1, 0.1); return p; }
                public static Perceptron Or() { var p = new Perceptron(2); p.Train(new[] { 0.0, 1.0 }, 1, 0.1); return p; }
            }
            """);

    /// <summary>Sutton and Barto's linear actor-critic: policy and value weights start at zero, with no hidden layer.</summary>
    [Fact]
    public Task Linear_actor_critic_with_zero_policy_and_value_weights_is_not_reported() =>
        VerifyAsync("""
            using System;

            public sealed class LinearActorCritic
            {
                private readonly double[,] theta;
                private readonly double[] w;
                private readonly double[] preferences;

                public LinearActorCritic(int features, int actions)
                {
                    theta = new double[actions, features];
                    w = new double[features];
                    preferences = new double[actions];
                }

                public double Value(double[] phi)
                {
                    double v = 0;
                    for (int i = 0; i < phi.Length; i++) v += w[i] * phi[i];
                    return v;
                }

                public double[] Policy(double[] phi)
                {
                    double max = double.MinValue;
                    for (int a = 0; a < preferences.Length; a++)
                    {
                        double h = 0;
                        for (int i = 0; i < phi.Length; i++) h += theta[a, i] * phi[i];
                        preferences[a] = h;
                        max = Math.Max(max, h);
                    }

                    var pi = new double[preferences.Length];
                    double total = 0;
                    for (int a = 0; a < pi.Length; a++) { pi[a] = Math.Exp(preferences[a] - max); total += pi[a]; }
                    for (int a = 0; a < pi.Length; a++) pi[a] /= total;
                    return pi;
                }

                public void Update(double[] phi, int action, double reward, double[] nextPhi, double gamma, double alphaW, double alphaTheta)
                {
                    double delta = reward + gamma * Value(nextPhi) - Value(phi);
                    for (int i = 0; i < phi.Length; i++) w[i] += alphaW * delta * phi[i];
                    var pi = Policy(phi);
                    for (int a = 0; a < pi.Length; a++)
                        for (int i = 0; i < phi.Length; i++)
                            theta[a, i] += alphaTheta * delta * ((a == action ? 1 : 0) - pi[a]) * phi[i];
                }
            }
            """);

    /// <summary>Bayes decision after a softmax regression: the cost matrix consumes the probabilities, it is not a layer.</summary>
    [Fact]
    public Task Softmax_regression_followed_by_an_expected_cost_matrix_is_not_reported() =>
        VerifyAsync("""
            using System;

            public sealed class CostSensitiveClassifier
            {
                private readonly double[,] weights;
                private readonly double[,] cost = { { 0, 1, 1 }, { 5, 0, 1 }, { 10, 2, 0 } };
                private readonly double[] scores = new double[3];
                private readonly double[] risk = new double[3];

                public CostSensitiveClassifier(int features) => weights = new double[3, features];

                public int Decide(double[] x)
                {
                    for (int c = 0; c < 3; c++)
                    {
                        double z = 0;
                        for (int f = 0; f < x.Length; f++) z += weights[c, f] * x[f];
                        scores[c] = z;
                    }

                    double total = 0;
                    for (int c = 0; c < 3; c++) { scores[c] = Math.Exp(scores[c]); total += scores[c]; }
                    for (int c = 0; c < 3; c++) scores[c] /= total;

                    Array.Clear(risk);
                    for (int a = 0; a < 3; a++)
                        for (int c = 0; c < 3; c++)
                            risk[a] += cost[a, c] * scores[c];

                    int best = 0;
                    for (int a = 1; a < 3; a++) if (risk[a] < risk[best]) best = a;
                    return best;
                }

                public void Step(double[] x, int label, double rate)
                {
                    Decide(x);
                    for (int c = 0; c < 3; c++)
                        for (int f = 0; f < x.Length; f++)
                            weights[c, f] -= rate * (scores[c] - (c == label ? 1 : 0)) * x[f];
                }
            }
            """);

    /// <summary>
    /// A three-layer net whose backward method is called UpdateWeights (no "back", "grad", "train"...): the zero output
    /// layer w3 is multiplied by the output deltas there, and that must not make it look like a hidden layer.
    /// </summary>
    [Fact]
    public Task Zero_output_layer_of_a_deep_net_with_a_backward_pass_named_UpdateWeights_is_not_reported() =>
        VerifyAsync("""
            using System;

            public sealed class DeepNet
            {
                private readonly double[,] w1, w2, w3;
                private readonly double[] h1, h2, o, d1, d2, d3;

                public DeepNet(int n0, int n1, int n2, int n3, Random r)
                {
                    w1 = new double[n1, n0];
                    w2 = new double[n2, n1];
                    w3 = new double[n3, n2]; // zero output head: fine
                    for (int i = 0; i < n1; i++) for (int j = 0; j < n0; j++) w1[i, j] = (r.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / n0);
                    for (int i = 0; i < n2; i++) for (int j = 0; j < n1; j++) w2[i, j] = (r.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / n1);
                    h1 = new double[n1]; h2 = new double[n2]; o = new double[n3];
                    d1 = new double[n1]; d2 = new double[n2]; d3 = new double[n3];
                }

                public double[] Forward(double[] x)
                {
                    for (int i = 0; i < h1.Length; i++) { double s = 0; for (int j = 0; j < x.Length; j++) s += w1[i, j] * x[j]; h1[i] = Math.Max(0, s); }
                    for (int i = 0; i < h2.Length; i++) { double s = 0; for (int j = 0; j < h1.Length; j++) s += w2[i, j] * h1[j]; h2[i] = Math.Max(0, s); }
                    for (int i = 0; i < o.Length; i++) { double s = 0; for (int j = 0; j < h2.Length; j++) s += w3[i, j] * h2[j]; o[i] = s; }
                    return o;
                }

                public void UpdateWeights(double[] x, double[] target, double rate)
                {
                    for (int k = 0; k < o.Length; k++) d3[k] = o[k] - target[k];
                    Array.Clear(d2);
                    for (int k = 0; k < o.Length; k++) for (int j = 0; j < h2.Length; j++) d2[j] += d3[k] * w3[k, j];
                    for (int j = 0; j < h2.Length; j++) if (h2[j] <= 0) d2[j] = 0;
                    Array.Clear(d1);
                    for (int j = 0; j < h2.Length; j++) for (int i = 0; i < h1.Length; i++) d1[i] += d2[j] * w2[j, i];
                    for (int i = 0; i < h1.Length; i++) if (h1[i] <= 0) d1[i] = 0;
                    for (int k = 0; k < o.Length; k++) for (int j = 0; j < h2.Length; j++) w3[k, j] -= rate * d3[k] * h2[j];
                    for (int j = 0; j < h2.Length; j++) for (int i = 0; i < h1.Length; i++) w2[j, i] -= rate * d2[j] * h1[i];
                    for (int i = 0; i < h1.Length; i++) for (int n = 0; n < x.Length; n++) w1[i, n] -= rate * d1[i] * x[n];
                }
            }
            """);

    // ------------------------------------------------------------------------------------------------
    // Zero / constant parameters that are correct inside a deep network (DOMAIN.md section 4, bullet 3 and 2)
    // ------------------------------------------------------------------------------------------------

    /// <summary>LayerNorm's scale (PyTorch calls it "weight") starts at 1, applied in place before the next layer.</summary>
    [Fact]
    public Task Layer_norm_scale_of_one_applied_in_place_is_not_reported() =>
        VerifyAsync("""
            using System;

            public sealed class NormedMlp
            {
                private readonly double[,] w1;
                private readonly double[,] w2;
                private readonly double[] lnWeight;
                private readonly double[] lnBias;
                private readonly double[] h;
                private readonly double[] y;

                public NormedMlp(int inputs, int units, int outputs, Random r)
                {
                    w1 = new double[units, inputs];
                    for (int i = 0; i < units; i++) for (int j = 0; j < inputs; j++) w1[i, j] = (r.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / inputs);
                    w2 = new double[outputs, units];
                    for (int i = 0; i < outputs; i++) for (int j = 0; j < units; j++) w2[i, j] = (r.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (units + outputs));
                    lnWeight = new double[units];
                    Array.Fill(lnWeight, 1.0);
                    lnBias = new double[units];
                    h = new double[units];
                    y = new double[outputs];
                }

                public double[] Forward(double[] x)
                {
                    for (int i = 0; i < h.Length; i++)
                    {
                        double s = 0;
                        for (int j = 0; j < x.Length; j++) s += w1[i, j] * x[j];
                        h[i] = Math.Max(0, s);
                    }

                    double mean = 0, variance = 0;
                    for (int i = 0; i < h.Length; i++) mean += h[i];
                    mean /= h.Length;
                    for (int i = 0; i < h.Length; i++) variance += (h[i] - mean) * (h[i] - mean);
                    variance /= h.Length;
                    for (int i = 0; i < h.Length; i++) h[i] = (h[i] - mean) / Math.Sqrt(variance + 1e-5);
                    for (int i = 0; i < h.Length; i++) h[i] = lnWeight[i] * h[i] + lnBias[i];

                    for (int k = 0; k < y.Length; k++)
                    {
                        double s = 0;
                        for (int i = 0; i < h.Length; i++) s += w2[k, i] * h[i];
                        y[k] = s;
                    }

                    return y;
                }
            }
            """);

    /// <summary>Fixup / ReZero: the last projection of a residual branch starts at zero so the block starts as the identity.</summary>
    [Fact]
    public Task Zero_initialized_residual_branch_projection_is_not_reported() =>
        VerifyAsync("""
            using System;

            public sealed class ResidualMlp
            {
                private readonly double[,] expand;   // dim -> units, random
                private readonly double[,] project;  // units -> dim, zero: the residual branch starts silent
                private readonly double[,] head;     // dim -> classes, random
                private readonly double[] h, y, logits;

                public ResidualMlp(int dim, int units, int classes, Random r)
                {
                    expand = new double[units, dim];
                    for (int i = 0; i < units; i++) for (int j = 0; j < dim; j++) expand[i, j] = (r.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / dim);
                    project = new double[dim, units];
                    head = new double[classes, dim];
                    for (int i = 0; i < classes; i++) for (int j = 0; j < dim; j++) head[i, j] = (r.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (dim + classes));
                    h = new double[units]; y = new double[dim]; logits = new double[classes];
                }

                public double[] Forward(double[] x)
                {
                    for (int i = 0; i < h.Length; i++) { double s = 0; for (int j = 0; j < x.Length; j++) s += expand[i, j] * x[j]; h[i] = Math.Max(0, s); }
                    for (int i = 0; i < y.Length; i++) { double s = 0; for (int j = 0; j < h.Length; j++) s += project[i, j] * h[j]; y[i] = x[i] + s; }
                    for (int k = 0; k < logits.Length; k++) { double s = 0; for (int i = 0; i < y.Length; i++) s += head[k, i] * y[i]; logits[k] = s; }
                    return logits;
                }
            }
            """);

    /// <summary>LoRA: B starts at zero so the adapted layer starts equal to the pretrained one.</summary>
    [Fact]
    public Task Zero_LoRA_B_matrix_is_not_reported() =>
        VerifyAsync("""
            using System;

            public sealed class LoraLinear
            {
                private readonly double[,] frozen;
                private readonly double[,] loraA;
                private readonly double[,] loraB;
                private readonly double[,] classifier;
                private readonly double[] down, y, logits;
                private readonly double scale;

                public LoraLinear(double[,] pretrained, double[,] pretrainedClassifier, int rank, double alpha, Random r)
                {
                    frozen = pretrained;
                    classifier = pretrainedClassifier;
                    int outDim = pretrained.GetLength(0), inDim = pretrained.GetLength(1);
                    loraA = new double[rank, inDim];
                    for (int i = 0; i < rank; i++) for (int j = 0; j < inDim; j++) loraA[i, j] = (r.NextDouble() * 2 - 1) / Math.Sqrt(inDim);
                    loraB = new double[outDim, rank];
                    scale = alpha / rank;
                    down = new double[rank]; y = new double[outDim]; logits = new double[pretrainedClassifier.GetLength(0)];
                }

                public double[] Forward(double[] x)
                {
                    for (int r = 0; r < down.Length; r++) { double s = 0; for (int j = 0; j < x.Length; j++) s += loraA[r, j] * x[j]; down[r] = s; }
                    for (int i = 0; i < y.Length; i++)
                    {
                        double s = 0;
                        for (int j = 0; j < x.Length; j++) s += frozen[i, j] * x[j];
                        double d = 0;
                        for (int r = 0; r < down.Length; r++) d += loraB[i, r] * down[r];
                        y[i] = Math.Max(0, s + scale * d);
                    }

                    for (int k = 0; k < logits.Length; k++) { double s = 0; for (int i = 0; i < y.Length; i++) s += classifier[k, i] * y[i]; logits[k] = s; }
                    return logits;
                }
            }
            """);

    /// <summary>A Hopfield network stores patterns with the Hebbian rule from zero weights: that is the algorithm, not a bug.</summary>
    [Fact]
    public Task Hopfield_network_weights_built_by_the_Hebbian_rule_from_zero_are_not_reported() =>
        VerifyAsync("""
            public sealed class HopfieldNetwork
            {
                private readonly double[,] weights;

                public HopfieldNetwork(int neurons) => weights = new double[neurons, neurons];

                public void Store(double[] pattern)
                {
                    for (int i = 0; i < pattern.Length; i++)
                        for (int j = 0; j < pattern.Length; j++)
                            if (i != j) weights[i, j] += pattern[i] * pattern[j] / pattern.Length;
                }

                public double[] Recall(double[] probe, int sweeps)
                {
                    var state = (double[])probe.Clone();
                    for (int s = 0; s < sweeps; s++)
                        for (int i = 0; i < state.Length; i++)
                        {
                            double h = 0;
                            for (int j = 0; j < state.Length; j++) h += weights[i, j] * state[j];
                            state[i] = h >= 0 ? 1 : -1;
                        }
                    return state;
                }
            }
            """);

    /// <summary>IRNN (Le et al. 2015): the recurrent matrix starts as the identity, written through a computed diagonal index.</summary>
    [Fact]
    public Task Identity_recurrent_weights_written_through_a_diagonal_index_local_are_not_reported() =>
        VerifyAsync("""
            using System;

            public sealed class IrnnCell
            {
                private readonly int inputs, units;
                private readonly double[] inputWeights, recurrentWeights, outputWeights, hidden, previous;

                public IrnnCell(int inputs, int units, Random r)
                {
                    this.inputs = inputs;
                    this.units = units;
                    inputWeights = new double[units * inputs];
                    for (int k = 0; k < inputWeights.Length; k++) inputWeights[k] = (r.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / inputs);
                    recurrentWeights = new double[units * units];
                    for (int i = 0; i < units; i++)
                    {
                        int diagonal = i * units + i;
                        recurrentWeights[diagonal] = 1.0;
                    }

                    outputWeights = new double[units];
                    for (int i = 0; i < units; i++) outputWeights[i] = (r.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (units + 1));
                    hidden = new double[units];
                    previous = new double[units];
                }

                public double Step(double[] x)
                {
                    Array.Copy(hidden, previous, units);
                    for (int i = 0; i < units; i++)
                    {
                        double s = 0;
                        for (int j = 0; j < inputs; j++) s += inputWeights[i * inputs + j] * x[j];
                        for (int k = 0; k < units; k++) s += recurrentWeights[i * units + k] * previous[k];
                        hidden[i] = Math.Max(0, s);
                    }

                    double y = 0;
                    for (int i = 0; i < units; i++) y += outputWeights[i] * hidden[i];
                    return y;
                }
            }
            """);

    /// <summary>"Attention weights" are activations recomputed on every call, not parameters.</summary>
    [Fact]
    public Task Attention_weights_buffer_computed_by_compound_dot_products_is_not_reported() =>
        VerifyAsync("""
            using System;

            public sealed class SelfAttention
            {
                private readonly int tokens, dim;
                private readonly double[,] queryWeights, keyWeights, valueWeights, outputWeights;
                private readonly double[,] q, k, v, attentionWeights, context, y;

                public SelfAttention(int tokens, int dim, Random random)
                {
                    this.tokens = tokens;
                    this.dim = dim;
                    queryWeights = Xavier(dim, dim, random);
                    keyWeights = Xavier(dim, dim, random);
                    valueWeights = Xavier(dim, dim, random);
                    outputWeights = Xavier(dim, dim, random);
                    q = new double[tokens, dim]; k = new double[tokens, dim]; v = new double[tokens, dim];
                    attentionWeights = new double[tokens, tokens];
                    context = new double[tokens, dim];
                    y = new double[tokens, dim];
                }

                private static double[,] Xavier(int rows, int columns, Random random)
                {
                    var m = new double[rows, columns];
                    double bound = Math.Sqrt(6.0 / (rows + columns));
                    for (int i = 0; i < rows; i++) for (int j = 0; j < columns; j++) m[i, j] = (random.NextDouble() * 2 - 1) * bound;
                    return m;
                }

                public double[,] Forward(double[,] x)
                {
                    Array.Clear(q); Array.Clear(k); Array.Clear(v);
                    for (int t = 0; t < tokens; t++)
                        for (int i = 0; i < dim; i++)
                            for (int d = 0; d < dim; d++)
                            {
                                q[t, i] += queryWeights[i, d] * x[t, d];
                                k[t, i] += keyWeights[i, d] * x[t, d];
                                v[t, i] += valueWeights[i, d] * x[t, d];
                            }

                    Array.Clear(attentionWeights);
                    for (int t = 0; t < tokens; t++)
                        for (int s = 0; s < tokens; s++)
                            for (int i = 0; i < dim; i++)
                                attentionWeights[t, s] += q[t, i] * k[s, i] / Math.Sqrt(dim);

                    for (int t = 0; t < tokens; t++)
                    {
                        double max = double.MinValue, total = 0;
                        for (int s = 0; s < tokens; s++) max = Math.Max(max, attentionWeights[t, s]);
                        for (int s = 0; s < tokens; s++) { attentionWeights[t, s] = Math.Exp(attentionWeights[t, s] - max); total += attentionWeights[t, s]; }
                        for (int s = 0; s < tokens; s++) attentionWeights[t, s] /= total;
                    }

                    Array.Clear(context);
                    for (int t = 0; t < tokens; t++)
                        for (int s = 0; s < tokens; s++)
                            for (int i = 0; i < dim; i++)
                                context[t, i] += attentionWeights[t, s] * v[s, i];

                    Array.Clear(y);
                    for (int t = 0; t < tokens; t++)
                        for (int o = 0; o < dim; o++)
                            for (int i = 0; i < dim; i++)
                                y[t, o] += outputWeights[o, i] * context[t, i];
                    return y;
                }
            }
            """);

    /// <summary>Class-balanced logistic regression: sample weights of 1 scale the loss, the model has no hidden layer.</summary>
    [Fact]
    public Task Weighted_logistic_regression_with_unit_sample_weights_is_not_reported() =>
        VerifyAsync("""
            using System;

            public sealed class WeightedLogisticRegression
            {
                private readonly double[] weights;
                private readonly double[] sampleWeights;
                private readonly double[] losses;

                public WeightedLogisticRegression(int features, int samples)
                {
                    weights = new double[features];
                    sampleWeights = new double[samples];
                    Array.Fill(sampleWeights, 1.0);
                    losses = new double[samples];
                }

                public double Probability(double[] x)
                {
                    double z = 0;
                    for (int j = 0; j < x.Length; j++) z += x[j] * weights[j];
                    return 1 / (1 + Math.Exp(-z));
                }

                public double WeightedLoss(double[][] xs, int[] ys)
                {
                    for (int n = 0; n < xs.Length; n++)
                    {
                        double p = Probability(xs[n]);
                        losses[n] = -(ys[n] * Math.Log(p) + (1 - ys[n]) * Math.Log(1 - p));
                    }

                    double loss = 0;
                    for (int n = 0; n < xs.Length; n++) loss += sampleWeights[n] * losses[n];
                    return loss;
                }

                public void Step(double[][] xs, int[] ys, double rate)
                {
                    for (int n = 0; n < xs.Length; n++)
                    {
                        double g = (Probability(xs[n]) - ys[n]) * sampleWeights[n];
                        for (int j = 0; j < weights.Length; j++) weights[j] -= rate * g * xs[n][j];
                    }
                }
            }
            """);

    /// <summary>
    /// A zero hidden layer IS a bug, but when the data flow goes through a helper the analyzer must not also blame the
    /// output layer (zero output layers are fine).
    /// </summary>
    [Fact]
    public Task When_a_helper_hides_the_flow_between_two_zero_layers_nothing_is_guessed() =>
        VerifyAsync("""
            using System;

            public sealed class Net
            {
                private readonly double[,] w1 = new double[8, 4];
                private readonly double[,] w2 = new double[2, 8];
                private readonly double[] preActivation = new double[8];
                private readonly double[] activation = new double[8];
                private readonly double[] output = new double[2];

                public double[] Forward(double[] x)
                {
                    for (int i = 0; i < 8; i++) { double s = 0; for (int j = 0; j < 4; j++) s += w1[i, j] * x[j]; preActivation[i] = s; }
                    ApplyTanh(preActivation, activation);
                    for (int k = 0; k < 2; k++) { double s = 0; for (int i = 0; i < 8; i++) s += w2[k, i] * activation[i]; output[k] = s; }
                    return output;
                }

                private static void ApplyTanh(double[] from, double[] to) { for (int i = 0; i < from.Length; i++) to[i] = Math.Tanh(from[i]); }
            }
            """);

    [Fact]
    public Task Hidden_weights_chosen_through_a_conditional_alias_are_not_reported() =>
        VerifyAsync(JaggedNet.Replace("HIDDEN_FILL", """
            for (int layer = 0; layer < 2; layer++)
                    {
                        double[][] target = layer == 0 ? w1 : w2;
                        foreach (var row in target) for (int j = 0; j < row.Length; j++) row[j] = Gaussian(random) * Math.Sqrt(1.0 / row.Length);
                    }
            """));

    // ------------------------------------------------------------------------------------------------
    // Non-neural numeric code
    // ------------------------------------------------------------------------------------------------

    /// <summary>Finite-element style assembly: global matrices start at zero and are assembled with +=.</summary>
    [Fact]
    public Task Spring_mass_stiffness_and_damping_matrices_assembled_with_compound_adds_are_not_reported() =>
        VerifyAsync("""
            public sealed class SpringMassSystem
            {
                private readonly double[,] stiffness;
                private readonly double[,] damping;
                private readonly double[] displacement, velocity, force, mass;

                public SpringMassSystem(int nodes, double nodeMass)
                {
                    stiffness = new double[nodes, nodes];
                    damping = new double[nodes, nodes];
                    displacement = new double[nodes];
                    velocity = new double[nodes];
                    force = new double[nodes];
                    mass = new double[nodes];
                    for (int i = 0; i < nodes; i++) mass[i] = nodeMass;
                }

                public void AddSpring(int a, int b, double k, double c)
                {
                    stiffness[a, a] += k; stiffness[b, b] += k; stiffness[a, b] -= k; stiffness[b, a] -= k;
                    damping[a, a] += c; damping[b, b] += c; damping[a, b] -= c; damping[b, a] -= c;
                }

                public void Step(double dt)
                {
                    for (int i = 0; i < force.Length; i++)
                    {
                        double f = 0;
                        for (int j = 0; j < force.Length; j++)
                        {
                            f -= stiffness[i, j] * displacement[j];
                            f -= damping[i, j] * velocity[j];
                        }
                        force[i] = f;
                    }

                    for (int i = 0; i < force.Length; i++)
                    {
                        velocity[i] += dt * force[i] / mass[i];
                        displacement[i] += dt * velocity[i];
                    }
                }
            }
            """);

    /// <summary>A Markov chain counts transitions from zero and forecasts two steps ahead.</summary>
    [Fact]
    public Task Markov_chain_transition_counts_and_a_two_step_forecast_are_not_reported() =>
        VerifyAsync("""
            using System;

            public sealed class MarkovChain
            {
                private readonly double[,] transitions;
                private readonly double[] afterOne;
                private readonly double[] afterTwo;

                public MarkovChain(int states)
                {
                    transitions = new double[states, states];
                    afterOne = new double[states];
                    afterTwo = new double[states];
                }

                public void Observe(int from, int to) => transitions[from, to] += 1;

                public void Normalize()
                {
                    int n = afterOne.Length;
                    for (int i = 0; i < n; i++)
                    {
                        double total = 0;
                        for (int j = 0; j < n; j++) total += transitions[i, j];
                        if (total == 0) continue;
                        for (int j = 0; j < n; j++) transitions[i, j] /= total;
                    }
                }

                public double[] ForecastTwoSteps(double[] current)
                {
                    Array.Clear(afterOne);
                    Array.Clear(afterTwo);
                    for (int i = 0; i < current.Length; i++)
                        for (int j = 0; j < current.Length; j++)
                            afterOne[j] += current[i] * transitions[i, j];
                    for (int i = 0; i < current.Length; i++)
                        for (int j = 0; j < current.Length; j++)
                            afterTwo[j] += afterOne[i] * transitions[i, j];
                    return afterTwo;
                }
            }
            """);

    /// <summary>Two passes of a 3x3 box blur approximate a Gaussian: the kernel is one constant on purpose.</summary>
    [Fact]
    public Task Two_pass_box_blur_with_a_constant_kernel_is_not_reported() =>
        VerifyAsync("""
            using System;

            public sealed class BoxBlur
            {
                private readonly double[,] kernel = new double[3, 3];
                private readonly double[,] firstPass;
                private readonly double[,] secondPass;

                public BoxBlur(int height, int width)
                {
                    for (int ky = 0; ky < 3; ky++)
                        for (int kx = 0; kx < 3; kx++)
                            kernel[ky, kx] = 1.0 / 9;
                    firstPass = new double[height, width];
                    secondPass = new double[height, width];
                }

                public double[,] Apply(double[,] image)
                {
                    int h = image.GetLength(0), w = image.GetLength(1);
                    for (int y = 1; y < h - 1; y++)
                        for (int x = 1; x < w - 1; x++)
                        {
                            double sum = 0;
                            for (int ky = 0; ky < 3; ky++)
                                for (int kx = 0; kx < 3; kx++)
                                    sum += kernel[ky, kx] * image[y + ky - 1, x + kx - 1];
                            firstPass[y, x] = sum;
                        }

                    for (int y = 1; y < h - 1; y++)
                        for (int x = 1; x < w - 1; x++)
                        {
                            double sum = 0;
                            for (int ky = 0; ky < 3; ky++)
                                for (int kx = 0; kx < 3; kx++)
                                    sum += kernel[ky, kx] * firstPass[y + ky - 1, x + kx - 1];
                            secondPass[y, x] = sum;
                        }

                    return secondPass;
                }
            }
            """);

    /// <summary>
    /// A box blur named <c>weights</c>, clamped to [0, 255] like a ReLU, and run twice by <c>Blur(Blur(image))</c>: the same
    /// kernel applied again is a filter repeated, not a layer stacked on another.
    /// </summary>
    [Fact]
    public Task A_constant_kernel_applied_twice_by_its_own_type_is_not_reported() =>
        VerifyAsync("""
            using System;

            public sealed class ImageFilter
            {
                private readonly float[,] weights = new float[3, 3];

                public ImageFilter()
                {
                    for (int y = 0; y < 3; y++)
                        for (int x = 0; x < 3; x++)
                            weights[y, x] = 1.0f / (3 * 3);
                }

                public float[,] Blur(float[,] image)
                {
                    int height = image.GetLength(0), width = image.GetLength(1);
                    var output = new float[height, width];
                    for (int y = 1; y < height - 1; y++)
                        for (int x = 1; x < width - 1; x++)
                        {
                            float sum = 0;
                            for (int ky = -1; ky <= 1; ky++)
                                for (int kx = -1; kx <= 1; kx++)
                                    sum += weights[ky + 1, kx + 1] * image[y + ky, x + kx];
                            output[y, x] = Math.Max(0, Math.Min(255, sum));
                        }

                    return output;
                }

                public float[,] BlurTwice(float[,] image) => Blur(Blur(image));

                public float[,] BlurThrice(float[,] image)
                {
                    var once = this.Blur(image);
                    return this.Blur(Blur(once));
                }
            }
            """);

    /// <summary>
    /// The same layer class chained through two instances is a stack of layers: its constant weights are reported. Chained
    /// calls are found by a text search of the name as a member call, so a call written over two lines, or with a comment
    /// between the dot and the name or before the parenthesis, is still one.
    /// </summary>
    [Theory]
    [InlineData("return second.Forward(first.Forward(x));")]
    [InlineData("var hidden = first\n        .Forward(x);\n    return second./* the output layer */Forward /* of the hidden one */ (hidden);")]
    public Task A_constant_layer_class_chained_through_two_instances_is_reported(string run) =>
        VerifyAsync("""
            using System;

            public sealed class Dense
            {
                private readonly double[,] weights;

                public Dense(int inputs, int outputs)
                {
                    weights = new double[outputs, inputs];
                    for (int i = 0; i < outputs; i++)
                        for (int j = 0; j < inputs; j++)
                            {|INIT002:weights[i, j] = 0.5|};
                }

                public double[] Forward(double[] x)
                {
                    var y = new double[weights.GetLength(0)];
                    for (int i = 0; i < y.Length; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < x.Length; j++) sum += weights[i, j] * x[j];
                        y[i] = Math.Max(0, sum);
                    }

                    return y;
                }
            }

            public static class Program
            {
                public static double[] Run(double[] x)
                {
                    var first = new Dense(4, 8);
                    var second = new Dense(8, 2);
                    {{run}}
                }
            }
            """.Replace("{{run}}", run));

    /// <summary>
    /// An explicit interface implementation (ILayer.Forward) has no member named Forward of its own: its calls chained into a
    /// network still make its constant weights a stack of layers.
    /// </summary>
    [Fact]
    public Task A_constant_layer_class_chained_through_an_explicit_interface_implementation_is_reported() =>
        VerifyAsync("""
            using System;

            public interface ILayer
            {
                double[] Forward(double[] x);
            }

            public sealed class Dense : ILayer
            {
                private readonly double[,] weights;

                public Dense(int inputs, int outputs)
                {
                    weights = new double[outputs, inputs];
                    for (int i = 0; i < outputs; i++)
                        for (int j = 0; j < inputs; j++)
                            {|INIT002:weights[i, j] = 0.5|};
                }

                double[] ILayer.Forward(double[] x)
                {
                    var y = new double[weights.GetLength(0)];
                    for (int i = 0; i < y.Length; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < x.Length; j++) sum += weights[i, j] * x[j];
                        y[i] = Math.Max(0, sum);
                    }

                    return y;
                }
            }

            public static class Program
            {
                public static double[] Run(double[] x)
                {
                    ILayer first = new Dense(4, 8);
                    ILayer second = new Dense(8, 2);
                    return second.Forward(first.Forward(x));
                }
            }
            """);

    /// <summary>An audio filter bank of moving-average FIR filters: equal taps are the definition of a moving average.</summary>
    [Fact]
    public Task Moving_average_FIR_filters_in_a_filter_bank_are_not_reported() =>
        VerifyAsync("""
            using System;
            using System.Collections.Generic;

            public sealed class FirFilter
            {
                private readonly float[] filterTaps;
                private readonly float[] history;
                private int position;

                public FirFilter(int length)
                {
                    filterTaps = new float[length];
                    Array.Fill(filterTaps, 0.2f);
                    history = new float[length];
                }

                public float Process(float sample)
                {
                    history[position] = sample;
                    float y = 0;
                    for (int k = 0; k < filterTaps.Length; k++)
                        y += filterTaps[k] * history[(position + filterTaps.Length - k) % filterTaps.Length];
                    position = (position + 1) % filterTaps.Length;
                    return y;
                }
            }

            public sealed class Equalizer
            {
                private readonly List<FirFilter> bands = new();

                public Equalizer(int count) { for (int i = 0; i < count; i++) bands.Add(new FirFilter(5)); }

                public float Process(float sample)
                {
                    float mix = 0;
                    foreach (var band in bands) mix += band.Process(sample);
                    return mix / bands.Count;
                }
            }
            """);

    /// <summary>Boids weigh separation, alignment and cohesion equally by default; a flock is a List&lt;Boid&gt;.</summary>
    [Fact]
    public Task Boid_steering_rule_weights_of_one_in_a_flock_are_not_reported() =>
        VerifyAsync("""
            using System.Collections.Generic;
            using System.Numerics;

            public sealed class Boid
            {
                private readonly float[] ruleWeights = { 1f, 1f, 1f };
                public Vector3 Position;
                public Vector3 Velocity;

                public void Update(List<Boid> flock, float dt)
                {
                    Vector3[] forces = { Separation(flock), Alignment(flock), Cohesion(flock) };
                    Vector3 steer = Vector3.Zero;
                    for (int i = 0; i < forces.Length; i++) steer += ruleWeights[i] * forces[i];
                    Velocity += steer * dt;
                    Position += Velocity * dt;
                }

                private Vector3 Separation(List<Boid> flock) { var f = Vector3.Zero; foreach (var b in flock) if (b != this) f += Position - b.Position; return f; }
                private Vector3 Alignment(List<Boid> flock) { var f = Vector3.Zero; foreach (var b in flock) f += b.Velocity; return f / flock.Count - Velocity; }
                private Vector3 Cohesion(List<Boid> flock) { var f = Vector3.Zero; foreach (var b in flock) f += b.Position; return f / flock.Count - Position; }
            }
            """);

    /// <summary>Survey raking: design and calibration weights start at 1 and are rescaled in place with *=.</summary>
    [Fact]
    public Task Survey_design_and_calibration_weights_of_one_are_not_reported() =>
        VerifyAsync("""
            using System;

            public sealed class SurveyEstimator
            {
                private readonly double[] designWeights;
                private readonly double[] calibrationWeights;
                private readonly double[] values;

                public SurveyEstimator(double[] responses)
                {
                    values = responses;
                    designWeights = new double[responses.Length];
                    calibrationWeights = new double[responses.Length];
                    Array.Fill(designWeights, 1.0);
                    Array.Fill(calibrationWeights, 1.0);
                }

                public void Rake(int[] group, double[] populationShare)
                {
                    var share = new double[populationShare.Length];
                    for (int i = 0; i < values.Length; i++) share[group[i]] += calibrationWeights[i] / values.Length;
                    for (int i = 0; i < values.Length; i++) calibrationWeights[i] *= populationShare[group[i]] / share[group[i]];
                }

                public double Total()
                {
                    double total = 0;
                    for (int i = 0; i < values.Length; i++) total += designWeights[i] * values[i];
                    return total;
                }

                public double CalibratedTotal()
                {
                    double total = 0;
                    for (int i = 0; i < values.Length; i++) total += calibrationWeights[i] * values[i];
                    return total;
                }
            }
            """);

    /// <summary>A small matrix type: plenty of instances, values written through the indexer.</summary>
    [Fact]
    public Task A_matrix_type_written_through_its_indexer_is_not_reported() =>
        VerifyAsync("""
            public sealed class Matrix
            {
                private readonly double[,] data;

                public Matrix(int rows, int columns) => data = new double[rows, columns];

                public double this[int i, int j] { get => data[i, j]; set => data[i, j] = value; }

                public static Matrix Identity(int n) { var m = new Matrix(n, n); for (int i = 0; i < n; i++) m[i, i] = 1; return m; }

                public double[] Multiply(double[] v)
                {
                    var result = new double[data.GetLength(0)];
                    for (int i = 0; i < result.Length; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < v.Length; j++) sum += data[i, j] * v[j];
                        result[i] = sum;
                    }
                    return result;
                }

                public static double[] Twice(Matrix a, double[] v) => a.Multiply(a.Multiply(v));
            }

            public static class Demo
            {
                public static double[] Run() => Matrix.Twice(new Matrix(2, 2) { [0, 0] = 2, [1, 1] = 3 }, new[] { 1.0, 1.0 });
            }
            """);

    // ------------------------------------------------------------------------------------------------
    // Hidden weights filled later by code the analyzer must read correctly
    // ------------------------------------------------------------------------------------------------

    /// <summary>Two-layer tanh net; HIDDEN_FILL is placed in the constructor after the zero allocation of w1 (jagged).</summary>
    private const string JaggedNet = """
        using System;

        public sealed class JaggedNet
        {
            private readonly double[][] w1;
            private readonly double[][] w2;
            private readonly double[] hidden;
            private readonly double[] output;

            public JaggedNet(int inputs, int units, int outputs, Random random, double[][] saved)
            {
                w1 = new double[units][];
                for (int i = 0; i < units; i++) w1[i] = new double[inputs];
                w2 = new double[outputs][];
                for (int i = 0; i < outputs; i++)
                {
                    w2[i] = new double[units];
                    for (int j = 0; j < units; j++) w2[i][j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (units + outputs));
                }

                hidden = new double[units];
                output = new double[outputs];
                HIDDEN_FILL
            }

            public double[] Forward(double[] x)
            {
                for (int i = 0; i < hidden.Length; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < x.Length; j++) sum += w1[i][j] * x[j];
                    hidden[i] = Math.Tanh(sum);
                }

                for (int i = 0; i < output.Length; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < hidden.Length; j++) sum += w2[i][j] * hidden[j];
                    output[i] = sum;
                }

                return output;
            }

            private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        }
        """;

    [Fact]
    public Task Hidden_rows_loaded_with_Array_CopyTo_are_not_reported() =>
        VerifyAsync(JaggedNet.Replace("HIDDEN_FILL", "for (int i = 0; i < units; i++) saved[i].CopyTo(w1[i], 0);"));

    [Fact]
    public Task Hidden_rows_written_through_a_ref_local_are_not_reported() =>
        VerifyAsync(JaggedNet.Replace("HIDDEN_FILL", """
            for (int i = 0; i < units; i++)
                    for (int j = 0; j < inputs; j++)
                    {
                        ref double cell = ref w1[i][j];
                        cell = Gaussian(random) * Math.Sqrt(1.0 / inputs);
                    }
            """));

    /// <summary>Box-Muller yields two normals at once; deconstructing them into two weights is natural.</summary>
    [Fact]
    public Task Hidden_weights_written_by_tuple_deconstruction_are_not_reported() =>
        VerifyAsync(JaggedNet.Replace("HIDDEN_FILL", """
            for (int i = 0; i < units; i++)
                    for (int j = 0; j + 1 < inputs; j += 2)
                        (w1[i][j], w1[i][j + 1]) = BoxMuller(random, Math.Sqrt(1.0 / inputs));
            """).Replace("private static double Gaussian(", """
            private static (double, double) BoxMuller(Random random, double std)
                {
                    double radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * std, angle = 2 * Math.PI * random.NextDouble();
                    return (radius * Math.Cos(angle), radius * Math.Sin(angle));
                }

                private static double Gaussian(
            """));

    /// <summary>Neuroevolution: a brand-new brain starts at zero and is mutated by Gaussian noise held in a local.</summary>
    [Fact]
    public Task Hidden_weights_mutated_by_noise_held_in_a_local_are_not_reported() =>
        VerifyAsync(JaggedNet.Replace("HIDDEN_FILL", "Mutate(random, 1.0);").Replace("private static double Gaussian(", """
            public void Mutate(Random random, double strength)
                {
                    for (int i = 0; i < w1.Length; i++)
                        for (int j = 0; j < w1[i].Length; j++)
                        {
                            double noise = Gaussian(random) * strength;
                            w1[i][j] += noise;
                        }
                }

                private static double Gaussian(
            """));

    [Fact]
    public Task Hidden_weights_filled_by_a_local_function_are_not_reported() =>
        VerifyAsync(JaggedNet.Replace("HIDDEN_FILL", """
            Xavier(w1);
                    void Xavier(double[][] m) { foreach (var row in m) for (int j = 0; j < row.Length; j++) row[j] = Gaussian(random) * Math.Sqrt(2.0 / (inputs + units)); }
            """));

    [Fact]
    public Task Hidden_weights_filled_in_a_Parallel_For_lambda_are_not_reported() =>
        VerifyAsync(JaggedNet.Replace("HIDDEN_FILL", """
            System.Threading.Tasks.Parallel.For(0, units, i =>
                    {
                        var local = new Random(i);
                        for (int j = 0; j < inputs; j++) w1[i][j] = Gaussian(local) * Math.Sqrt(1.0 / inputs);
                    });
            """));

    [Fact]
    public Task Hidden_weights_replaced_by_a_LINQ_query_are_not_reported() =>
        VerifyAsync(JaggedNet
            .Replace("private readonly double[][] w1;", "private double[][] w1;")
            .Replace("HIDDEN_FILL", "w1 = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(w1, row => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(row, _ => Gaussian(random)))));"));

    [Fact]
    public Task Hidden_weights_handed_to_an_event_handler_are_not_reported() =>
        VerifyAsync(JaggedNet
            .Replace("HIDDEN_FILL", "Initializing?.Invoke(w1);")
            .Replace("public double[] Forward(", "public static event Action<double[][]> Initializing;\n\n    public double[] Forward("));

    [Fact]
    public Task Hidden_weights_written_through_a_ref_returning_accessor_are_not_reported() =>
        VerifyAsync(JaggedNet
            .Replace("HIDDEN_FILL", "for (int i = 0; i < units; i++) for (int j = 0; j < inputs; j++) Weight(i, j) = Gaussian(random) * Math.Sqrt(1.0 / inputs);")
            .Replace("public double[] Forward(", "public ref double Weight(int i, int j) => ref w1[i][j];\n\n    public double[] Forward("));

    [Fact]
    public Task Hidden_weights_deserialized_through_MemoryMarshal_are_not_reported() =>
        VerifyAsync(JaggedNet.Replace("HIDDEN_FILL", """
            using (var stream = System.IO.File.OpenRead("w1.bin"))
                        foreach (var row in w1) stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(row.AsSpan()));
            """));

    [Fact]
    public Task Hidden_weights_copied_from_a_span_are_not_reported() =>
        VerifyAsync(JaggedNet.Replace("HIDDEN_FILL", "for (int i = 0; i < units; i++) saved[i].AsSpan().CopyTo(w1[i]);"));

    /// <summary>Flat weights written through a pointer obtained from the first element.</summary>
    [Fact]
    public Task Hidden_weights_written_through_a_fixed_pointer_are_not_reported()
    {
        var test = CreateTest();
        test.TestState.Sources.Add("""
            using System;

            public sealed unsafe class FlatNet
            {
                private readonly float[] w1;
                private readonly float[] w2;
                private readonly float[] hidden = new float[16];

                public FlatNet(Random random)
                {
                    w1 = new float[16 * 8];
                    fixed (float* p = &w1[0])
                    {
                        for (int k = 0; k < 16 * 8; k++) p[k] = (float)((random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / 8));
                    }

                    w2 = new float[16];
                    for (int k = 0; k < 16; k++) w2[k] = (float)((random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / 17));
                }

                public float Forward(float[] x)
                {
                    for (int i = 0; i < 16; i++)
                    {
                        float s = 0;
                        for (int j = 0; j < 8; j++) s += w1[i * 8 + j] * x[j];
                        hidden[i] = MathF.Max(0, s);
                    }

                    float o = 0;
                    for (int i = 0; i < 16; i++) o += w2[i] * hidden[i];
                    return o;
                }
            }
            """);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
        });
        return test.RunAsync();
    }

    // ------------------------------------------------------------------------------------------------
    // Writes from other types: inheritance, serialization, static imports, properties
    // ------------------------------------------------------------------------------------------------

    private const string StackedNetwork = """
        using System.Collections.Generic;

        public sealed class Network
        {
            private readonly List<Layer> layers = new();

            public void Add(Layer layer) => layers.Add(layer);

            public double[] Forward(double[] x)
            {
                foreach (var layer in layers) x = layer.Forward(x);
                return x;
            }
        }
        """;

    /// <summary>A layer base class that allocates its weights and leaves them to the classes derived from it.</summary>
    private const string AbstractLayer = """
        using System;

        public abstract class Layer
        {
            protected readonly double[,] weights;
            protected readonly int inputs, outputs;

            protected Layer(int inputs, int outputs)
            {
                this.inputs = inputs;
                this.outputs = outputs;
                weights = new double[outputs, inputs];
            }

            public double[] Forward(double[] x)
            {
                var y = new double[outputs];
                for (int i = 0; i < outputs; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < inputs; j++) sum += weights[i, j] * x[j];
                    y[i] = Activate(sum);
                }
                return y;
            }

            protected abstract double Activate(double z);
        }
        """;

    /// <summary>The base class allocates, the derived class initializes by the field's simple name.</summary>
    [Fact]
    public Task Protected_weights_initialized_by_a_derived_class_are_not_reported() =>
        VerifyAsync(new[]
        {
            StackedNetwork,
            AbstractLayer + """

            public sealed class ReluLayer : Layer
            {
                public ReluLayer(int inputs, int outputs, Random random) : base(inputs, outputs)
                {
                    double std = Math.Sqrt(2.0 / inputs);
                    for (int i = 0; i < outputs; i++)
                        for (int j = 0; j < inputs; j++)
                            weights[i, j] = std * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                }

                protected override double Activate(double z) => Math.Max(0, z);
            }
            """,
        });

    /// <summary>
    /// The class that initializes the base's weights by their simple name derives from it through another class, in another
    /// file: a bare name in a type derived from the layer, however far down, may be the layer's own field.
    /// </summary>
    [Fact]
    public Task Protected_weights_initialized_by_a_grandchild_class_are_not_reported() =>
        VerifyAsync(new[]
        {
            StackedNetwork,
            AbstractLayer + """

            public abstract class RectifiedLayer : Layer
            {
                protected RectifiedLayer(int inputs, int outputs) : base(inputs, outputs) { }

                protected override double Activate(double z) => Math.Max(0, z);
            }
            """,
            """
            using System;

            public sealed class HeLayer : RectifiedLayer
            {
                public HeLayer(int inputs, int outputs, Random random) : base(inputs, outputs)
                {
                    double std = Math.Sqrt(2.0 / inputs);
                    for (int i = 0; i < outputs; i++)
                        for (int j = 0; j < inputs; j++)
                            this.weights[i, j] = std * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                }
            }

            public sealed class Other
            {
                private readonly double[] weights = new double[4];

                public void Reset() { for (int i = 0; i < weights.Length; i++) weights[i] = 0; }
            }
            """,
        });

    /// <summary>A DTO-style network whose weights are public settable properties, loaded with System.Text.Json.</summary>
    [Fact]
    public Task Public_settable_weight_properties_populated_by_a_deserializer_are_not_reported() =>
        VerifyAsync("""
            using System;
            using System.Text.Json;

            public sealed class SavedNetwork
            {
                public int Inputs { get; set; } = 4;
                public int Units { get; set; } = 8;
                public double[] HiddenWeights { get; set; } = new double[32];
                public double[] OutputWeights { get; set; } = new double[8];

                public static SavedNetwork Load(string json) => JsonSerializer.Deserialize<SavedNetwork>(json) ?? throw new InvalidOperationException();

                public double Forward(double[] x)
                {
                    var hidden = new double[Units];
                    for (int i = 0; i < Units; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < Inputs; j++) sum += HiddenWeights[i * Inputs + j] * x[j];
                        hidden[i] = Math.Tanh(sum);
                    }

                    double output = 0;
                    for (int i = 0; i < Units; i++) output += OutputWeights[i] * hidden[i];
                    return output;
                }
            }
            """);

    /// <summary>Program code that imports the model's static members writes the weights by simple name.</summary>
    [Fact]
    public Task Static_weights_written_through_using_static_are_not_reported() =>
        VerifyAsync(new[]
        {
            StaticModel.Source,
            """
            using System;
            using static Model;

            public static class Program
            {
                public static void Main()
                {
                    var random = new Random(42);
                    for (int i = 0; i < 8; i++) for (int j = 0; j < 4; j++) W1[i, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / 12);
                    for (int j = 0; j < 8; j++) W2[0, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / 9);
                    Console.WriteLine(Predict(new double[4]));
                }
            }
            """,
        });

    /// <summary>Static weights written as Model.W1[i, j] from another class: the analyzer does see these.</summary>
    [Fact]
    public Task Static_weights_written_by_qualified_name_from_another_type_are_judged_there() =>
        VerifyAsync(new[]
        {
            StaticModel.Source,
            StaticModel.Setup,
        });

    /// <summary>A primary constructor hands the static weights to its base class, which may fill them: not known to be zero.</summary>
    [Fact]
    public Task Static_weights_handed_to_the_base_of_a_primary_constructor_are_not_reported() =>
        VerifyAsync("""
            using System;

            public abstract class Filled
            {
                protected Filled(double[,] weights)
                {
                    var random = new Random(1);
                    for (int i = 0; i < weights.GetLength(0); i++)
                        for (int j = 0; j < weights.GetLength(1); j++)
                            weights[i, j] = (random.NextDouble() * 2 - 1) / Math.Sqrt(weights.GetLength(1));
                }
            }

            public sealed class Net() : Filled(W1)
            {
                private static readonly double[,] W1 = new double[8, 4];
                private static readonly double[,] W2 = new double[1, 8];
                private readonly double[] h = new double[8];

                public double Forward(double[] x)
                {
                    for (int i = 0; i < 8; i++) { double s = 0; for (int j = 0; j < 4; j++) s += W1[i, j] * x[j]; h[i] = Math.Tanh(s); }
                    double o = 0;
                    for (int j = 0; j < 8; j++) o += W2[0, j] * h[j];
                    return o;
                }
            }
            """);

    /// <summary>An explicit property returns the private field; a trainer in another type writes through it.</summary>
    [Fact]
    public Task Weights_exposed_by_an_explicit_getter_and_written_outside_are_not_reported() =>
        VerifyAsync(new[]
        {
            StackedNetwork,
            """
            using System;

            public sealed class Layer
            {
                private readonly double[,] weights;

                public Layer(int inputs, int outputs) => weights = new double[outputs, inputs];

                public double[,] Weights { get { return weights; } }

                public double[] Forward(double[] x)
                {
                    var y = new double[weights.GetLength(0)];
                    for (int i = 0; i < y.Length; i++) { double s = 0; for (int j = 0; j < x.Length; j++) s += weights[i, j] * x[j]; y[i] = Math.Tanh(s); }
                    return y;
                }
            }

            public static class Initializer
            {
                public static void Xavier(Layer layer, Random random)
                {
                    var w = layer.Weights;
                    double bound = Math.Sqrt(6.0 / (w.GetLength(0) + w.GetLength(1)));
                    for (int i = 0; i < w.GetLength(0); i++) for (int j = 0; j < w.GetLength(1); j++) w[i, j] = (random.NextDouble() * 2 - 1) * bound;
                }
            }
            """,
        });

    private const string PublicFlatLayer = """
        using System;

        public sealed class Layer
        {
            public readonly double[] weights;
            private readonly int inputs;

            public Layer(int inputs, int outputs) { this.inputs = inputs; weights = new double[outputs * inputs]; }

            public double[] Forward(double[] x)
            {
                var y = new double[weights.Length / inputs];
                for (int i = 0; i < y.Length; i++) { double s = 0; for (int j = 0; j < inputs; j++) s += weights[i * inputs + j] * x[j]; y[i] = Math.Tanh(s); }
                return y;
            }
        }
        """;

    /// <summary>Another type writes a public weight array through tuple deconstruction (Box-Muller pairs).</summary>
    [Fact]
    public Task Public_weights_written_by_another_type_through_tuple_deconstruction_are_not_reported() =>
        VerifyAsync(new[]
        {
            StackedNetwork,
            PublicFlatLayer,
            """
            using System;

            public static class Initializer
            {
                public static void Gaussian(Layer layer, Random random, double std)
                {
                    for (int k = 0; k + 1 < layer.weights.Length; k += 2)
                    {
                        double radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * std, angle = 2 * Math.PI * random.NextDouble();
                        (layer.weights[k], layer.weights[k + 1]) = (radius * Math.Cos(angle), radius * Math.Sin(angle));
                    }
                }
            }
            """,
        });

    /// <summary>Another type writes a public weight array through a ref local.</summary>
    [Fact]
    public Task Public_weights_written_by_another_type_through_a_ref_local_are_not_reported() =>
        VerifyAsync(new[]
        {
            StackedNetwork,
            PublicFlatLayer,
            """
            using System;

            public static class Initializer
            {
                public static void Uniform(Layer layer, Random random, double bound)
                {
                    for (int k = 0; k < layer.weights.Length; k++)
                    {
                        ref double w = ref layer.weights[k];
                        w = (random.NextDouble() * 2 - 1) * bound;
                    }
                }
            }
            """,
        });

    /// <summary>Another type writes a public weight array through a pointer to its first element.</summary>
    [Fact]
    public Task Public_weights_written_by_another_type_through_a_pointer_are_not_reported()
    {
        var test = CreateTest();
        test.TestState.Sources.Add(StackedNetwork);
        test.TestState.Sources.Add(PublicFlatLayer);
        test.TestState.Sources.Add("""
            using System;

            public static unsafe class NativeInitializer
            {
                public static void Uniform(Layer layer, Random random, double bound)
                {
                    fixed (double* p = &layer.weights[0])
                        for (int k = 0; k < layer.weights.Length; k++) p[k] = (random.NextDouble() * 2 - 1) * bound;
                }
            }
            """);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
        });
        return test.RunAsync();
    }

    /// <summary>A record whose weights are swapped in with a <c>with</c> expression inside the record itself.</summary>
    [Fact]
    public Task Record_weights_replaced_by_a_with_expression_are_not_reported() =>
        VerifyAsync(new[]
        {
            """
            using System;

            public sealed record Dense(int Inputs, int Outputs)
            {
                public double[] Weights { get; init; } = new double[Inputs * Outputs];

                public Dense WithWeights(double[] trained) => this with { Weights = trained };

                public double[] Forward(double[] x)
                {
                    var y = new double[Outputs];
                    for (int i = 0; i < Outputs; i++) { double s = 0; for (int j = 0; j < Inputs; j++) s += Weights[i * Inputs + j] * x[j]; y[i] = Math.Tanh(s); }
                    return y;
                }
            }

            public sealed class Stack
            {
                private readonly Dense[] layers;
                public Stack(Dense[] layers) => this.layers = layers;
                public double[] Forward(double[] x) { foreach (var l in layers) x = l.Forward(x); return x; }
            }
            """,
        });

    // ------------------------------------------------------------------------------------------------
    // True positives that must survive (sanity) and false negatives (secondary)
    // ------------------------------------------------------------------------------------------------

    [Fact]
    public Task Sanity_zero_jagged_hidden_layer_is_reported() =>
        VerifyAsync(JaggedNet.Replace("for (int i = 0; i < units; i++) w1[i] = new double[inputs];", "for (int i = 0; i < units; i++) w1[i] = {|INIT001:new double[inputs]|};").Replace("HIDDEN_FILL", string.Empty));

    // ------------------------------------------------------------------------------------------------
    // Robustness: odd or half-typed code must not crash the analyzer (AD0001)
    // ------------------------------------------------------------------------------------------------

    private const string Skeleton = """
        using System;

        public sealed class Net
        {
            private double[,] w1 = new double[8, 4];
            private double[,] w2 = new double[2, 8];
            private double[] h = new double[8];

            public double Forward(double[] x)
            {
                for (int i = 0; i < 8; i++) { double s = 0; for (int j = 0; j < 4; j++) s += BODY; h[i] = ACT; }
                double o = 0;
                for (int j = 0; j < 8; j++) o += w2[0, j] * h[j];
                return o;
            }

            EXTRA
        }
        """;

    [Theory]
    [InlineData("w1[i, j] * x[]", "Math.Tanh(s)", "")]
    [InlineData("w1[i, ] * x[j]", "Math.Tanh(s)", "")]
    [InlineData("w1[] * x[j]", "Math.Tanh(s)", "")]
    [InlineData("w1[i, j] * x[j]", "Act(s)", "double Act(double v) => Act(v);")]
    [InlineData("w1[i, j] * x[j]", "Act(s)", "static double Act(double v) { return v > 0 ? v : ; }")]
    [InlineData("w1[i, j] * x[j]", "Act(s)", "partial double Act(double v);")]
    [InlineData("w1[i, j] * x[j]", "Math.Max(0)", "")]
    [InlineData("w1[i, j] * x[j]", "s > 0 ? s :", "")]
    [InlineData("w1[i, j] * x[j]", "Math.Tanh(s)", "void Init() { w1[0, 0] = 'a'; w1[0, 1] = \"x\"; Array.Fill(w1, ); Array.Fill(); w1 = new double[,] { { 1, }, { } }; }")]
    [InlineData("w1[i, j] * x[j]", "Math.Tanh(s)", "void Init() { w1 = new double[8, 4] { 1e400 }; w1[0, 0] = 1e308 * 10; w1[1, 1] = (double)decimal.MaxValue; }")]
    [InlineData("w1[i][j] * x[j]", "Math.Tanh(s)", "")]
    [InlineData("w1[i, j, 0] * x[j]", "Math.Tanh(s)", "")]
    [InlineData("undefined[i, j] * x[j]", "Math.Tanh(s)", "")]
    [InlineData("w1[i, j] * x[j]", "Math.Tanh(s)", "double[,] w1;")]
    public async Task Odd_or_half_typed_code_does_not_crash_the_analyzer(string body, string activation, string extra)
    {
        var test = CreateTest();
        test.TestState.Sources.Add(Skeleton.Replace("BODY", body).Replace("ACT", activation).Replace("EXTRA", extra));
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.TestState.MarkupHandling = MarkupMode.None;
        try
        {
            await test.RunAsync();
        }
        catch (System.Exception ex) when (!ex.Message.Contains("AD0001", System.StringComparison.Ordinal))
        {
            // INIT diagnostics on broken code are acceptable; an analyzer exception is not.
        }
    }
}
