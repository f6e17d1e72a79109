using System;
using System.Collections.Generic;

namespace InitAnalyzers.Benchmarks.CodeBases;

/// <summary>
/// A deterministic, generated code base of neural-network code in the styles people write by hand: two-dimensional,
/// jagged and flat arrays, neuron/layer/network object graphs, recurrent cells, MathNet.Numerics and NumSharp networks,
/// with the optimizers, data utilities and metrics around them. Initializations vary between correct (He, Xavier) and the
/// mistakes the rules report (zero, constant, unscaled), so analysis reaches every rule and the recognizers' deep paths.
/// </summary>
public static class NeuralCodeBase
{
    public const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing MathNet.Numerics.Distributions;\nusing MathNet.Numerics.LinearAlgebra;\nusing NumSharp;\n";

    private static readonly Func<Random, string, string>[] Templates =
    {
        ArrayMlp, NeuronNetwork, JaggedNetwork, FlatLayer, MathNetMlp, NumSharpMlp, RecurrentCell, AdamOptimizer, DataUtilities,
    };

    /// <summary>C# files of about <paramref name="targetLines"/> lines in all; they compile against .NET, MathNet.Numerics 5 and NumSharp 0.70.</summary>
    public static IReadOnlyList<(string Path, string Text)> Generate(int targetLines, int seed = 1) =>
        CodeBaseWriter.Generate("Networks", Templates, targetLines, seed, Usings);

    /// <summary>A draw for one weight of a layer with fan-in <paramref name="fanIn"/>: correct, zero-free but unscaled, or constant.</summary>
    private static (string Statement, bool Written) WeightInit(Random random, string target, string fanIn, string fanOut, string rng, string cast = "")
    {
        return random.Next(7) switch
        {
            0 => ($"{target} = {cast}(Gaussian({rng}) * Math.Sqrt(2.0 / {fanIn}));", true),
            1 => ($"{target} = {cast}(({rng}.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / ({fanIn} + {fanOut})));", true),
            2 => ($"{target} = {cast}({rng}.NextDouble() * 2 - 1);", true),
            3 => ($"{target} = {cast}{rng}.NextDouble();", true),
            4 => ($"{target} = {cast}0.5;", true),
            5 => (string.Empty, false),
            _ => ($"{target} = {cast}(Gaussian({rng}) / Math.Sqrt({fanIn}));", true),
        };
    }

    private static string Activation(Random random, string value) => random.Next(4) switch
    {
        0 => $"Math.Max(0, {value})",
        1 => $"Math.Tanh({value})",
        2 => $"1.0 / (1.0 + Math.Exp(-{value}))",
        _ => $"({value} > 0 ? {value} : 0.01 * {value})",
    };

    private const string GaussianHelper = """
            private static double Gaussian(Random random)
            {
                double u1 = 1.0 - random.NextDouble();
                double u2 = random.NextDouble();
                return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            }
        """;

    private static string ArrayMlp(Random random, string suffix)
    {
        var (init1, written1) = WeightInit(random, "w1[i, j]", "inputs", "hidden", "random");
        var (init2, _) = WeightInit(random, "w2[i, j]", "hidden", "outputs", "random");
        var activation = Activation(random, "sum");
        var w1 = CodeBaseWriter.Pick(random, "w1", "hiddenWeights", "weightsInputHidden");
        return $$"""
            public sealed class Mlp{{suffix}}
            {
                private readonly double[,] {{w1}};
                private readonly double[,] w2;
                private readonly double[] b1;
                private readonly double[] b2;
                private readonly double[] hidden;
                private readonly double[] output;
                private readonly int inputs, hiddenUnits, outputs;

                public Mlp{{suffix}}(int inputs, int hidden, int outputs, Random random)
                {
                    this.inputs = inputs;
                    hiddenUnits = hidden;
                    this.outputs = outputs;
                    {{w1}} = new double[hidden, inputs];
                    w2 = new double[outputs, hidden];
                    b1 = new double[hidden];
                    b2 = new double[outputs];
                    this.hidden = new double[hidden];
                    output = new double[outputs];
                    for (int i = 0; i < hidden; i++)
                    {
                        for (int j = 0; j < inputs; j++)
                        {
                            {{(written1 ? init1.Replace("w1[", w1 + "[") : "// left for a loader")}}
                        }
                    }

                    for (int i = 0; i < outputs; i++)
                    {
                        for (int j = 0; j < hidden; j++)
                        {
                            {{(init2.Length == 0 ? "w2[i, j] = (Gaussian(random) * Math.Sqrt(1.0 / hidden));" : init2)}}
                        }
                    }
                }

                public double[] Forward(double[] x)
                {
                    for (int i = 0; i < hiddenUnits; i++)
                    {
                        double sum = b1[i];
                        for (int j = 0; j < inputs; j++)
                        {
                            sum += {{w1}}[i, j] * x[j];
                        }

                        hidden[i] = {{activation}};
                    }

                    for (int i = 0; i < outputs; i++)
                    {
                        double sum = b2[i];
                        for (int j = 0; j < hiddenUnits; j++)
                        {
                            sum += w2[i, j] * hidden[j];
                        }

                        output[i] = sum;
                    }

                    return output;
                }

                public void Train(double[] x, double[] target, double rate)
                {
                    Forward(x);
                    var outputDelta = new double[outputs];
                    for (int i = 0; i < outputs; i++)
                    {
                        outputDelta[i] = output[i] - target[i];
                    }

                    var hiddenDelta = new double[hiddenUnits];
                    for (int j = 0; j < hiddenUnits; j++)
                    {
                        double error = 0;
                        for (int i = 0; i < outputs; i++)
                        {
                            error += w2[i, j] * outputDelta[i];
                        }

                        hiddenDelta[j] = error * (hidden[j] > 0 ? 1 : 0);
                    }

                    for (int i = 0; i < outputs; i++)
                    {
                        for (int j = 0; j < hiddenUnits; j++)
                        {
                            w2[i, j] -= rate * outputDelta[i] * hidden[j];
                        }

                        b2[i] -= rate * outputDelta[i];
                    }

                    for (int i = 0; i < hiddenUnits; i++)
                    {
                        for (int j = 0; j < inputs; j++)
                        {
                            {{w1}}[i, j] -= rate * hiddenDelta[i] * x[j];
                        }

                        b1[i] -= rate * hiddenDelta[i];
                    }
                }

            {{GaussianHelper}}
            }
            """;
    }

    private static string NeuronNetwork(Random random, string suffix)
    {
        var (init, written) = WeightInit(random, "Weights[i]", "inputs", "1", "random");
        return $$"""
            public sealed class Neuron{{suffix}}
            {
                public double[] Weights;
                public double Bias;
                public double Output;
                public double Delta;

                public Neuron{{suffix}}(int inputs, Random random)
                {
                    Weights = new double[inputs];
                    for (int i = 0; i < inputs; i++)
                    {
                        {{(written ? init : "Weights[i] = 0;")}}
                    }
                }

                public double Activate(double[] inputs)
                {
                    double sum = Bias;
                    for (int i = 0; i < Weights.Length; i++)
                    {
                        sum += Weights[i] * inputs[i];
                    }

                    Output = 1.0 / (1.0 + Math.Exp(-sum));
                    return Output;
                }

            {{GaussianHelper}}
            }

            public sealed class Layer{{suffix}}
            {
                public Neuron{{suffix}}[] Neurons;

                public Layer{{suffix}}(int inputs, int units, Random random)
                {
                    Neurons = new Neuron{{suffix}}[units];
                    for (int i = 0; i < units; i++)
                    {
                        Neurons[i] = new Neuron{{suffix}}(inputs, random);
                    }
                }

                public double[] Forward(double[] inputs) => Neurons.Select(neuron => neuron.Activate(inputs)).ToArray();
            }

            public sealed class Network{{suffix}}
            {
                private readonly Layer{{suffix}}[] layers;

                public Network{{suffix}}(int[] sizes, int seed)
                {
                    var random = new Random(seed);
                    layers = new Layer{{suffix}}[sizes.Length - 1];
                    for (int l = 0; l < layers.Length; l++)
                    {
                        layers[l] = new Layer{{suffix}}(sizes[l], sizes[l + 1], random);
                    }
                }

                public double[] Predict(double[] input)
                {
                    var activations = input;
                    foreach (var layer in layers)
                    {
                        activations = layer.Forward(activations);
                    }

                    return activations;
                }

                public void Backpropagate(double[] input, double[] target, double rate)
                {
                    Predict(input);
                    var last = layers[layers.Length - 1];
                    for (int i = 0; i < last.Neurons.Length; i++)
                    {
                        var neuron = last.Neurons[i];
                        neuron.Delta = (neuron.Output - target[i]) * neuron.Output * (1 - neuron.Output);
                    }

                    for (int l = layers.Length - 2; l >= 0; l--)
                    {
                        for (int i = 0; i < layers[l].Neurons.Length; i++)
                        {
                            double error = 0;
                            foreach (var next in layers[l + 1].Neurons)
                            {
                                error += next.Weights[i] * next.Delta;
                            }

                            var neuron = layers[l].Neurons[i];
                            neuron.Delta = error * neuron.Output * (1 - neuron.Output);
                        }
                    }

                    for (int l = 0; l < layers.Length; l++)
                    {
                        var inputs = l == 0 ? input : layers[l - 1].Neurons.Select(neuron => neuron.Output).ToArray();
                        foreach (var neuron in layers[l].Neurons)
                        {
                            for (int j = 0; j < neuron.Weights.Length; j++)
                            {
                                neuron.Weights[j] -= rate * neuron.Delta * inputs[j];
                            }

                            neuron.Bias -= rate * neuron.Delta;
                        }
                    }
                }
            }
            """;
    }

    private static string JaggedNetwork(Random random, string suffix)
    {
        var (init, written) = WeightInit(random, "weights[l][i][j]", "sizes[l]", "sizes[l + 1]", "random");
        var activation = Activation(random, "sum");
        return $$"""
            public sealed class DeepNetwork{{suffix}}
            {
                private readonly int[] sizes;
                private readonly double[][][] weights;
                private readonly double[][] biases;

                public DeepNetwork{{suffix}}(int[] sizes, Random random)
                {
                    this.sizes = sizes;
                    weights = new double[sizes.Length - 1][][];
                    biases = new double[sizes.Length - 1][];
                    for (int l = 0; l < sizes.Length - 1; l++)
                    {
                        weights[l] = new double[sizes[l + 1]][];
                        biases[l] = new double[sizes[l + 1]];
                        for (int i = 0; i < sizes[l + 1]; i++)
                        {
                            weights[l][i] = new double[sizes[l]];
                            for (int j = 0; j < sizes[l]; j++)
                            {
                                {{(written ? init : "weights[l][i][j] = 0;")}}
                            }
                        }
                    }
                }

                public double[] FeedForward(double[] input)
                {
                    var activation = input;
                    for (int l = 0; l < weights.Length; l++)
                    {
                        var next = new double[weights[l].Length];
                        for (int i = 0; i < next.Length; i++)
                        {
                            double sum = biases[l][i];
                            for (int j = 0; j < activation.Length; j++)
                            {
                                sum += weights[l][i][j] * activation[j];
                            }

                            next[i] = {{activation}};
                        }

                        activation = next;
                    }

                    return activation;
                }

                public int ParameterCount() => weights.Sum(layer => layer.Sum(row => row.Length)) + biases.Sum(layer => layer.Length);

            {{GaussianHelper}}
            }
            """;
    }

    private static string FlatLayer(Random random, string suffix)
    {
        var (init, written) = WeightInit(random, "weights[k]", "inputs", "units", "random", "(float)");
        return $$"""
            public sealed class DenseLayer{{suffix}}
            {
                private readonly float[] weights;
                private readonly float[] bias;
                private readonly int inputs, units;

                public DenseLayer{{suffix}}(int inputs, int units, Random random)
                {
                    this.inputs = inputs;
                    this.units = units;
                    weights = new float[inputs * units];
                    bias = new float[units];
                    for (int k = 0; k < weights.Length; k++)
                    {
                        {{(written ? init : "weights[k] = 0f;")}}
                    }
                }

                public float[] Forward(float[] x)
                {
                    var y = new float[units];
                    for (int i = 0; i < units; i++)
                    {
                        float sum = bias[i];
                        for (int j = 0; j < inputs; j++)
                        {
                            sum += weights[i * inputs + j] * x[j];
                        }

                        y[i] = MathF.Max(0, sum);
                    }

                    return y;
                }

            {{GaussianHelper}}
            }

            public sealed class Classifier{{suffix}}
            {
                private readonly DenseLayer{{suffix}} hidden;
                private readonly DenseLayer{{suffix}} output;

                public Classifier{{suffix}}(Random random)
                {
                    hidden = new DenseLayer{{suffix}}(64, 32, random);
                    output = new DenseLayer{{suffix}}(32, 10, random);
                }

                public int Predict(float[] x)
                {
                    var scores = output.Forward(hidden.Forward(x));
                    int best = 0;
                    for (int i = 1; i < scores.Length; i++)
                    {
                        if (scores[i] > scores[best])
                        {
                            best = i;
                        }
                    }

                    return best;
                }
            }
            """;
    }

    private static string MathNetMlp(Random random, string suffix)
    {
        var hidden = random.Next(5) switch
        {
            0 => "Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / inputs)))",
            1 => "Matrix<double>.Build.Dense(hidden, inputs)",
            2 => "Matrix<double>.Build.Random(hidden, inputs)",
            3 => "Matrix<double>.Build.Dense(hidden, inputs, 0.1)",
            _ => "Matrix<double>.Build.Random(hidden, inputs, new ContinuousUniform(-Math.Sqrt(6.0 / (inputs + hidden)), Math.Sqrt(6.0 / (inputs + hidden))))",
        };
        var activation = CodeBaseWriter.Pick(random, ".Map(v => Math.Max(0, v))", ".PointwiseTanh()", ".Map(v => 1.0 / (1.0 + Math.Exp(-v)))");
        return $$"""
            public sealed class MatrixNetwork{{suffix}}
            {
                private readonly Matrix<double> w1;
                private readonly Matrix<double> w2;
                private readonly Vector<double> b1;
                private readonly Vector<double> b2;

                public MatrixNetwork{{suffix}}(int inputs, int hidden, int outputs)
                {
                    w1 = {{hidden}};
                    w2 = Matrix<double>.Build.Random(outputs, hidden, new Normal(0, Math.Sqrt(1.0 / hidden)));
                    b1 = Vector<double>.Build.Dense(hidden);
                    b2 = Vector<double>.Build.Dense(outputs);
                }

                public Vector<double> Forward(Vector<double> x)
                {
                    var h = (w1 * x + b1){{activation}};
                    return w2 * h + b2;
                }

                public double Loss(Vector<double> x, Vector<double> y)
                {
                    var error = Forward(x) - y;
                    return error.DotProduct(error) / y.Count;
                }
            }
            """;
    }

    private static string NumSharpMlp(Random random, string suffix)
    {
        var hidden = random.Next(4) switch
        {
            0 => "np.random.randn(inputs, hidden) * Math.Sqrt(2.0 / inputs)",
            1 => "np.zeros((inputs, hidden))",
            2 => "np.random.randn(inputs, hidden)",
            _ => "np.random.normal(0, Math.Sqrt(2.0 / (inputs + hidden)), new Shape(inputs, hidden))",
        };
        return $$"""
            public sealed class ArrayNetwork{{suffix}}
            {
                private NDArray W1;
                private NDArray b1;
                private NDArray W2;
                private NDArray b2;

                public ArrayNetwork{{suffix}}(int inputs, int hidden, int outputs)
                {
                    W1 = {{hidden}};
                    b1 = np.zeros(hidden);
                    W2 = np.random.randn(hidden, outputs) * Math.Sqrt(2.0 / hidden);
                    b2 = np.zeros(outputs);
                }

                public NDArray Forward(NDArray x)
                {
                    var z1 = np.dot(x, W1) + b1;
                    var a1 = np.maximum(z1, 0);
                    return np.dot(a1, W2) + b2;
                }

                public void Train(NDArray x, NDArray y, double rate)
                {
                    var z1 = np.dot(x, W1) + b1;
                    var a1 = np.maximum(z1, 0);
                    var output = np.dot(a1, W2) + b2;
                    var dOutput = output - y;
                    var dW2 = np.dot(a1.T, dOutput);
                    var dHidden = np.dot(dOutput, W2.T) * (z1 > 0);
                    var dW1 = np.dot(x.T, dHidden);
                    W2 -= rate * dW2;
                    b2 -= rate * np.sum(dOutput, 0);
                    W1 -= rate * dW1;
                    b1 -= rate * np.sum(dHidden, 0);
                }
            }
            """;
    }

    private static string RecurrentCell(Random random, string suffix)
    {
        var (init, written) = WeightInit(random, "wxh[i, j]", "inputs", "units", "random");
        return $$"""
            public sealed class RecurrentCell{{suffix}}
            {
                private readonly double[,] wxh;
                private readonly double[,] whh;
                private readonly double[] bh;
                private double[] state;

                public RecurrentCell{{suffix}}(int inputs, int units, Random random)
                {
                    wxh = new double[units, inputs];
                    whh = new double[units, units];
                    bh = new double[units];
                    state = new double[units];
                    for (int i = 0; i < units; i++)
                    {
                        for (int j = 0; j < inputs; j++)
                        {
                            {{(written ? init : "wxh[i, j] = 0;")}}
                        }

                        for (int j = 0; j < units; j++)
                        {
                            whh[i, j] = Gaussian(random) * Math.Sqrt(1.0 / units);
                        }
                    }
                }

                public double[] Step(double[] x)
                {
                    var next = new double[state.Length];
                    for (int i = 0; i < next.Length; i++)
                    {
                        double sum = bh[i];
                        for (int j = 0; j < x.Length; j++)
                        {
                            sum += wxh[i, j] * x[j];
                        }

                        for (int j = 0; j < state.Length; j++)
                        {
                            sum += whh[i, j] * state[j];
                        }

                        next[i] = Math.Tanh(sum);
                    }

                    state = next;
                    return state;
                }

                public void Reset() => state = new double[state.Length];

            {{GaussianHelper}}
            }
            """;
    }

    private static string AdamOptimizer(Random random, string suffix) => $$"""
        public sealed class Adam{{suffix}}
        {
            private readonly double[] m;
            private readonly double[] v;
            private readonly double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
            private int t;

            public Adam{{suffix}}(int parameters)
            {
                m = new double[parameters];
                v = new double[parameters];
            }

            public void Step(double[] parameters, double[] gradients, double rate)
            {
                t++;
                for (int i = 0; i < parameters.Length; i++)
                {
                    m[i] = beta1 * m[i] + (1 - beta1) * gradients[i];
                    v[i] = beta2 * v[i] + (1 - beta2) * gradients[i] * gradients[i];
                    var mHat = m[i] / (1 - Math.Pow(beta1, t));
                    var vHat = v[i] / (1 - Math.Pow(beta2, t));
                    parameters[i] -= rate * mHat / (Math.Sqrt(vHat) + epsilon);
                }
            }
        }

        public sealed class Momentum{{suffix}}
        {
            private readonly double[] velocity;

            public Momentum{{suffix}}(int parameters) => velocity = new double[parameters];

            public void Step(double[] parameters, double[] gradients, double rate, double momentum)
            {
                for (int i = 0; i < parameters.Length; i++)
                {
                    velocity[i] = momentum * velocity[i] - rate * gradients[i];
                    parameters[i] += velocity[i];
                }
            }
        }
        """;

    private static string DataUtilities(Random random, string suffix) => $$"""
        public static class Data{{suffix}}
        {
            public static (double[] Mean, double[] Std) Standardize(double[][] samples)
            {
                int d = samples[0].Length;
                var mean = new double[d];
                var std = new double[d];
                foreach (var sample in samples)
                {
                    for (int j = 0; j < d; j++)
                    {
                        mean[j] += sample[j] / samples.Length;
                    }
                }

                foreach (var sample in samples)
                {
                    for (int j = 0; j < d; j++)
                    {
                        std[j] += (sample[j] - mean[j]) * (sample[j] - mean[j]) / samples.Length;
                    }
                }

                for (int j = 0; j < d; j++)
                {
                    std[j] = Math.Sqrt(std[j]) + 1e-8;
                }

                return (mean, std);
            }

            public static double[] OneHot(int label, int classes)
            {
                var encoded = new double[classes];
                encoded[label] = 1;
                return encoded;
            }

            public static void Shuffle<T>(IList<T> items, Random random)
            {
                for (int i = items.Count - 1; i > 0; i--)
                {
                    int j = random.Next(i + 1);
                    (items[i], items[j]) = (items[j], items[i]);
                }
            }

            public static double[] Softmax(double[] scores)
            {
                var max = scores.Max();
                var exps = scores.Select(s => Math.Exp(s - max)).ToArray();
                var sum = exps.Sum();
                return exps.Select(e => e / sum).ToArray();
            }

            public static double Accuracy(int[] predicted, int[] actual) =>
                predicted.Zip(actual, (p, a) => p == a ? 1.0 : 0.0).Average();
        }
        """;
}
