using Microsoft.CodeAnalysis;
using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.TorchSharpVerifier;
using static InitAnalyzers.Tests.Rules.TorchSharp.TorchSources;

namespace InitAnalyzers.Tests.Rules.TorchSharp;

/// <summary>INIT006: TorchSharp initializers that do not do what their names say, wherever they are called.</summary>
public sealed class TorchFrameworkPitfallTests
{
    [Theory]
    [InlineData("{|INIT006:init.xavier_normal_(fc2.weight)|};")]
    [InlineData("{|INIT006:init.glorot_normal_(fc2.weight)|};")]
    [InlineData("{|INIT006:torch.nn.init.xavier_normal_(fc2.weight, gain: 1.0)|};")]
    [InlineData("init.xavier_uniform_(fc2.weight, gain: {|INIT006:init.calculate_gain(init.NonlinearityType.LeakyReLU)|});")]
    [InlineData("init.xavier_uniform_(fc2.weight, gain: {|INIT006:init.calculate_gain(nonlinearity: init.NonlinearityType.LeakyReLU)|});")]
    [InlineData("var gen = new Generator(42); init.normal_(fc2.weight, 0, 0.02, {|INIT006:gen|});")]
    [InlineData("var gen = new Generator(42); init.uniform_(fc2.weight, -0.1, 0.1, {|INIT006:generator: gen|});")]
    [InlineData("var gen = new Generator(7); init.trunc_normal_(fc2.weight, std: 0.02, {|INIT006:generator: gen|});")]
    public Task Each_pitfall_is_a_suggestion(string init) => VerifyAsync(Mlp(init));

    [Fact]
    public Task Under_a_static_import_of_init() =>
        VerifyAsync("using static TorchSharp.torch.nn.init;\n" + Mlp("{|INIT006:xavier_normal_(fc2.weight)|};"));

    [Fact]
    public Task Inside_apply() =>
        VerifyAsync(Mlp("apply(m => { if (m is Linear l) {|INIT006:init.glorot_normal_(l.weight)|}; });", "return fc2.forward(fc1.forward(x));"));

    [Fact]
    public Task Outside_any_model() => VerifyAsync(Usings + """
        public static class Inits
        {
            public static void Xavier(Tensor t) => {|INIT006:init.xavier_normal_(t)|};
        }
        """);

    /// <summary>Calls are looked for in types whose source names them; top-level statements are such a type's.</summary>
    [Fact]
    public Task In_top_level_statements()
    {
        var test = CreateTest();
        test.TestCode = Usings + """
            var weight = torch.empty(4, 4);
            {|INIT006:init.xavier_normal_(weight)|};
            """;
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task In_a_struct_nested_in_a_class_that_calls_none() => VerifyAsync(Usings + """
        public static class Outer
        {
            public struct Inits
            {
                public static void Xavier(Tensor t) => {|INIT006:init.glorot_normal_(t)|};
            }
        }
        """);

    [Theory]
    [InlineData("init.xavier_uniform_(fc2.weight);")]
    [InlineData("init.xavier_uniform_(fc2.weight, gain: init.calculate_gain(init.NonlinearityType.LeakyReLU, 0.2));")]
    [InlineData("init.xavier_uniform_(fc2.weight, gain: init.calculate_gain(init.NonlinearityType.ReLU));")]
    [InlineData("init.normal_(fc2.weight, 0, 0.02, null);")]
    [InlineData("init.kaiming_normal_(fc2.weight, a: 0.01, nonlinearity: init.NonlinearityType.LeakyReLU);")]
    [InlineData("var gen = new Generator(42); fc2.weight.detach().normal_(0, 0.02, gen);")]
    public Task Honest_initializers_are_fine(string init) => VerifyAsync(Mlp(init));
}
