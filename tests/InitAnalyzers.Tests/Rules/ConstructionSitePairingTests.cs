using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>
/// Construction-site pairing: one hand-written layer class serves several activations, chosen by a constructor argument
/// (<c>new Layer(784, 128, Act.ReLU)</c>). The class's initializer is judged against the activation its hidden layers'
/// constructions choose, when they all choose the same one; otherwise, and wherever the choice is not a constant, it is not.
/// </summary>
public sealed class ConstructionSitePairingTests
{
    /// <summary>A layer whose activation is an enum chosen at construction and applied through a switch expression.</summary>
    internal const string EnumLayer = """
        using System;
        using System.Collections.Generic;

        public enum Act { ReLU, Tanh, Sigmoid, Softmax }

        public sealed class Layer
        {
            private readonly double[,] weights;
            private readonly double[] biases;
            private readonly Act activation;
            private static readonly Random Random = new Random(7);

            public Layer(int inputs, int outputs, Act activation)
            {
                this.activation = activation;
                weights = new double[outputs, inputs];
                biases = new double[outputs];
                for (int o = 0; o < outputs; o++)
                    for (int i = 0; i < inputs; i++)
                        INIT;
            }

            public double[] Forward(double[] input)
            {
                var output = new double[biases.Length];
                for (int o = 0; o < output.Length; o++)
                {
                    double sum = biases[o];
                    for (int i = 0; i < input.Length; i++)
                        sum += weights[o, i] * input[i];
                    output[o] = Activate(sum);
                }

                return output;
            }

            private double Activate(double x) => activation switch
            {
                Act.ReLU => Math.Max(0, x),
                Act.Tanh => Math.Tanh(x),
                Act.Sigmoid => 1.0 / (1.0 + Math.Exp(-x)),
                _ => x,
            };
        }
        """;

    internal const string XavierUniform = "(Random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (inputs + outputs))";
    internal const string HeUniform = "(Random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / inputs)";

    internal static string Layer(string init) => EnumLayer.Replace("INIT", "weights[o, i] = " + init);

    internal static string Marked(string init) => EnumLayer.Replace("INIT", "{|#0:weights[o, i] = " + init + "|}");

    internal static string Network(string body) => $$"""
        using System.Collections.Generic;

        public static class Program
        {
            public static List<Layer> Build()
            {
                {{body}}
            }
        }
        """;

    private const string ThreeReLU = """
        return new List<Layer>
                {
                    new Layer(784, 256, Act.ReLU),
                    new Layer(256, 128, Act.ReLU),
                    new Layer(128, 64, Act.ReLU),
                    new Layer(64, 10, Act.Softmax),
                };
        """;

    [Fact]
    public Task Xavier_in_a_class_whose_hidden_constructions_choose_ReLU_is_reported_with_where_it_is_chosen() =>
        VerifyAsync(
            new[] { Marked(XavierUniform), Network(ThreeReLU) },
            Diagnostic("INIT003").WithLocation(0).WithArguments(
                "weights",
                "Xavier (Glorot) uniform with gain 1",
                "ReLU in Layer.Forward (Test0.cs), as chosen by 'new Layer(784, 256, Act.ReLU)' in Program.Build (Test1.cs)",
                "the rectifier passes about half of the signal, so a scheme derived for gain 1 halves its variance at every layer and a deep stack fades (He et al. 2015)",
                "He uniform values, which suit the ReLU that follows (bound sqrt(6 / fan_in))"));

    [Fact]
    public Task He_in_a_class_whose_hidden_constructions_choose_tanh_is_reported() =>
        VerifyAsync(
            new[] { EnumLayer.Replace("INIT", "{|INIT003:weights[o, i] = " + HeUniform + "|}"), Network("return new List<Layer> { new Layer(2, 8, Act.Tanh), new Layer(8, 1, Act.Sigmoid) };") });

    [Fact]
    public Task He_in_a_class_whose_hidden_constructions_choose_ReLU_is_silent() =>
        VerifyAsync(new[] { Layer(HeUniform), Network(ThreeReLU) });

    [Fact]
    public Task Xavier_in_a_class_whose_hidden_constructions_choose_tanh_is_silent() =>
        VerifyAsync(new[] { Layer(XavierUniform), Network("return new List<Layer> { new Layer(2, 8, Act.Tanh), new Layer(8, 8, Act.Tanh), new Layer(8, 1, Act.Sigmoid) };") });

    [Fact]
    public Task Hidden_constructions_that_choose_different_activations_are_not_judged() =>
        VerifyAsync(new[] { Layer(HeUniform), Network("return new List<Layer> { new Layer(2, 8, Act.Tanh), new Layer(8, 8, Act.ReLU), new Layer(8, 1, Act.Sigmoid) };") });

    [Fact]
    public Task Xavier_before_ReLU_with_one_hidden_layer_is_not_deep_enough_to_report() =>
        VerifyAsync(new[] { Layer(XavierUniform), Network("return new List<Layer> { new Layer(784, 128, Act.ReLU), new Layer(128, 10, Act.Softmax) };") });

    [Fact]
    public Task A_lone_construction_is_an_output_layer_and_is_not_judged() =>
        VerifyAsync(new[] { Layer(HeUniform), Network("return new List<Layer> { new Layer(4, 1, Act.Sigmoid) };") });

    [Fact]
    public Task The_output_construction_is_not_judged() =>
        VerifyAsync(new[] { Layer(HeUniform), Network("return new List<Layer> { new Layer(4, 8, Act.ReLU), new Layer(8, 8, Act.ReLU), new Layer(8, 1, Act.Sigmoid) };") });

    [Fact]
    public Task An_activation_that_is_not_a_constant_at_the_construction_is_not_judged() =>
        VerifyAsync(new[]
        {
            Layer(HeUniform),
            """
            using System.Collections.Generic;

            public static class Program
            {
                public static List<Layer> Build(Act hidden) => new List<Layer> { new Layer(2, 8, hidden), new Layer(8, 8, hidden), new Layer(8, 1, Act.Sigmoid) };
            }
            """,
        });

    [Fact]
    public Task An_activation_that_other_code_can_set_is_not_judged() =>
        VerifyAsync(new[]
        {
            Layer(HeUniform).Replace("private readonly Act activation;", "public Act activation;"),
            Network("return new List<Layer> { new Layer(2, 8, Act.Tanh), new Layer(8, 8, Act.Tanh), new Layer(8, 1, Act.Sigmoid) };"),
        });

    [Fact]
    public Task A_constructor_that_chains_to_another_is_not_bound() =>
        VerifyAsync(new[]
        {
            Layer(HeUniform).Replace(
                "    public double[] Forward",
                "    public Layer(int inputs, int outputs) : this(inputs, outputs, Act.Tanh) { }\n\n    public double[] Forward"),
            Network("return new List<Layer> { new Layer(2, 8), new Layer(8, 8), new Layer(8, 1, Act.Sigmoid) };"),
        });

    [Fact]
    public Task A_default_argument_is_the_choice_of_a_construction_that_leaves_it_out() =>
        VerifyAsync(new[]
        {
            EnumLayer.Replace("Act activation)", "Act activation = Act.Tanh)").Replace("INIT", "{|INIT003:weights[o, i] = " + HeUniform + "|}"),
            Network("return new List<Layer> { new Layer(2, 8), new Layer(8, 8), new Layer(8, 1, Act.Sigmoid) };"),
        });

    [Fact]
    public Task Constructions_in_field_initializers_form_one_network() =>
        VerifyAsync(new[]
        {
            EnumLayer.Replace("INIT", "{|INIT003:weights[o, i] = " + HeUniform + "|}"),
            """
            public sealed class Model
            {
                private readonly Layer first = new Layer(2, 16, Act.Sigmoid);
                private readonly Layer second = new Layer(16, 16, Act.Sigmoid);
                private readonly Layer output = new Layer(16, 1, Act.Softmax);

                public double[] Predict(double[] x) => output.Forward(second.Forward(first.Forward(x)));
            }
            """,
        });

    [Fact]
    public Task Constructions_in_top_level_statements_are_paired()
    {
        var test = CreateTest();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        foreach (var source in new[]
            {
                EnumLayer.Replace("INIT", "{|#0:weights[o, i] = " + HeUniform + "|}"),
                """
                var hidden = new Layer(2, 8, Act.Tanh);
                var output = new Layer(8, 1, Act.Sigmoid);
                System.Console.WriteLine(output.Forward(hidden.Forward(new double[] { 1, 0 }))[0]);
                """,
            })
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.Add(Diagnostic("INIT003").WithLocation(0).WithArguments(
                "weights",
                "He (Kaiming) uniform with the ReLU gain",
                "tanh in Layer.Forward (Test0.cs), as chosen by 'new Layer(2, 8, Act.Tanh)' in top-level statements (Test1.cs)",
                "the ReLU gain doubles the variance that a saturating activation expects, so its units saturate and their gradients vanish in a deep stack (Glorot and Bengio 2010)",
                "Xavier uniform values, which suit the tanh that follows (bound sqrt(6 / (fan_in + fan_out)))"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_string_choice_in_a_switch_statement_is_paired() =>
        VerifyAsync(new[]
        {
            """
            using System;

            public sealed class Dense
            {
                private readonly float[][] w;
                private readonly string kind;
                private static readonly Random Rng = new Random(1);

                public Dense(int fanIn, int units, string kind)
                {
                    this.kind = kind;
                    w = new float[units][];
                    for (int u = 0; u < units; u++)
                    {
                        w[u] = new float[fanIn];
                        for (int k = 0; k < fanIn; k++)
                            {|INIT003:w[u][k] = (float)((Rng.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / fanIn))|};
                    }
                }

                public float[] Forward(float[] x)
                {
                    var y = new float[w.Length];
                    for (int u = 0; u < w.Length; u++)
                    {
                        float s = 0;
                        for (int k = 0; k < x.Length; k++) s += w[u][k] * x[k];
                        y[u] = Apply(s);
                    }

                    return y;
                }

                private float Apply(float s)
                {
                    switch (kind)
                    {
                        case "relu": return Math.Max(0f, s);
                        case "tanh": return MathF.Tanh(s);
                        default: return s;
                    }
                }
            }
            """,
            """
            public static class Net
            {
                public static Dense[] Make() => new[] { new Dense(3, 5, "tanh"), new Dense(5, 5, "tanh"), new Dense(5, 2, "linear") };
            }
            """,
        });

    [Fact]
    public Task A_function_passed_to_the_constructor_is_paired() =>
        VerifyAsync(new[]
        {
            """
            using System;

            public sealed class Layer
            {
                public double[,] W;
                private readonly Func<double, double> f;
                private static readonly Random R = new Random(3);

                public Layer(int nIn, int nOut, Func<double, double> f)
                {
                    this.f = f;
                    W = new double[nOut, nIn];
                    for (int o = 0; o < nOut; o++)
                        for (int i = 0; i < nIn; i++)
                            {|INIT003:W[o, i] = (R.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / nIn)|};
                }

                public double[] Forward(double[] x)
                {
                    var y = new double[W.GetLength(0)];
                    for (int o = 0; o < y.Length; o++)
                    {
                        double s = 0;
                        for (int i = 0; i < x.Length; i++) s += W[o, i] * x[i];
                        y[o] = f(s);
                    }

                    return y;
                }
            }
            """,
            """
            using System;

            public static class Net
            {
                public static Layer[] Make() => new[] { new Layer(3, 5, Math.Tanh), new Layer(5, 5, x => Math.Tanh(x)), new Layer(5, 2, x => x) };
            }
            """,
        });

    [Fact]
    public Task An_activation_object_passed_to_the_constructor_is_paired() =>
        VerifyAsync(new[]
        {
            """
            using System;

            public interface IActivation { double Apply(double x); }

            public sealed class Sigmoid : IActivation { public double Apply(double x) => 1.0 / (1.0 + Math.Exp(-x)); }

            public sealed class Identity : IActivation { public double Apply(double x) => x; }

            public sealed class Layer
            {
                private readonly double[][] weights;
                private readonly IActivation activation;
                private static readonly Random Random = new Random(5);

                public Layer(int inputs, int outputs, IActivation activation)
                {
                    this.activation = activation;
                    weights = new double[outputs][];
                    for (int o = 0; o < outputs; o++)
                    {
                        weights[o] = new double[inputs];
                        for (int i = 0; i < inputs; i++)
                            {|INIT003:weights[o][i] = (Random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / inputs)|};
                    }
                }

                public double[] Forward(double[] input)
                {
                    var output = new double[weights.Length];
                    for (int o = 0; o < output.Length; o++)
                    {
                        double sum = 0;
                        for (int i = 0; i < input.Length; i++) sum += weights[o][i] * input[i];
                        output[o] = activation.Apply(sum);
                    }

                    return output;
                }
            }
            """,
            """
            public static class Net
            {
                public static Layer[] Make() => new[] { new Layer(3, 5, new Sigmoid()), new Layer(5, 5, new Sigmoid()), new Layer(5, 2, new Identity()) };
            }
            """,
        });

    [Fact]
    public Task The_paired_activation_chooses_the_remedy_of_an_unscaled_draw() =>
        VerifyAsync(
            new[]
            {
                EnumLayer.Replace("INIT", "{|#0:weights[o, i] = Random.NextDouble() * 2 - 1|}"),
                """
                using System.Collections.Generic;

                public sealed class Model
                {
                    private readonly List<Layer> layers = new List<Layer> { new Layer(2, 8, Act.Tanh), new Layer(8, 8, Act.Tanh), new Layer(8, 1, Act.Sigmoid) };
                }
                """,
            },
            Diagnostic("INIT004").WithLocation(0).WithArguments(
                "weights",
                "U(-1, 1)",
                "whose fixed scale (std 0.577) ignores the fan-in, so the signal grows with every layer wider than 6 inputs",
                "Xavier uniform values, which suit the tanh that follows (bound sqrt(6 / (fan_in + fan_out)))"));

    /// <summary>A mini-framework of the user's own: a linear dense layer and activation layers, added to a network in order.</summary>
    internal const string MiniFramework = """
        using System;
        using System.Collections.Generic;

        public interface ILayer { double[] Forward(double[] input); }

        public sealed class Dense : ILayer
        {
            private readonly double[,] weights;
            private static readonly Random Random = new Random(11);

            public Dense(int inputs, int outputs)
            {
                weights = new double[outputs, inputs];
                for (int o = 0; o < outputs; o++)
                    for (int i = 0; i < inputs; i++)
                        INIT;
            }

            public double[] Forward(double[] input)
            {
                var output = new double[weights.GetLength(0)];
                for (int o = 0; o < output.Length; o++)
                {
                    double sum = 0;
                    for (int i = 0; i < input.Length; i++)
                        sum += weights[o, i] * input[i];
                    output[o] = sum;
                }

                return output;
            }
        }

        public sealed class Tanh : ILayer
        {
            private double[] lastInput = new double[0];

            public double[] Forward(double[] input)
            {
                lastInput = input;
                var output = new double[input.Length];
                for (int i = 0; i < input.Length; i++)
                    output[i] = Math.Tanh(input[i]);
                return output;
            }
        }

        public sealed class Relu : ILayer
        {
            public double[] Forward(double[] input)
            {
                var output = new double[input.Length];
                for (int i = 0; i < input.Length; i++)
                    output[i] = Math.Max(0, input[i]);
                return output;
            }
        }

        public sealed class Sequential
        {
            private readonly List<ILayer> layers = new List<ILayer>();

            public void Add(ILayer layer) => layers.Add(layer);

            public double[] Predict(double[] x)
            {
                foreach (var layer in layers) x = layer.Forward(x);
                return x;
            }
        }
        """;

    internal static string Mini(string init) => MiniFramework.Replace("INIT", init);

    internal static string Build(string body) => $$"""
        public static class Program
        {
            public static Sequential Build()
            {
                var net = new Sequential();
                {{body}}
                return net;
            }
        }
        """;

    [Fact]
    public Task He_in_a_dense_layer_followed_by_tanh_layers_in_a_list_is_reported_with_the_layer_after_it() =>
        VerifyAsync(
            new[]
            {
                Mini("{|#0:weights[o, i] = " + HeUniform + "|}"),
                Build("net.Add(new Dense(2, 8)); net.Add(new Tanh()); net.Add(new Dense(8, 8)); net.Add(new Tanh()); net.Add(new Dense(8, 1));"),
            },
            Diagnostic("INIT003").WithLocation(0).WithArguments(
                "weights",
                "He (Kaiming) uniform with the ReLU gain",
                "tanh in Dense.Forward (Test0.cs), as chosen by 'new Tanh()' after 'new Dense(2, 8)' in Program.Build (Test1.cs)",
                "the ReLU gain doubles the variance that a saturating activation expects, so its units saturate and their gradients vanish in a deep stack (Glorot and Bengio 2010)",
                "Xavier uniform values, which suit the tanh that follows (bound sqrt(6 / (fan_in + fan_out)))"));

    [Fact]
    public Task Xavier_in_a_dense_layer_followed_by_ReLU_layers_in_an_initializer_is_reported() =>
        VerifyAsync(new[]
        {
            Mini("{|INIT003:weights[o, i] = " + XavierUniform + "|}"),
            """
            using System.Collections.Generic;

            public static class Program
            {
                public static List<ILayer> Layers() => new List<ILayer> { new Dense(4, 16), new Relu(), new Dense(16, 16), new Relu(), new Dense(16, 3) };
            }
            """,
        });

    [Fact]
    public Task Matching_activation_layers_in_a_list_are_silent() =>
        VerifyAsync(new[] { Mini("weights[o, i] = " + HeUniform), Build("net.Add(new Dense(2, 8)); net.Add(new Relu()); net.Add(new Dense(8, 8)); net.Add(new Relu()); net.Add(new Dense(8, 1));") });

    [Fact]
    public Task Different_activation_layers_after_the_hidden_layers_are_not_judged() =>
        VerifyAsync(new[] { Mini("weights[o, i] = " + HeUniform), Build("net.Add(new Dense(2, 8)); net.Add(new Tanh()); net.Add(new Dense(8, 8)); net.Add(new Relu()); net.Add(new Dense(8, 1));") });

    [Fact]
    public Task A_dense_layer_followed_by_another_dense_layer_is_not_judged() =>
        VerifyAsync(new[] { Mini("weights[o, i] = " + HeUniform), Build("net.Add(new Dense(2, 8)); net.Add(new Dense(8, 8)); net.Add(new Tanh()); net.Add(new Dense(8, 1));") });

    [Fact]
    public Task Layers_added_to_two_different_networks_are_not_taken_as_one_list() =>
        VerifyAsync(new[] { Mini("weights[o, i] = " + HeUniform), Build("var other = new Sequential(); net.Add(new Dense(2, 8)); other.Add(new Tanh()); net.Add(new Dense(8, 1));") });

    [Fact]
    public Task An_unscaled_draw_in_a_listed_dense_layer_gets_the_remedy_of_the_layer_after_it() =>
        VerifyAsync(new[]
        {
            Mini("{|INIT004:weights[o, i] = Random.NextDouble() * 2 - 1|}"),
            Build("net.Add(new Dense(2, 8)); net.Add(new Tanh()); net.Add(new Dense(8, 8)); net.Add(new Tanh()); net.Add(new Dense(8, 1));"),
        });

    [Fact]
    public Task Xavier_in_dense_layers_added_before_ReLU_layers_is_reported() =>
        VerifyAsync(new[] { Mini("{|INIT003:weights[o, i] = " + XavierUniform + "|}"), Build("net.Add(new Dense(2, 8)); net.Add(new Relu()); net.Add(new Dense(8, 8)); net.Add(new Relu()); net.Add(new Dense(8, 8)); net.Add(new Relu()); net.Add(new Dense(8, 1));") });

    [Fact]
    public Task A_store_under_a_condition_does_not_replace_the_field_initializer() =>
        VerifyAsync(new[]
        {
            Layer(XavierUniform)
                .Replace("private readonly Act activation;", "private readonly Act activation = Act.Tanh;")
                .Replace("public Layer(int inputs, int outputs, Act activation)", "public Layer(int inputs, int outputs, bool relu = false)")
                .Replace("this.activation = activation;", "if (relu) activation = Act.ReLU;"),
            Network("return new List<Layer> { new Layer(784, 256), new Layer(256, 128), new Layer(128, 64), new Layer(64, 10) };"),
        });

    [Fact]
    public Task A_store_in_the_base_class_constructor_is_not_dropped() =>
        VerifyAsync(new[]
        {
            Layer(HeUniform)
                .Replace("public sealed class Layer", "public abstract class LayerBase\n{\n    protected readonly Act activation = Act.Tanh;\n\n    protected LayerBase(Act activation) { this.activation = activation; }\n}\n\npublic sealed class Layer : LayerBase")
                .Replace("    private readonly Act activation;\n", string.Empty)
                .Replace("public Layer(int inputs, int outputs, Act activation)", "public Layer(int inputs, int outputs, Act activation) : base(activation)")
                .Replace("        this.activation = activation;\n", string.Empty),
            Network(ThreeReLU),
        });

    [Fact]
    public Task A_network_with_target_typed_constructions_is_not_judged() =>
        VerifyAsync(new[] { Layer(HeUniform), Network("return new List<Layer> { new Layer(784, 256, Act.Tanh), new(256, 128, Act.ReLU), new(128, 64, Act.ReLU), new Layer(64, 10, Act.Softmax) };") });

    [Fact]
    public Task Layers_made_one_by_one_must_all_call_for_one_scheme() =>
        VerifyAsync(new[]
        {
            Layer(HeUniform),
            """
            public sealed class Model
            {
                private readonly Layer output = new Layer(64, 10, Act.Tanh);
                private readonly Layer hidden = new Layer(784, 64, Act.ReLU);
            }
            """,
        });
}
