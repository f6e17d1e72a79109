namespace InitAnalyzers.Tests.Rules.LayerLists;

/// <summary>
/// Source stubs of the public signatures of layer-list libraries that are not on this machine's NuGet (DOMAIN.md section 7):
/// ConvNetSharp 0.4 (cbovar/ConvNetSharp), NeuralNetwork.NET 2.1 (Sergio0694/NeuralNetwork.NET), SiaNet 0.4 (deepakkumar1984/SiaNet)
/// and Accord.NET 3.8 (accord-net/framework). Names, namespaces, arities and parameters as in those sources; bodies empty.
/// </summary>
internal static class LibraryStubs
{
    public const string ConvNetSharp = """
        namespace ConvNetSharp.Core
        {
            using System;
            using ConvNetSharp.Core.Layers;

            public class Net<T> where T : struct, IEquatable<T>, IFormattable
            {
                public void AddLayer(LayerBase<T> layer) { }
            }
        }

        namespace ConvNetSharp.Core.Layers
        {
            using System;

            public abstract class LayerBase<T> where T : struct, IEquatable<T>, IFormattable { }
            public class InputLayer<T> : LayerBase<T> where T : struct, IEquatable<T>, IFormattable { public InputLayer(int inputWidth, int inputHeight, int inputDepth) { } }
            public class FullyConnLayer<T> : LayerBase<T> where T : struct, IEquatable<T>, IFormattable { public FullyConnLayer(int neuronCount) { } }
            public class ConvLayer<T> : LayerBase<T> where T : struct, IEquatable<T>, IFormattable { public ConvLayer(int width, int height, int filterCount) { } }
            public class ReluLayer<T> : LayerBase<T> where T : struct, IEquatable<T>, IFormattable { }
            public class LeakyReluLayer<T> : LayerBase<T> where T : struct, IEquatable<T>, IFormattable { public LeakyReluLayer(T alpha) { } }
            public class TanhLayer<T> : LayerBase<T> where T : struct, IEquatable<T>, IFormattable { }
            public class SigmoidLayer<T> : LayerBase<T> where T : struct, IEquatable<T>, IFormattable { }
            public class DropoutLayer<T> : LayerBase<T> where T : struct, IEquatable<T>, IFormattable { public DropoutLayer(T dropProbability) { } }
            public class SoftmaxLayer<T> : LayerBase<T> where T : struct, IEquatable<T>, IFormattable { public SoftmaxLayer(int classCount) { } }
        }

        namespace ConvNetSharp.Core.Layers.Double
        {
            public class InputLayer : ConvNetSharp.Core.Layers.InputLayer<double> { public InputLayer(int inputWidth, int inputHeight, int inputDepth) : base(inputWidth, inputHeight, inputDepth) { } }
            public class FullyConnLayer : ConvNetSharp.Core.Layers.FullyConnLayer<double> { public FullyConnLayer(int neuronCount) : base(neuronCount) { } }
            public class ReluLayer : ConvNetSharp.Core.Layers.ReluLayer<double> { }
            public class LeakyReluLayer : ConvNetSharp.Core.Layers.LeakyReluLayer<double> { public LeakyReluLayer(double alpha) : base(alpha) { } }
            public class TanhLayer : ConvNetSharp.Core.Layers.TanhLayer<double> { }
            public class SigmoidLayer : ConvNetSharp.Core.Layers.SigmoidLayer<double> { }
            public class DropoutLayer : ConvNetSharp.Core.Layers.DropoutLayer<double> { public DropoutLayer(double dropoutProbability) : base(dropoutProbability) { } }
            public class SoftmaxLayer : ConvNetSharp.Core.Layers.SoftmaxLayer<double> { public SoftmaxLayer(int classCount) : base(classCount) { } }
        }
        """;

    public const string NeuralNetworkNet = """
        namespace NeuralNetworkNET.APIs.Enums
        {
            public enum ActivationType : byte { Sigmoid, Tanh, LeCunTanh, ReLU, LeakyReLU, AbsoluteReLU, Softmax, Softplus, ELU, Identity }
            public enum WeightsInitializationMode : byte { LeCunUniform, GlorotNormal, GlorotUniform, HeEtAlNormal, HeEtAlUniform }
            public enum BiasInitializationMode : byte { Zero, Gaussian }
            public enum NormalizationMode : byte { Spatial, PerActivation }
        }

        namespace NeuralNetworkNET.APIs.Structs
        {
            public readonly struct TensorInfo
            {
                public static TensorInfo Linear(int size) => default;
            }
        }

        namespace NeuralNetworkNET.APIs.Interfaces
        {
            public interface INetworkLayer { }
            public interface INeuralNetwork { }
        }

        namespace NeuralNetworkNET.APIs.Delegates
        {
            public delegate NeuralNetworkNET.APIs.Interfaces.INetworkLayer LayerFactory(NeuralNetworkNET.APIs.Structs.TensorInfo info);
        }

        namespace NeuralNetworkNET.APIs
        {
            using NeuralNetworkNET.APIs.Delegates;
            using NeuralNetworkNET.APIs.Enums;
            using NeuralNetworkNET.APIs.Interfaces;
            using NeuralNetworkNET.APIs.Structs;

            public static class NetworkLayers
            {
                public static LayerFactory FullyConnected(int neurons, ActivationType activation, WeightsInitializationMode weightsMode = WeightsInitializationMode.GlorotUniform, BiasInitializationMode biasMode = BiasInitializationMode.Zero) => null;

                public static LayerFactory BatchNormalization(NormalizationMode mode, ActivationType activation) => null;

                public static LayerFactory Softmax(int outputs, WeightsInitializationMode weightsMode = WeightsInitializationMode.GlorotUniform, BiasInitializationMode biasMode = BiasInitializationMode.Zero) => null;
            }

            public static class NetworkManager
            {
                public static INeuralNetwork NewSequential(TensorInfo input, params LayerFactory[] factories) => null;
            }
        }
        """;

    public const string SiaNet = """
        namespace SiaNet.Engine
        {
            public enum ActType { Linear, ReLU, Sigmoid, Tanh, Elu, Exp, HardSigmoid, LeakyReLU, PReLU, RReLU, SeLU, Softmax, Softplus, SoftSign }
        }

        namespace SiaNet.Initializers
        {
            public abstract class BaseInitializer { protected BaseInitializer(string name) { } }
            public class VarianceScaling : BaseInitializer { public VarianceScaling(float scale = 1, string mode = "fan_in", string distribution = "normal", int? seed = null) : base("variance_scaling") { } }
            public class GlorotUniform : VarianceScaling { public GlorotUniform(int? seed = null) : base(1, "fan_avg", "uniform", seed) { } }
            public class GlorotNormal : VarianceScaling { public GlorotNormal(int? seed = null) : base(1, "fan_avg", "normal", seed) { } }
            public class HeNormal : VarianceScaling { public HeNormal(int? seed = null) : base(2, "fan_in", "normal", seed) { } }
            public class HeUniform : VarianceScaling { public HeUniform(int? seed = null) : base(2, "fan_in", "uniform", seed) { } }
            public class RandomNormal : BaseInitializer { public RandomNormal(float mean = 0f, float stddev = 0.05f, int? seed = null) : base("random_normal") { } }
        }

        namespace SiaNet.Regularizers { public abstract class BaseRegularizer { } }

        namespace SiaNet.Constraints { public abstract class BaseConstraint { } }

        namespace SiaNet.Layers
        {
            using SiaNet.Constraints;
            using SiaNet.Engine;
            using SiaNet.Initializers;
            using SiaNet.Regularizers;

            public abstract class BaseLayer { protected BaseLayer(string name) { } }

            public class Dense : BaseLayer
            {
                public Dense(int dim, ActType activation = ActType.Linear, BaseInitializer kernelInitializer = null, BaseRegularizer kernelRegularizer = null, BaseConstraint kernelConstraint = null, bool useBias = true, BaseInitializer biasInitializer = null, BaseRegularizer biasRegularizer = null, BaseConstraint biasConstraint = null)
                    : base("dense") { }

                public BaseInitializer KernelInitializer { get; set; }
            }
        }

        namespace SiaNet.Layers.Activations
        {
            public class Relu : SiaNet.Layers.BaseLayer { public Relu() : base("relu") { } }
            public class Tanh : SiaNet.Layers.BaseLayer { public Tanh() : base("tanh") { } }
            public class Sigmoid : SiaNet.Layers.BaseLayer { public Sigmoid() : base("sigmoid") { } }
            public class Softmax : SiaNet.Layers.BaseLayer { public Softmax() : base("softmax") { } }
        }

        namespace SiaNet
        {
            public partial class Sequential
            {
                public void Add(SiaNet.Layers.BaseLayer l) { }
            }
        }
        """;

    public const string AccordNeuro = """
        namespace Accord.Neuro
        {
            public interface IActivationFunction
            {
                double Function(double x);
                double Derivative(double x);
                double Derivative2(double y);
            }

            public class SigmoidFunction : IActivationFunction
            {
                public SigmoidFunction() { }
                public SigmoidFunction(double alpha) { }
                public double Function(double x) => 0;
                public double Derivative(double x) => 0;
                public double Derivative2(double y) => 0;
            }

            public class BipolarSigmoidFunction : IActivationFunction
            {
                public BipolarSigmoidFunction() { }
                public BipolarSigmoidFunction(double alpha) { }
                public double Function(double x) => 0;
                public double Derivative(double x) => 0;
                public double Derivative2(double y) => 0;
            }

            public abstract class Neuron { public double[] Weights { get; } = new double[0]; }

            public abstract class Layer { public Neuron[] Neurons { get; } = new Neuron[0]; }

            public abstract class Network { public Layer[] Layers { get; } = new Layer[0]; }

            public class ActivationNetwork : Network
            {
                public ActivationNetwork(IActivationFunction function, int inputsCount, params int[] neuronsCount) { }
            }

            public class NguyenWidrow
            {
                public NguyenWidrow(ActivationNetwork network) { }
                public void Randomize() { }
            }
        }
        """;
}
