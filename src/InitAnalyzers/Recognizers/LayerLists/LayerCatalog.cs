using System;
using System.Collections.Generic;
using System.Linq;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Recognizers.LayerLists;

/// <summary>
/// The layer-list libraries InitAnalyzers knows (DOMAIN.md section 7), by fully qualified metadata name, with each weight
/// layer's default initialization as its source computes it:
/// ConvNetSharp's <c>FullyConnLayer</c> and <c>ConvLayer</c> draw He normal, <c>Math.Sqrt(2.0 / inputCount)</c>, with no way to
/// choose (FullyConnLayer.cs, ConvLayer.cs); NeuralNetwork.NET's <c>NetworkLayers.FullyConnected</c> and <c>Softmax</c> default to
/// <c>WeightsInitializationMode.GlorotUniform</c>, its convolutions are He uniform (WeightsProvider.cs); SiaNet's <c>Dense</c>
/// defaults to <c>new GlorotUniform()</c> (Dense.cs); AForge's and Accord's <c>ActivationNetwork</c> draw every weight from
/// U[0, 1) (<c>Neuron.RandRange</c> / <c>UniformContinuousDistribution()</c>, Neuron.cs).
/// </summary>
internal sealed class LayerCatalog
{
    public const string ConvNetSharp = "ConvNetSharp";
    public const string NeuralNetworkNet = "NeuralNetwork.NET";
    public const string SiaNet = "SiaNet";
    public const string AccordNeuro = "Accord.Neuro";

    private static readonly SchemeDraw HeNormal = new(SchemeFamily.He, InitKind.Normal, ActivationKind.ReLU);
    private static readonly SchemeDraw HeUniform = new(SchemeFamily.He, InitKind.Uniform, ActivationKind.ReLU);
    private static readonly SchemeDraw GlorotUniform = new(SchemeFamily.Xavier, InitKind.Uniform, ActivationKind.Linear);
    private static readonly SchemeDraw GlorotNormal = new(SchemeFamily.Xavier, InitKind.Normal, ActivationKind.Linear);
    private static readonly SchemeDraw LeCunUniform = new(SchemeFamily.LeCun, InitKind.Uniform, ActivationKind.Linear);
    private static readonly SchemeDraw LeCunNormal = new(SchemeFamily.LeCun, InitKind.Normal, ActivationKind.Linear);

    /// <summary>The type names a source must mention before anything is bound (<see cref="TextSearch"/>).</summary>
    public static readonly string[] Words = { "FullyConnLayer", "ConvLayer", "FullyConnected", "Dense", "ActivationNetwork" };

    private static readonly string[] Libraries = { "ConvNetSharp.Core", "NeuralNetwork.NET", "SiaNet", "Accord.Neuro", "AForge.Neuro" };

    /// <summary>The types without which <see cref="Resolve"/> finds no library: ConvNetSharp's, NeuralNetwork.NET's, SiaNet's and AForge's or Accord's network.</summary>
    private static readonly string[] EntryTypes = { "Net", "NetworkLayers", "Sequential", "ActivationNetwork" };

    private readonly Dictionary<INamedTypeSymbol, LayerType> layers = new(SymbolEqualityComparer.Default);

    private LayerCatalog()
    {
    }

    public INamedTypeSymbol? ConvNetSharpNet { get; private set; }

    public INamedTypeSymbol? SiaNetSequential { get; private set; }

    public INamedTypeSymbol? NetworkLayers { get; private set; }

    public INamedTypeSymbol? CuDnnNetworkLayers { get; private set; }

    public INamedTypeSymbol? NetworkManager { get; private set; }

    public INamedTypeSymbol? ActivationNetwork { get; private set; }

    /// <summary>True when a reference may be one of the catalogued libraries, read from the references' file names: nothing is bound.</summary>
    public static bool MayBeReferenced(Compilation compilation) => Libraries.Any(library => FrameworkAssembly.MayBeReferenced(compilation, library));

    /// <summary>
    /// True when the source declares one of the types a catalogue starts from (the library's own repository), as the declaration
    /// table tells: asked once the compiler has built it, at the first type, not at the compilation's start.
    /// </summary>
    public static bool MayBeDeclared(Compilation compilation) => EntryTypes.Any(name => compilation.ContainsSymbolsWithName(name, SymbolFilter.Type));

    /// <summary>The known libraries the compilation references (or compiles); null when there is none.</summary>
    public static LayerCatalog? Resolve(Compilation compilation)
    {
        var catalog = new LayerCatalog();
        var found = false;

        var convNet = FrameworkAssembly.Find(compilation, "ConvNetSharp.Core");
        catalog.ConvNetSharpNet = convNet.Type("ConvNetSharp.Core.Net`1");
        if (catalog.ConvNetSharpNet is not null)
        {
            found = true;
            foreach (var space in new[] { "ConvNetSharp.Core.Layers.", "ConvNetSharp.Core.Layers.Double.", "ConvNetSharp.Core.Layers.Single." })
            {
                var arity = space == "ConvNetSharp.Core.Layers." ? "`1" : string.Empty;
                catalog.Add(convNet.Type(space + "FullyConnLayer" + arity), LayerType.Weights(ConvNetSharp, HeNormal));
                catalog.Add(convNet.Type(space + "ConvLayer" + arity), LayerType.Weights(ConvNetSharp, HeNormal));
                catalog.Add(convNet.Type(space + "ReluLayer" + arity), LayerType.Activation(ConvNetSharp, ActivationKind.ReLU));
                catalog.Add(convNet.Type(space + "LeakyReluLayer" + arity), LayerType.Activation(ConvNetSharp, ActivationKind.LeakyReLU));
                catalog.Add(convNet.Type(space + "TanhLayer" + arity), LayerType.Activation(ConvNetSharp, ActivationKind.Tanh));
                catalog.Add(convNet.Type(space + "SigmoidLayer" + arity), LayerType.Activation(ConvNetSharp, ActivationKind.Sigmoid));
                catalog.Add(convNet.Type(space + "SoftmaxLayer" + arity), LayerType.Activation(ConvNetSharp, ActivationKind.Softmax));
                catalog.Add(convNet.Type(space + "RegressionLayer" + arity), LayerType.Activation(ConvNetSharp, ActivationKind.Linear));

                // Pass-through layers between a weight layer and its activation: dropout, and max pooling, which commutes with it.
                catalog.Add(convNet.Type(space + "DropoutLayer" + arity), LayerType.Activation(ConvNetSharp, ActivationKind.Linear));
                catalog.Add(convNet.Type(space + "PoolLayer" + arity), LayerType.Activation(ConvNetSharp, ActivationKind.Linear));
                catalog.Add(convNet.Type(space + "InputLayer" + arity), LayerType.Activation(ConvNetSharp, ActivationKind.Linear));
            }
        }

        var neuralNetworkNet = FrameworkAssembly.Find(compilation, "NeuralNetwork.NET");
        catalog.NetworkLayers = neuralNetworkNet.Type("NeuralNetworkNET.APIs.NetworkLayers");
        catalog.CuDnnNetworkLayers = neuralNetworkNet.Type("NeuralNetworkNET.APIs.CuDnnNetworkLayers");
        catalog.NetworkManager = neuralNetworkNet.Type("NeuralNetworkNET.APIs.NetworkManager");
        found |= catalog.NetworkLayers is not null && catalog.NetworkManager is not null;

        var siaNet = FrameworkAssembly.Find(compilation, "SiaNet");
        catalog.SiaNetSequential = siaNet.Type("SiaNet.Sequential");
        if (catalog.SiaNetSequential is not null)
        {
            found = true;
            catalog.Add(siaNet.Type("SiaNet.Layers.Dense"), LayerType.Weights(SiaNet, GlorotUniform));
            catalog.Add(siaNet.Type("SiaNet.Layers.Activations.Relu"), LayerType.Activation(SiaNet, ActivationKind.ReLU));
            catalog.Add(siaNet.Type("SiaNet.Layers.Activations.LeakyRelu"), LayerType.Activation(SiaNet, ActivationKind.LeakyReLU));
            catalog.Add(siaNet.Type("SiaNet.Layers.Activations.Elu"), LayerType.Activation(SiaNet, ActivationKind.ELU));
            catalog.Add(siaNet.Type("SiaNet.Layers.Activations.Selu"), LayerType.Activation(SiaNet, ActivationKind.SELU));
            catalog.Add(siaNet.Type("SiaNet.Layers.Activations.Tanh"), LayerType.Activation(SiaNet, ActivationKind.Tanh));
            catalog.Add(siaNet.Type("SiaNet.Layers.Activations.Sigmoid"), LayerType.Activation(SiaNet, ActivationKind.Sigmoid));
            catalog.Add(siaNet.Type("SiaNet.Layers.Activations.Softmax"), LayerType.Activation(SiaNet, ActivationKind.Softmax));
            catalog.Add(siaNet.Type("SiaNet.Layers.Activations.Linear"), LayerType.Activation(SiaNet, ActivationKind.Linear));
        }

        // Accord.NET from 3.2 (Accord.Neuro), AForge.NET and Accord 3.0 (AForge.Neuro): the same ActivationNetwork.
        foreach (var (assembly, space) in new[] { ("Accord.Neuro", "Accord.Neuro."), ("Accord.Neuro", "AForge.Neuro."), ("AForge.Neuro", "AForge.Neuro.") })
        {
            var neuro = FrameworkAssembly.Find(compilation, assembly);
            if (catalog.ActivationNetwork is null && neuro.Type(space + "ActivationNetwork") is { } network)
            {
                catalog.ActivationNetwork = network;
                found = true;
                catalog.Add(neuro.Type(space + "SigmoidFunction"), LayerType.Activation(AccordNeuro, ActivationKind.Sigmoid));
                catalog.Add(neuro.Type(space + "BipolarSigmoidFunction"), LayerType.Activation(AccordNeuro, ActivationKind.Tanh)); // 2 / (1 + e^(-a x)) - 1 = tanh(a x / 2)
                catalog.Add(neuro.Type(space + "RectifiedLinearFunction"), LayerType.Activation(AccordNeuro, ActivationKind.ReLU));
                catalog.Add(neuro.Type(space + "IdentityFunction"), LayerType.Activation(AccordNeuro, ActivationKind.Linear));
            }
        }

        return found ? catalog : null;
    }

    /// <summary>The catalogued layer or activation type of <paramref name="type"/>; null for any other type.</summary>
    public LayerType? Layer(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && (layers.TryGetValue(named, out var layer) || layers.TryGetValue(named.OriginalDefinition, out layer)) ? layer : null;

    /// <summary>NeuralNetwork.NET's <c>WeightsInitializationMode</c> members.</summary>
    public static SchemeDraw? NeuralNetworkNetMode(string member) => member switch
    {
        "GlorotUniform" => GlorotUniform,
        "GlorotNormal" => GlorotNormal,
        "HeEtAlNormal" => HeNormal,
        "HeEtAlUniform" => HeUniform,
        "LeCunUniform" => LeCunUniform,
        _ => null,
    };

    /// <summary>The scheme a convolution of NeuralNetwork.NET always draws (<c>FillWithHeEtAlUniform</c>).</summary>
    public static SchemeDraw NeuralNetworkNetConvolution => HeUniform;

    /// <summary>SiaNet's <c>SiaNet.Initializers</c> by class name.</summary>
    public static SchemeDraw? SiaNetInitializer(INamedTypeSymbol type) => type.ContainingNamespace?.ToDisplayString() != "SiaNet.Initializers" ? null : type.Name switch
    {
        "GlorotUniform" => GlorotUniform,
        "GlorotNormal" => GlorotNormal,
        "HeNormal" => HeNormal,
        "HeUniform" => HeUniform,
        "LecunUniform" => LeCunUniform,
        "LecunNormal" => LeCunNormal,
        _ => null,
    };

    /// <summary>NeuralNetwork.NET's <c>ActivationType</c> and SiaNet's <c>ActType</c> members; unknown for the rest (AbsoluteReLU, Exp, HardSigmoid, RReLU).</summary>
    public static ActivationKind EnumActivation(string member) => member switch
    {
        "ReLU" or "PReLU" => ActivationKind.ReLU,
        "LeakyReLU" => ActivationKind.LeakyReLU,
        "ELU" or "Elu" => ActivationKind.ELU,
        "SeLU" => ActivationKind.SELU,
        "Tanh" or "LeCunTanh" => ActivationKind.Tanh,
        "Sigmoid" => ActivationKind.Sigmoid,
        "Softmax" => ActivationKind.Softmax,
        "Softplus" => ActivationKind.Softplus,
        "Identity" or "Linear" => ActivationKind.Linear,
        _ => ActivationKind.Unknown,
    };

    private void Add(INamedTypeSymbol? type, LayerType layer)
    {
        if (type is not null)
        {
            layers[type] = layer;
        }
    }
}

/// <summary>A catalogued layer type: a weight layer with its default scheme, or an activation.</summary>
internal sealed class LayerType
{
    private LayerType(string framework, SchemeDraw? defaultScheme, ActivationKind activation)
    {
        Framework = framework;
        DefaultScheme = defaultScheme;
        ActivationKind = activation;
    }

    public string Framework { get; }

    /// <summary>For a weight layer: the scheme it draws unless told otherwise.</summary>
    public SchemeDraw? DefaultScheme { get; }

    public bool HasWeights => DefaultScheme is not null;

    /// <summary>For an activation layer: what it computes.</summary>
    public ActivationKind ActivationKind { get; }

    public static LayerType Weights(string framework, SchemeDraw scheme) => new(framework, scheme, ActivationKind.Unknown);

    public static LayerType Activation(string framework, ActivationKind activation) => new(framework, null, activation);
}
