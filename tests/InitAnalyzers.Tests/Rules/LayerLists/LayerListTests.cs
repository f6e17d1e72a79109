using System.IO;
using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Rules.LayerLists;

/// <summary>
/// Networks built as lists of library layers, against stubs of the libraries' public signatures: each weight layer is paired
/// with the activation after it (or its own activation argument) and judged with the library's default initialization or
/// the initializer passed to it. The last weight layer is the output and is not judged; unknown layers end the pairing.
/// </summary>
public sealed class LayerListTests
{
    private static Task VerifyWithAsync(string stubs, string body, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        VerifyAsync(new[] { stubs, body }, expected);

    internal static string ConvNet(string layers) => $$"""
        using ConvNetSharp.Core;
        using ConvNetSharp.Core.Layers.Double;

        public sealed class Classifier
        {
            public Net<double> Build()
            {
                var net = new Net<double>();
                net.AddLayer(new InputLayer(1, 1, 2));
                {{layers}}
                return net;
            }
        }

        public sealed class CustomLayer : ConvNetSharp.Core.Layers.LayerBase<double> { }
        """;

    [Fact]
    public Task ConvNetSharp_He_before_tanh_is_reported() =>
        VerifyWithAsync(LibraryStubs.ConvNetSharp, ConvNet("net.AddLayer({|INIT003:new FullyConnLayer(20)|}); net.AddLayer(new TanhLayer()); net.AddLayer(new FullyConnLayer(10)); net.AddLayer(new SoftmaxLayer(10));"));

    [Fact]
    public Task ConvNetSharp_generic_layers_and_dropout_before_the_sigmoid_are_followed() =>
        VerifyWithAsync(LibraryStubs.ConvNetSharp, ConvNet("net.AddLayer({|INIT003:new ConvNetSharp.Core.Layers.FullyConnLayer<double>(20)|}); net.AddLayer(new DropoutLayer(0.5)); net.AddLayer(new ConvNetSharp.Core.Layers.SigmoidLayer<double>()); net.AddLayer(new FullyConnLayer(10)); net.AddLayer(new SoftmaxLayer(10));"));

    [Fact]
    public async Task ConvNetSharp_referenced_as_its_package_assembly_is_followed()
    {
        // The library as a file of its assembly's name, as NuGet gives it, rather than compiled with the code.
        var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var library = CSharpCompilation.Create("ConvNetSharp.Core", new[] { CSharpSyntaxTree.ParseText(LibraryStubs.ConvNetSharp) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var directory = Directory.CreateTempSubdirectory("initanalyzers-");
        try
        {
            var file = Path.Combine(directory.FullName, "ConvNetSharp.Core.dll");
            Assert.True(library.Emit(file).Success);
            var test = CreateTest();
            test.TestState.Sources.Add(ConvNet("net.AddLayer({|INIT003:new FullyConnLayer(20)|}); net.AddLayer(new TanhLayer()); net.AddLayer(new FullyConnLayer(10)); net.AddLayer(new SoftmaxLayer(10));"));
            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(file));
            await test.RunAsync(CancellationToken.None);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("net.AddLayer(new FullyConnLayer(20)); net.AddLayer(new ReluLayer()); net.AddLayer(new FullyConnLayer(10)); net.AddLayer(new SoftmaxLayer(10));")] // He before ReLU
    [InlineData("net.AddLayer(new FullyConnLayer(20)); net.AddLayer(new LeakyReluLayer(0.01)); net.AddLayer(new FullyConnLayer(10)); net.AddLayer(new SoftmaxLayer(10));")]
    [InlineData("net.AddLayer(new FullyConnLayer(10)); net.AddLayer(new TanhLayer());")] // the output layer
    [InlineData("net.AddLayer(new FullyConnLayer(20)); net.AddLayer(new CustomLayer()); net.AddLayer(new TanhLayer()); net.AddLayer(new FullyConnLayer(10));")] // an unknown layer in between
    public Task ConvNetSharp_layers_that_suit_or_cannot_be_judged_are_not_reported(string layers) =>
        VerifyWithAsync(LibraryStubs.ConvNetSharp, ConvNet(layers));

    internal static string Sequential(string layers) => $$"""
        using NeuralNetworkNET.APIs;
        using NeuralNetworkNET.APIs.Enums;
        using NeuralNetworkNET.APIs.Interfaces;
        using NeuralNetworkNET.APIs.Structs;

        public static class Model
        {
            public static INeuralNetwork Build() => NetworkManager.NewSequential(TensorInfo.Linear(784),
                {{layers}});
        }
        """;

    [Fact]
    public Task NeuralNetworkNet_default_Glorot_before_ReLU_in_two_hidden_layers_is_reported() =>
        VerifyWithAsync(LibraryStubs.NeuralNetworkNet, Sequential("{|INIT003:NetworkLayers.FullyConnected(128, ActivationType.ReLU)|}, {|INIT003:NetworkLayers.FullyConnected(64, ActivationType.ReLU)|}, NetworkLayers.Softmax(10)"));

    [Fact]
    public Task NeuralNetworkNet_He_chosen_before_tanh_is_reported() =>
        VerifyWithAsync(LibraryStubs.NeuralNetworkNet, Sequential("{|INIT003:NetworkLayers.FullyConnected(128, ActivationType.Tanh, WeightsInitializationMode.HeEtAlNormal)|}, NetworkLayers.Softmax(10)"));

    [Theory]
    [InlineData("NetworkLayers.FullyConnected(128, ActivationType.ReLU), NetworkLayers.Softmax(10)")] // Glorot before ReLU, one hidden layer
    [InlineData("NetworkLayers.FullyConnected(128, ActivationType.Sigmoid), NetworkLayers.FullyConnected(64, ActivationType.Tanh), NetworkLayers.Softmax(10)")]
    [InlineData("NetworkLayers.FullyConnected(128, ActivationType.ReLU, weightsMode: WeightsInitializationMode.HeEtAlUniform), NetworkLayers.FullyConnected(64, ActivationType.ReLU, WeightsInitializationMode.HeEtAlNormal), NetworkLayers.Softmax(10)")]
    [InlineData("NetworkLayers.FullyConnected(128, ActivationType.AbsoluteReLU), NetworkLayers.FullyConnected(64, ActivationType.AbsoluteReLU), NetworkLayers.Softmax(10)")] // an activation not judged
    [InlineData("NetworkLayers.FullyConnected(128, ActivationType.Identity), NetworkLayers.BatchNormalization(NormalizationMode.PerActivation, ActivationType.ReLU), NetworkLayers.FullyConnected(64, ActivationType.Identity), NetworkLayers.BatchNormalization(NormalizationMode.PerActivation, ActivationType.ReLU), NetworkLayers.Softmax(10)")] // batch normalization cancels the scale
    public Task NeuralNetworkNet_layers_that_suit_or_cannot_be_judged_are_not_reported(string layers) =>
        VerifyWithAsync(LibraryStubs.NeuralNetworkNet, Sequential(layers));

    internal static string SiaModel(string layers) => $$"""
        using SiaNet;
        using SiaNet.Engine;
        using SiaNet.Initializers;
        using SiaNet.Layers;
        using SiaNet.Layers.Activations;

        public sealed class Trainer
        {
            private readonly Sequential model = new Sequential();

            public void Build()
            {
                {{layers}}
            }
        }
        """;

    [Fact]
    public Task SiaNet_default_Glorot_before_ReLU_in_two_hidden_layers_is_reported() =>
        VerifyWithAsync(LibraryStubs.SiaNet, SiaModel("model.Add({|INIT003:new Dense(128, ActType.ReLU)|}); model.Add({|INIT003:new Dense(64, ActType.ReLU)|}); model.Add(new Dense(10, ActType.Softmax));"));

    [Fact]
    public Task The_message_names_the_activation_argument_and_where_the_list_is_built() =>
        VerifyWithAsync(
            LibraryStubs.SiaNet,
            SiaModel("model.Add({|#0:new Dense(128, ActType.ReLU)|}); model.Add(new Dense(64, ActType.ReLU)); model.Add(new Dense(10, ActType.Softmax));"),
            Diagnostic("INIT003").WithLocation(0).WithArguments(
                "new Dense(128, ActType.ReLU)",
                "Xavier (Glorot) uniform with gain 1",
                "ReLU in Trainer.Build (Test1.cs)",
                "the rectifier passes about half of the signal, so a scheme derived for gain 1 halves its variance at every layer and a deep stack fades (He et al. 2015)",
                "He uniform values, which suit the ReLU that follows (bound sqrt(6 / fan_in))"),
            Diagnostic("INIT003").WithSpan("/0/Test1.cs", 13, 60, 13, 87).WithArguments("new Dense(64, ActType.ReLU)", "Xavier (Glorot) uniform with gain 1", "ReLU in Trainer.Build (Test1.cs)", "the rectifier passes about half of the signal, so a scheme derived for gain 1 halves its variance at every layer and a deep stack fades (He et al. 2015)", "He uniform values, which suit the ReLU that follows (bound sqrt(6 / fan_in))"));

    [Fact]
    public Task The_message_names_the_activation_layer_that_follows() =>
        VerifyWithAsync(
            LibraryStubs.SiaNet,
            SiaModel("model.Add({|#0:new Dense(128, kernelInitializer: new HeNormal())|}); model.Add(new Tanh()); model.Add(new Dense(10)); model.Add(new Softmax());"),
            Diagnostic("INIT003").WithLocation(0).WithArguments(
                "new Dense(128, kernelInitializer: new HeNormal())",
                "He (Kaiming) normal with the ReLU gain",
                "tanh in 'new Tanh()' after it, in Trainer.Build (Test1.cs)",
                "the ReLU gain doubles the variance that a saturating activation expects, so its units saturate and their gradients vanish in a deep stack (Glorot and Bengio 2010)",
                "Xavier normal values, which suit the tanh that follows (std sqrt(2 / (fan_in + fan_out)))"));

    [Fact]
    public Task SiaNet_He_before_a_tanh_layer_that_follows_is_reported() =>
        VerifyWithAsync(LibraryStubs.SiaNet, SiaModel("model.Add({|INIT003:new Dense(128, kernelInitializer: new HeNormal())|}); model.Add(new Tanh()); model.Add(new Dense(10)); model.Add(new Softmax());"));

    [Theory]
    [InlineData("model.Add(new Dense(128, ActType.ReLU, new HeUniform())); model.Add(new Dense(64, ActType.ReLU, new HeNormal())); model.Add(new Dense(10, ActType.Softmax));")]
    [InlineData("model.Add(new Dense(128, ActType.Tanh)); model.Add(new Dense(10, ActType.Softmax));")] // Glorot before tanh
    [InlineData("model.Add(new Dense(128, ActType.Tanh, new RandomNormal())); model.Add(new Dense(10));")] // an initializer not catalogued
    [InlineData("model.Add(new Dense(128, ActType.ReLU, null)); model.Add(new Dense(10, ActType.Softmax));")] // null is the default, one hidden layer
    [InlineData("model.Add(new Dense(128, ActType.ReLU) { KernelInitializer = new HeNormal() }); model.Add(new Dense(64, ActType.ReLU) { KernelInitializer = new HeNormal() }); model.Add(new Dense(10));")] // set in an object initializer
    [InlineData("var m = new Sequential(); m.Add(new Dense(64, ActType.ReLU)); m.Add(new Dense(1)); m = new Sequential(); m.Add(new Dense(64, ActType.ReLU)); m.Add(new Dense(1));")] // two networks of one hidden layer in one variable
    public Task SiaNet_layers_that_suit_or_cannot_be_judged_are_not_reported(string layers) =>
        VerifyWithAsync(LibraryStubs.SiaNet, SiaModel(layers));

    internal static string Xor(string body) => $$"""
        using Accord.Neuro;

        public static class Xor
        {
            private static readonly double[] Trained = { 0.5, -0.5 };

            public static ActivationNetwork Build()
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public Task Accord_ActivationNetwork_with_a_hidden_layer_starts_from_U_0_1() =>
        VerifyWithAsync(
            LibraryStubs.AccordNeuro,
            Xor("var network = {|#0:new ActivationNetwork(new SigmoidFunction(), 2, 2, 1)|};\n        return network;"),
            Diagnostic("INIT004").WithLocation(0).WithArguments(
                "new ActivationNetwork(new SigmoidFunction(), 2, 2, 1)",
                "U[0, 1)",
                "which is not centred on zero (mean 0.5) and whose scale ignores the fan-in, so every unit's input shifts the same way",
                "Xavier uniform values, which suit the sigmoid that follows (bound sqrt(6 / (fan_in + fan_out)))"));

    [Theory]
    [InlineData("var network = new ActivationNetwork(new BipolarSigmoidFunction(), 2, 2, 1);\n        new NguyenWidrow(network).Randomize();\n        return network;")] // re-initialized
    [InlineData("return new ActivationNetwork(new SigmoidFunction(), 2, 1);")] // no hidden layer
    [InlineData("var network = new ActivationNetwork(new SigmoidFunction(), 2, 2, 1);\n        for (int j = 0; j < 2; j++) network.Layers[0].Neurons[0].Weights[j] = Trained[j];\n        return network;")] // weights copied in (Accord's RestrictedBoltzmannMachine.ToActivationNetwork)
    public Task Accord_networks_reinitialized_or_without_a_hidden_layer_are_not_reported(string body) =>
        VerifyWithAsync(LibraryStubs.AccordNeuro, Xor(body));
}
