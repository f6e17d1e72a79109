using System.Threading.Tasks;
using InitAnalyzers.Tests.Rules.LayerLists;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.CodeFixVerifier;
using static InitAnalyzers.Tests.Rules.LayerLists.LayerListTests;

namespace InitAnalyzers.Tests.Fixes;

/// <summary>
/// INIT003 fixes on library layers: the initializer argument is set, or replaced, to the scheme that suits the activation, in
/// the family the layer drew from; ConvNetSharp's layers take none, so none is offered. The fixed code compiles against the stubs.
/// </summary>
public sealed class LayerListFixTests
{
    [Fact]
    public Task NeuralNetworkNet_default_Glorot_before_ReLU_gets_He_uniform_by_name() =>
        VerifyFixAsync(
            new[] { LibraryStubs.NeuralNetworkNet, Sequential("{|INIT003:NetworkLayers.FullyConnected(128, ActivationType.ReLU)|}, {|INIT003:NetworkLayers.FullyConnected(64, ActivationType.ReLU)|}, NetworkLayers.Softmax(10)") },
            new[] { LibraryStubs.NeuralNetworkNet, Sequential("NetworkLayers.FullyConnected(128, ActivationType.ReLU, weightsMode: WeightsInitializationMode.HeEtAlUniform), NetworkLayers.FullyConnected(64, ActivationType.ReLU, weightsMode: WeightsInitializationMode.HeEtAlUniform), NetworkLayers.Softmax(10)") });

    [Fact]
    public Task NeuralNetworkNet_He_normal_before_tanh_becomes_Glorot_normal_in_place() =>
        VerifyFixAsync(
            new[] { LibraryStubs.NeuralNetworkNet, Sequential("{|INIT003:NetworkLayers.FullyConnected(128, ActivationType.Tanh, WeightsInitializationMode.HeEtAlNormal)|}, NetworkLayers.Softmax(10)") },
            new[] { LibraryStubs.NeuralNetworkNet, Sequential("NetworkLayers.FullyConnected(128, ActivationType.Tanh, WeightsInitializationMode.GlorotNormal), NetworkLayers.Softmax(10)") });

    [Fact]
    public Task SiaNet_Dense_gets_a_He_uniform_kernel_initializer() =>
        VerifyFixAsync(
            new[] { LibraryStubs.SiaNet, SiaModel("model.Add({|INIT003:new Dense(128, ActType.ReLU)|}); model.Add({|INIT003:new Dense(64, ActType.ReLU)|}); model.Add(new Dense(10, ActType.Softmax));") },
            new[] { LibraryStubs.SiaNet, SiaModel("model.Add(new Dense(128, ActType.ReLU, kernelInitializer: new HeUniform())); model.Add(new Dense(64, ActType.ReLU, kernelInitializer: new HeUniform())); model.Add(new Dense(10, ActType.Softmax));") });

    [Fact]
    public Task SiaNet_He_normal_before_tanh_becomes_Glorot_normal() =>
        VerifyFixAsync(
            new[] { LibraryStubs.SiaNet, SiaModel("model.Add({|INIT003:new Dense(128, kernelInitializer: new HeNormal())|}); model.Add(new Tanh()); model.Add(new Dense(10));") },
            new[] { LibraryStubs.SiaNet, SiaModel("model.Add(new Dense(128, kernelInitializer: new GlorotNormal())); model.Add(new Tanh()); model.Add(new Dense(10));") });

    [Fact]
    public Task ConvNetSharp_layers_take_no_initializer_so_no_fix_is_offered()
    {
        var test = CreateTest();
        test.TestState.Sources.Add(LibraryStubs.ConvNetSharp);
        test.TestState.Sources.Add(ConvNet("net.AddLayer({|INIT003:new FullyConnLayer(20)|}); net.AddLayer(new TanhLayer()); net.AddLayer(new FullyConnLayer(10));"));
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        test.FixedState.Sources.AddRange(test.TestState.Sources);
        return test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public Task Accord_ActivationNetwork_is_randomized_with_Nguyen_Widrow_after_it_is_made() =>
        VerifyFixAsync(
            new[] { LibraryStubs.AccordNeuro, Xor("var network = {|INIT004:new ActivationNetwork(new SigmoidFunction(), 2, 2, 1)|};\n        return network;") },
            new[] { LibraryStubs.AccordNeuro, Xor("var network = new ActivationNetwork(new SigmoidFunction(), 2, 2, 1);\n        new NguyenWidrow(network).Randomize();\n        return network;") });

    [Fact]
    public Task SiaNet_keeps_the_seed_of_the_initializer_it_replaces() =>
        VerifyFixAsync(
            new[] { LibraryStubs.SiaNet, SiaModel("model.Add({|INIT003:new Dense(128, kernelInitializer: new HeNormal(seed: 42))|}); model.Add(new Tanh()); model.Add(new Dense(10));") },
            new[] { LibraryStubs.SiaNet, SiaModel("model.Add(new Dense(128, kernelInitializer: new GlorotNormal(seed: 42))); model.Add(new Tanh()); model.Add(new Dense(10));") });

    [Theory]
    [InlineData("var holder = new System.Collections.Generic.List<ActivationNetwork> { {|INIT004:new(new SigmoidFunction(), 2, 2, 1)|} };\n        return holder[0];")] // not stored in a variable of its own
    [InlineData("ActivationNetwork network = null;\n        if (Trained.Length > 0) network = {|INIT004:new ActivationNetwork(new SigmoidFunction(), 2, 2, 1)|};\n        return network;")] // an embedded statement
    public async Task Accord_networks_made_where_no_statement_can_follow_get_no_fix(string body)
    {
        var test = CreateTest();
        test.TestState.Sources.Add(LibraryStubs.AccordNeuro);
        test.TestState.Sources.Add(Xor(body));
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        test.FixedState.Sources.AddRange(test.TestState.Sources);
        await test.RunAsync(System.Threading.CancellationToken.None);
    }
}
