using System.Linq;
using System.Threading;
using InitAnalyzers.Recognizers.Arrays;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace InitAnalyzers.Tests.Recognition;

/// <summary>
/// The syntax read before a type's arrays are bound (ElementProducts): which arrays may be the weights of a weighted sum,
/// whether one sum may feed another, and whether a sum may pass through an activation. Each answer must be true wherever the
/// bound recognizer could find the same, so that the gate hides no finding, and false for numeric code that is not a network.
/// </summary>
public sealed class ElementProductsTests
{
    private const string TwoLayers = """
        using System;

        public sealed class Net
        {
            private readonly double[,] w1 = new double[4, 2], w2 = new double[1, 4];
            private readonly double[] hidden = new double[4];

            public double Forward(double[] input)
            {
                for (int i = 0; i < 4; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < input.Length; j++)
                        sum += w1[i, j] * input[j];
                    hidden[i] = Math.Tanh(sum);
                }

                double output = 0;
                for (int i = 0; i < 4; i++)
                    output += w2[0, i] * hidden[i];
                return output;
            }
        }
        """;

    private const string KalmanFilter = """
        public sealed class Kalman
        {
            private readonly double[,] transition = { { 1, 1 }, { 0, 1 } };
            private readonly double[,] covariance = { { 1, 0 }, { 0, 1 } };
            private readonly double[] state = new double[2];

            public double Update(double measurement)
            {
                var predicted = new double[2];
                for (int i = 0; i < 2; i++)
                    for (int j = 0; j < 2; j++)
                        predicted[i] += transition[i, j] * state[j];

                var p = new double[2, 2];
                for (int i = 0; i < 2; i++)
                    for (int j = 0; j < 2; j++)
                    {
                        double sum = 0;
                        for (int k = 0; k < 2; k++)
                            sum += transition[i, k] * covariance[k, j];
                        p[i, j] = sum;
                    }

                state[0] = predicted[0] + p[0, 0] * measurement;
                return state[0];
            }
        }
        """;

    private static ElementProducts Read(string source, string typeName)
    {
        var compilation = CSharpCompilation.Create("Products", new[] { CSharpSyntaxTree.ParseText(source) }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        var type = compilation.GetTypeByMetadataName(typeName)!;
        var arrays = type.GetMembers().OfType<IFieldSymbol>().Where(field => ArrayShape.IsFloatingArray(field.Type)).Select(field => field.Name).ToList();
        return ElementProducts.Read(type, arrays, CancellationToken.None);
    }

    private static string[] Names(params string[] names) => names;

    [Fact]
    public void The_weights_of_two_layers_are_factors_and_the_first_feeds_the_second()
    {
        var products = Read(TwoLayers, "Net");
        Assert.Equal(new[] { "w1", "w2" }, products.FactorNames.OrderBy(name => name));
        Assert.True(products.MayFeed(Names("w1", "w2").ToHashSet()));
        Assert.Equal(new[] { "Forward" }, products.MethodsMultiplying(Names("w1").ToHashSet()));
    }

    [Fact]
    public void A_jagged_array_of_every_layer_feeds_itself()
    {
        var products = Read("""
            public sealed class Net
            {
                private double[][][] weights;
                private double[][] activations;

                public void Forward()
                {
                    for (int l = 0; l < weights.Length; l++)
                        for (int j = 0; j < weights[l].Length; j++)
                        {
                            double sum = 0;
                            for (int k = 0; k < weights[l][j].Length; k++)
                                sum += weights[l][j][k] * activations[l][k];
                            activations[l + 1][j] = System.Math.Max(0, sum);
                        }
                }
            }
            """, "Net");
        Assert.True(products.MayFeed(Names("weights").ToHashSet()));
    }

    [Fact]
    public void Local_rows_of_the_arrays_stand_for_the_arrays_in_their_own_member_only()
    {
        var products = Read("""
            public sealed class Net
            {
                private float[][,] weights;
                private float[][] activations;

                public void Forward()
                {
                    for (int l = 0; l < weights.Length; l++)
                    {
                        float[,] layer = weights[l];
                        var current = this.activations[l];
                        float[] next = activations[l + 1];
                        double bias = activations[l][0];
                        for (int j = 0; j < next.Length; j++)
                            for (int i = 0; i < current.Length; i++)
                                next[j] += layer[i, j] * current[i];
                    }
                }

                public float Other(float[,] layer, float[] current)
                {
                    float sum = 0;
                    for (int i = 0; i < current.Length; i++)
                        sum += layer[i, 0] * current[i];
                    return sum;
                }
            }
            """, "Net");
        Assert.Contains("weights", products.FactorNames);
        Assert.True(products.MayFeed(Names("weights").ToHashSet()));
        Assert.Equal(new[] { "Forward" }, products.MethodsMultiplying(Names("weights").ToHashSet())); // Other's parameters are not the rows
    }

    [Fact]
    public void A_kalman_filters_products_feed_no_product()
    {
        var products = Read(KalmanFilter, "Kalman");
        Assert.Contains("transition", products.FactorNames);
        Assert.False(products.MayFeed(Names("transition", "covariance", "state").ToHashSet()));
        Assert.False(products.MayActivate(Names("transition", "covariance", "state").ToHashSet()));
    }

    [Fact]
    public void Scalings_element_wise_products_and_products_of_equal_rank_not_named_as_weights_are_no_weighted_sums()
    {
        var products = Read("""
            public sealed class Filters
            {
                private double[] taps = new double[8], delay = new double[8], gains = new double[8], decay = new double[8];

                public double Apply(double[] signal, double rate)
                {
                    double y = 0;
                    for (int k = 0; k < taps.Length; k++)
                        y += taps[k] * delay[k];
                    for (int k = 0; k < gains.Length; k++)
                        signal[k] = gains[k] * signal[k];
                    for (int k = 0; k < decay.Length; k++)
                        decay[k] -= decay[k] * rate;
                    return y;
                }
            }
            """, "Filters");
        Assert.Empty(products.FactorNames);
    }

    [Fact]
    public void Equal_rank_products_count_when_the_factor_is_named_as_a_weight()
    {
        var products = Read("""
            public sealed class Neuron
            {
                private double[] weights = new double[8];

                public double Output(double[] inputs)
                {
                    double sum = 0;
                    for (int k = 0; k < weights.Length; k++)
                        sum += weights[k] * inputs[k];
                    return 1 / (1 + System.Math.Exp(-sum));
                }
            }
            """, "Neuron");
        Assert.Equal(new[] { "weights" }, products.FactorNames);
        Assert.True(products.MayActivate(Names("weights").ToHashSet()));
    }

    [Theory]
    [InlineData("hidden[i] = Math.Tanh(sum);", true)]
    [InlineData("hidden[i] = sum > 0 ? sum : 0.01 * sum;", true)]
    [InlineData("hidden[i] = 1.0 / (1.0 + Math.Exp(-sum));", true)]
    [InlineData("hidden[i] = Activate(sum);", true)]
    [InlineData("hidden[i] = sum / Math.Sqrt(hidden.Length);", false)]
    [InlineData("hidden[i] = sum + bias[i];", false)]
    [InlineData("hidden[i] = 2 * sum;", false)]
    public void An_activation_is_possible_only_where_a_value_of_the_sum_has_the_shape_of_one(string store, bool expected)
    {
        var products = Read($$"""
            using System;

            public sealed class Layer
            {
                private double[,] w = new double[4, 4];
                private double[] hidden = new double[4], bias = new double[4];

                public void Forward(double[] x)
                {
                    for (int i = 0; i < 4; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < 4; j++)
                            sum += w[i, j] * x[j];
                        {{store}}
                    }
                }

                private static double Activate(double v) => Math.Max(0, v);
            }
            """, "Layer");
        Assert.Equal(expected, products.MayActivate(Names("w").ToHashSet()));
    }

    [Fact]
    public void Only_products_in_statements_that_name_an_array_field_are_read_and_a_comment_between_does_not_hide_one()
    {
        var products = Read("""
            public sealed class Net
            {
                private double[,] weights = new double[4, 4];

                public double[] Forward(double[] x)
                {
                    var y = new double[4];
                    var local = new double[4, 4];
                    for (int i = 0; i < 4; i++)
                        for (int j = 0; j < 4; j++)
                        {
                            y[i] += local[i, j] * x[j];
                            y[i] += this.weights[i, j] // the weight
                                * x[j];
                        }

                    return y;
                }
            }
            """, "Net");
        Assert.Equal(new[] { "weights" }, products.FactorNames.ToArray());
    }
}
