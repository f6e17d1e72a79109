using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>
/// Weights whose values reach the field through locals and lists, or whose weighted sum is computed in another type:
/// the shapes of the Unity neuro-evolution template and of neuron-per-class networks.
/// </summary>
public sealed class ValueFlowArrayTests
{
    private const string Evolved = """
        using System;
        using System.Collections.Generic;

        public class NeuralNetwork
        {
            private int[] layers;
            private float[][] neurons;
            private float[][][] weights;
            private readonly Random random = new Random();

            public NeuralNetwork(int[] layers)
            {
                this.layers = layers;
                var neuronsList = new List<float[]>();
                for (int i = 0; i < layers.Length; i++) neuronsList.Add(new float[layers[i]]);
                neurons = neuronsList.ToArray();
                InitWeights();
            }

            private void InitWeights()
            {
                List<float[][]> weightsList = new List<float[][]>();
                for (int i = 1; i < layers.Length; i++)
                {
                    List<float[]> layerWeightsList = new List<float[]>();
                    int neuronsInPreviousLayer = layers[i - 1];
                    for (int j = 0; j < neurons[i].Length; j++)
                    {
                        float[] neuronWeights = new float[neuronsInPreviousLayer];
                        for (int k = 0; k < neuronsInPreviousLayer; k++)
                        {
                            WRITE;
                        }
                        layerWeightsList.Add(neuronWeights);
                    }
                    weightsList.Add(layerWeightsList.ToArray());
                }
                weights = weightsList.ToArray();
            }

            public float[] FeedForward(float[] inputs)
            {
                for (int i = 0; i < inputs.Length; i++) neurons[0][i] = inputs[i];
                for (int i = 1; i < layers.Length; i++)
                {
                    for (int j = 0; j < neurons[i].Length; j++)
                    {
                        float value = 0f;
                        for (int k = 0; k < neurons[i - 1].Length; k++)
                        {
                            value += weights[i - 1][j][k] * neurons[i - 1][k];
                        }
                        neurons[i][j] = (float)Math.Tanh(value);
                    }
                }
                return neurons[neurons.Length - 1];
            }

            public void Mutate(int chance, float val)
            {
                for (int i = 0; i < weights.Length; i++)
                    for (int j = 0; j < weights[i].Length; j++)
                        for (int k = 0; k < weights[i][j].Length; k++)
                            weights[i][j][k] = random.Next(chance) <= 5 ? weights[i][j][k] + (float)(random.NextDouble() * 2 - 1) * val : weights[i][j][k];
            }
        }
        """;

    [Fact]
    public Task Draws_into_local_rows_collected_in_lists_are_the_fields_initialization() =>
        VerifyAsync(
            Evolved.Replace("WRITE", "{|#0:neuronWeights[k] = (float)(random.NextDouble() - 0.5)|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("weights", "U(-0.5, 0.5)", "whose fixed scale (std 0.289) ignores the fan-in, so the signal grows with every layer wider than 24 inputs", "Xavier uniform values, which suit the tanh that follows (bound sqrt(6 / (fan_in + fan_out)))"));

    [Fact]
    public Task Zero_local_rows_later_mutated_are_not_zero_weights() =>
        VerifyAsync(Evolved.Replace("WRITE;", "neuronWeights[k] = 0;"));

    [Fact]
    public Task Scaled_draws_into_local_rows_are_not_reported() =>
        VerifyAsync(Evolved.Replace("WRITE", "neuronWeights[k] = (float)((random.NextDouble() * 2 - 1) / Math.Sqrt(neuronsInPreviousLayer))"));

    [Fact]
    public Task A_local_row_handed_to_unknown_code_is_not_judged() =>
        VerifyAsync(Evolved.Replace("WRITE;", "neuronWeights[k] = (float)random.NextDouble(); Load(neuronWeights);").Replace("public void Mutate", "private static void Load(float[] row) { }\n    public void Mutate"));

    [Fact]
    public Task A_draw_rescaled_in_the_same_initializer_is_not_judged() =>
        VerifyAsync("""
            using System;

            public sealed class Network
            {
                private readonly double[][] w1;
                private readonly double[][] w2;
                private readonly double[] hidden;

                public Network(int inputs, int units)
                {
                    var random = new Random(1);
                    w1 = new double[units][];
                    for (int i = 0; i < units; i++)
                    {
                        w1[i] = new double[inputs];
                        for (int j = 0; j < inputs; j++) w1[i][j] = random.NextDouble() - 0.5;
                        double norm = 0;
                        for (int j = 0; j < inputs; j++) norm += w1[i][j] * w1[i][j];
                        for (int j = 0; j < inputs; j++) w1[i][j] = 0.7 * w1[i][j] / Math.Sqrt(norm);
                    }
                    w2 = new double[1][];
                    w2[0] = new double[units];
                    for (int j = 0; j < units; j++) w2[0][j] = (random.NextDouble() * 2 - 1) / Math.Sqrt(units);
                    hidden = new double[units];
                }

                public double Forward(double[] x)
                {
                    for (int i = 0; i < hidden.Length; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < x.Length; j++) sum += w1[i][j] * x[j];
                        hidden[i] = Math.Tanh(sum);
                    }

                    double output = 0;
                    for (int j = 0; j < hidden.Length; j++) output += w2[0][j] * hidden[j];
                    return output;
                }
            }
            """);

    private const string NeuronPerClass = """
        using System;
        using System.Linq;

        class Neuron
        {
            public double[] Weights;
            public double Bias;
            public double Output;

            public Neuron(int numOfInputs)
            {
                Random r = new Random();
                Weights = new double[numOfInputs];
                for (int i = 0; i < numOfInputs; i++)
                {
                    WRITE;
                }
                Bias = r.NextDouble();
            }
        }

        class Network
        {
            private Neuron[] hidden_layer;
            LAYERS

            public Network(int numOfInputs, int numOfHidden, int numOfOutputs)
            {
                hidden_layer = new Neuron[numOfHidden];
                for (int i = 0; i < numOfHidden; i++) hidden_layer[i] = new Neuron(numOfInputs);
            }

            public double[] FeedForward(double[] inputs)
            {
                for (int i = 0; i < hidden_layer.Length; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < inputs.Length; j++)
                    {
                        sum += inputs[j] * hidden_layer[i].Weights[j];
                    }
                    sum += hidden_layer[i].Bias;
                    hidden_layer[i].Output = 1 / (1 + Math.Exp(-sum));
                }
                return hidden_layer.Select(neuron => neuron.Output).ToArray();
            }
        }
        """;

    [Fact]
    public Task A_neuron_class_summed_by_its_network_of_several_layers_is_judged() =>
        VerifyAsync(
            NeuronPerClass.Replace("WRITE", "{|#0:Weights[i] = r.NextDouble()|}").Replace("LAYERS", "private Neuron[] output_layer;"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("Weights", "U[0, 1)", "which is not centred on zero (mean 0.5) and whose scale ignores the fan-in, so every unit's input shifts the same way", "Xavier uniform values, which suit the sigmoid that follows (bound sqrt(6 / (fan_in + fan_out)))"));

    [Fact]
    public Task A_neuron_class_in_a_single_layer_is_not_judged() =>
        VerifyAsync(NeuronPerClass.Replace("WRITE", "Weights[i] = r.NextDouble()").Replace("LAYERS", ""));

    [Fact]
    public Task A_neuron_whose_weights_another_type_may_replace_is_judged_on_its_construction_draw() =>
        VerifyAsync(NeuronPerClass.Replace("WRITE", "{|INIT004:Weights[i] = r.NextDouble()|}").Replace("LAYERS", """
            private Neuron[] output_layer;

            public void Load(double[][] saved)
            {
                for (int i = 0; i < hidden_layer.Length; i++) hidden_layer[i].Weights = saved[i];
            }
            """));

    [Fact]
    public Task Zero_weights_of_a_neuron_class_in_several_layers_are_reported() =>
        VerifyAsync(
            NeuronPerClass.Replace("Weights = new double[numOfInputs];", "Weights = {|#0:new double[numOfInputs]|};").Replace("WRITE;", "").Replace("LAYERS", "private Neuron[] output_layer;"),
            Diagnostic("INIT001").WithLocation(0).WithArguments("Weights", "", "Xavier normal values, which suit the sigmoid that follows (std sqrt(2 / (fan_in + fan_out)))"));

    /// <summary>Another class's own <c>Weights</c>, written by its simple name, is not taken for a write to the neuron's.</summary>
    [Fact]
    public Task Zero_weights_of_a_neuron_class_are_reported_when_an_unrelated_class_writes_its_own_member_of_that_name() =>
        VerifyAsync(
            NeuronPerClass.Replace("Weights = new double[numOfInputs];", "Weights = {|#0:new double[numOfInputs]|};").Replace("WRITE;", "").Replace("LAYERS", "private Neuron[] output_layer;")
                + """

                public sealed class Smoother
                {
                    public double[] Weights = new double[3];

                    public void Reset()
                    {
                        for (int i = 0; i < Weights.Length; i++) Weights[i] = 1.0 / 3;
                        this.Weights[0] = 0.5;
                    }
                }
                """,
            Diagnostic("INIT001").WithLocation(0).WithArguments("Weights", "", "Xavier normal values, which suit the sigmoid that follows (std sqrt(2 / (fan_in + fan_out)))"));

    private const string InheritedNeuron = """
        using System;

        public abstract class Neuron
        {
            protected static Random rand = new Random();
            protected int inputsCount;
            protected double[] weights;
            protected double output;

            public double[] Weights { get { return weights; } }

            protected Neuron(int inputs)
            {
                inputsCount = Math.Max(1, inputs);
                weights = new double[inputsCount];
                Randomize();
            }

            public virtual void Randomize()
            {
                for (int i = 0; i < inputsCount; i++)
                    {|#0:weights[i] = rand.NextDouble()|};
            }

            public abstract double Compute(double[] input);
        }

        public class ActivationNeuron : Neuron
        {
            public ActivationNeuron(int inputs) : base(inputs) { }

            public override double Compute(double[] input)
            {
                double sum = 0.0;
                for (int i = 0; i < weights.Length; i++)
                {
                    sum += weights[i] * input[i];
                }
                return output = Math.Tanh(sum);
            }
        }

        public class Layer
        {
            protected Neuron[] neurons;
            public Layer(int count, int inputs)
            {
                neurons = new Neuron[count];
                for (int i = 0; i < count; i++) neurons[i] = new ActivationNeuron(inputs);
            }
            public Neuron this[int index] => neurons[index];
        }

        public class Network
        {
            protected Layer[] layers;
            public Network(params int[] sizes)
            {
                layers = new Layer[sizes.Length - 1];
                for (int i = 1; i < sizes.Length; i++) layers[i - 1] = new Layer(sizes[i], sizes[i - 1]);
            }
        }

        public class BackPropagationLearning
        {
            public void UpdateNetwork(Layer layer, double[] errors, double[] input, double rate)
            {
                for (int i = 0; i < errors.Length; i++)
                {
                    var neuron = layer[i];
                    for (int j = 0; j < input.Length; j++)
                        neuron.Weights[j] += rate * errors[i] * input[j];
                }
            }
        }
        """;

    [Fact]
    public Task Weights_summed_by_a_derived_neuron_and_trained_through_a_read_only_property_are_judged() =>
        VerifyAsync(
            InheritedNeuron,
            Diagnostic("INIT004").WithLocation(0).WithArguments("weights", "U[0, 1)", "which is not centred on zero (mean 0.5) and whose scale ignores the fan-in, so every unit's input shifts the same way", "Xavier uniform values, which suit the tanh that follows (bound sqrt(6 / (fan_in + fan_out)))"));

    [Fact]
    public Task Weights_handed_out_through_the_property_to_unknown_code_are_not_judged() =>
        VerifyAsync(InheritedNeuron.Replace("{|#0:", "").Replace("|};", ";").Replace("neuron.Weights[j] += rate * errors[i] * input[j];", "Fill(neuron.Weights);").Replace("public class BackPropagationLearning\n{", "public class BackPropagationLearning\n{\n    private static void Fill(double[] w) { }"));

    [Theory]
    [InlineData("UnityEngine.Random.Range(-0.5f, 0.5f)", "U(-0.5, 0.5)")]
    [InlineData("(float)unresolved.NextDouble()", "U[0, 1)")]
    public Task Draws_are_read_while_Unity_or_System_are_not_referenced(string draw, string distribution)
    {
        // As in an editor while the project restores, or a Unity script compiled without Unity's assemblies.
        var test = CreateTest();
        test.TestState.Sources.Add(Evolved.Replace("using System;\n", "").Replace("private readonly Random random = new Random();", "private readonly Random unresolved = new Random();").Replace("random.", "unresolved.").Replace("(float)Math.Tanh(value)", "value")
            .Replace("WRITE", "{|#0:neuronWeights[k] = " + draw + "|}"));
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Add(Diagnostic("INIT004").WithLocation(0).WithArguments("weights", distribution, distribution == "U[0, 1)"
            ? "which is not centred on zero (mean 0.5) and whose scale ignores the fan-in, so every unit's input shifts the same way"
            : "whose fixed scale (std 0.289) ignores the fan-in, so the signal grows with every layer wider than 24 inputs", "Xavier uniform values, which suit a linear output (bound sqrt(6 / (fan_in + fan_out)))"));
        return test.RunAsync();
    }

    [Fact]
    public Task The_draw_made_at_construction_is_judged_even_when_an_optional_method_loads_weights_later() =>
        VerifyAsync(
            Evolved.Replace("WRITE", "{|#0:neuronWeights[k] = (float)(random.NextDouble() - 0.5)|}").Replace("public void Mutate", """
                public void Load(string[] lines)
                {
                    int index = 0;
                    for (int i = 0; i < weights.Length; i++)
                        for (int j = 0; j < weights[i].Length; j++)
                            for (int k = 0; k < weights[i][j].Length; k++)
                                weights[i][j][k] = float.Parse(lines[index++]);
                }

                public void Mutate
                """),
            Diagnostic("INIT004").WithLocation(0).WithArguments("weights", "U(-0.5, 0.5)", "whose fixed scale (std 0.289) ignores the fan-in, so the signal grows with every layer wider than 24 inputs", "Xavier uniform values, which suit the tanh that follows (bound sqrt(6 / (fan_in + fan_out)))"));

    [Fact]
    public Task Zeros_made_at_construction_and_loaded_later_are_not_zero_weights() =>
        VerifyAsync(Evolved.Replace("WRITE;", "neuronWeights[k] = 0;").Replace("public void Mutate", """
                public void Load(string[] lines)
                {
                    for (int i = 0; i < weights.Length; i++) weights[i][0][0] = float.Parse(lines[i]);
                }

                public void Mutate
                """));
}
