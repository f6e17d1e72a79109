using System.Threading.Tasks;
using InitAnalyzers.CodeFixes;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.TorchSharpVerifier;
using static InitAnalyzers.Tests.Rules.TorchSharp.TorchSources;

namespace InitAnalyzers.Tests.Fixes;

/// <summary>
/// Fixes on TorchSharp models: torch.nn.init calls chosen from the activation, in the file's own spelling of init; each is
/// applied alone and by Fix All, and the fixed code must compile against TorchSharp 0.107.0 and raise no diagnostic.
/// </summary>
public sealed class TorchSharpFixTests
{
    [Theory]
    [InlineData("{|INIT001:init.zeros_(fc1.weight)|};", "init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);", "ReLU()")]
    [InlineData("{|INIT002:init.constant_(fc1.weight, 0.5)|};", "init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);", "ReLU()")]
    [InlineData("{|INIT004:init.uniform_(fc1.weight)|};", "init.kaiming_uniform_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);", "ReLU()")]
    [InlineData("{|INIT004:init.normal_(fc1.weight)|};", "init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);", "GELU()")]
    [InlineData("{|INIT003:init.xavier_uniform_(fc1.weight)|};", "init.kaiming_uniform_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);", "ReLU()")]
    [InlineData("{|INIT003:init.kaiming_normal_(fc1.weight)|};", "init.xavier_uniform_(fc1.weight, gain: init.calculate_gain(init.NonlinearityType.Tanh));", "Tanh()")]
    [InlineData("{|INIT001:init.zeros_(fc1.weight)|};", "init.xavier_uniform_(fc1.weight, gain: init.calculate_gain(init.NonlinearityType.Sigmoid));", "Sigmoid()")]
    [InlineData("{|INIT001:init.zeros_(fc1.weight)|};", "init.kaiming_normal_(fc1.weight, a: 0.2, nonlinearity: init.NonlinearityType.LeakyReLU);", "LeakyReLU(0.2)")]
    [InlineData("{|INIT004:init.uniform_(fc1.weight, -1, 1)|};", "init.kaiming_uniform_(fc1.weight, a: 0.01, nonlinearity: init.NonlinearityType.LeakyReLU);", "LeakyReLU()")]
    [InlineData("{|INIT003:init.kaiming_uniform_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU)|};", "init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.Linear);", "SELU()")]
    public Task The_scheme_follows_the_activation(string before, string after, string activation) =>
        VerifyFixAsync(Mlp(before, activation: activation), Mlp(after, activation: activation));

    [Theory]
    [InlineData("{|INIT001:torch.nn.init.zeros_(fc1.weight)|};", "torch.nn.init.kaiming_normal_(fc1.weight, nonlinearity: torch.nn.init.NonlinearityType.ReLU);")]
    [InlineData("{|INIT001:nn.init.zeros_(fc1.weight)|};", "nn.init.kaiming_normal_(fc1.weight, nonlinearity: nn.init.NonlinearityType.ReLU);")]
    [InlineData("{|INIT001:TorchSharp.torch.nn.init.zeros_(fc1.weight)|};", "TorchSharp.torch.nn.init.kaiming_normal_(fc1.weight, nonlinearity: TorchSharp.torch.nn.init.NonlinearityType.ReLU);")]
    public Task The_users_spelling_of_init_is_kept(string before, string after) =>
        VerifyFixAsync(Mlp(before), Mlp(after));

    [Fact]
    public Task A_static_import_of_init_writes_bare_names() =>
        VerifyFixAsync(
            "using static TorchSharp.torch.nn.init;\n" + Mlp("{|INIT001:zeros_(fc1.weight)|};"),
            "using static TorchSharp.torch.nn.init;\n" + Mlp("kaiming_normal_(fc1.weight, nonlinearity: NonlinearityType.ReLU);"));

    [Fact]
    public Task An_in_place_fill_takes_the_spelling_of_another_init_call_in_the_file() =>
        VerifyFixAsync(
            Mlp("init.zeros_(fc1.bias); using (torch.no_grad()) { {|INIT004:fc1.weight.normal_(0, 1)|}; }"),
            Mlp("init.zeros_(fc1.bias); using (torch.no_grad()) { init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU); }"));

    [Fact]
    public Task Without_any_init_call_the_qualified_name_is_simplified_against_the_usings() =>
        VerifyFixAsync(
            Mlp("using (torch.no_grad()) { {|INIT001:fc1.weight.zero_()|}; }"),
            Mlp("using (torch.no_grad()) { init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU); }"));

    [Theory]
    [InlineData("Parameter({|INIT001:torch.zeros(784, 128)|})", "Parameter(init.kaiming_normal_(torch.empty(784, 128), mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU))")]
    [InlineData("Parameter({|INIT004:torch.randn(784, 128) * 2|})", "Parameter(init.kaiming_normal_(torch.empty(784, 128), mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU))")]
    [InlineData("{|INIT004:torch.rand(784, 128)|}.AsParameter()", "init.kaiming_uniform_(torch.empty(784, 128), mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU).AsParameter()")]
    [InlineData("Parameter({|INIT002:torch.full(new long[] { 784, 128 }, 0.5, dtype: ScalarType.Float32)|})", "Parameter(init.kaiming_normal_(torch.empty(new long[] { 784, 128 }, dtype: ScalarType.Float32), mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU))")]
    public Task A_Parameter_made_from_a_factory_is_made_from_an_initialized_empty_tensor(string before, string after) =>
        VerifyFixAsync(ParameterNet(before), ParameterNet(after));

    [Fact]
    public Task A_Parameter_stored_out_by_in_keeps_the_default_fan_mode() =>
        VerifyFixAsync(
            ParameterNet("Parameter({|INIT001:torch.zeros(128, 784)|})").Replace("x.matmul(w1)", "functional.linear(x, w1)"),
            ParameterNet("Parameter(init.kaiming_normal_(torch.empty(128, 784), nonlinearity: init.NonlinearityType.ReLU))").Replace("x.matmul(w1)", "functional.linear(x, w1)"));

    private static string ParameterNet(string creation) => Usings + $$"""
        public sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Parameter w1 = {{creation}};
            private readonly Parameter w2 = Parameter(init.xavier_uniform_(torch.empty(128, 10)));

            public Net() : base("net")
            {
                init.zeros_(w2);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => x.matmul(w1).relu().matmul(w2);
        }
        """.Replace("init.zeros_(w2);", string.Empty);

    private static string Custom(string constructor, string fields = "private readonly Parameter weight;\n    private readonly Parameter bias;") => Usings + $$"""
        public sealed class CustomLinear : Module<Tensor, Tensor>
        {
            {{fields}}

            public CustomLinear(long inFeatures, long outFeatures) : base("custom")
            {
                {{constructor}}
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => functional.linear(x, weight, bias);
        }
        """;

    [Fact]
    public Task The_missing_initializers_are_added_after_the_tensors_are_made() =>
        VerifyFixAsync(
            Custom("weight = {|INIT005:torch.empty(outFeatures, inFeatures)|}.AsParameter();\n        bias = Parameter({|INIT005:torch.empty(outFeatures)|});"),
            Custom("weight = torch.empty(outFeatures, inFeatures).AsParameter();\n        init.kaiming_uniform_(weight, a: Math.Sqrt(5));\n        bias = Parameter(torch.empty(outFeatures));\n        init.zeros_(bias);"));

    [Fact]
    public Task In_a_field_initializer_the_empty_tensor_is_initialized_where_it_is_made() =>
        VerifyFixAsync(
            Custom(string.Empty, "private readonly Parameter weight = Parameter({|INIT005:torch.empty(64, 32)|});\n    private readonly Parameter bias = Parameter(torch.zeros(64));"),
            Custom(string.Empty, "private readonly Parameter weight = Parameter(init.kaiming_uniform_(torch.empty(64, 32), a: Math.Sqrt(5)));\n    private readonly Parameter bias = Parameter(torch.zeros(64));"));

    [Fact]
    public Task An_uninitialized_weight_before_ReLU_gets_He() => VerifyFixAsync(
        Usings + """
        public sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Parameter w1;
            private readonly Parameter w2 = Parameter(torch.randn(128, 10) * 0.05);

            public Net() : base("net")
            {
                w1 = Parameter({|INIT005:torch.empty(784, 128)|});
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => x.matmul(w1).relu().matmul(w2);
        }
        """,
        Usings + """
        public sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Parameter w1;
            private readonly Parameter w2 = Parameter(torch.randn(128, 10) * 0.05);

            public Net() : base("net")
            {
                w1 = Parameter(torch.empty(784, 128));
                init.kaiming_normal_(w1, mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => x.matmul(w1).relu().matmul(w2);
        }
        """);

    [Fact]
    public Task A_bulk_initializer_is_rewritten_once_for_the_layers_it_reaches() => VerifyFixAsync(
        Usings + """
        public sealed class Deep : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> layers = Sequential(Linear(784, 512), ReLU(), Linear(512, 512), ReLU(), Linear(512, 10));

            public Deep() : base("deep")
            {
                RegisterComponents();
                apply(m => { if (m is Linear l) {|INIT003:init.xavier_uniform_(l.weight)|}; });
            }

            public override Tensor forward(Tensor x) => layers.forward(x);
        }
        """,
        Usings + """
        public sealed class Deep : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> layers = Sequential(Linear(784, 512), ReLU(), Linear(512, 512), ReLU(), Linear(512, 10));

            public Deep() : base("deep")
            {
                RegisterComponents();
                apply(m => { if (m is Linear l) init.kaiming_uniform_(l.weight, nonlinearity: init.NonlinearityType.ReLU); });
            }

            public override Tensor forward(Tensor x) => layers.forward(x);
        }
        """);

    [Fact]
    public Task Fix_All_gives_each_layer_the_scheme_of_its_own_activation() => VerifyFixAsync(
        Usings + """
        public sealed class Mixed : Module<Tensor, Tensor>
        {
            private readonly Linear fc1 = Linear(784, 256);
            private readonly Linear fc2 = Linear(256, 128);
            private readonly Linear fc3 = Linear(128, 10);

            public Mixed() : base("mixed")
            {
                {|INIT001:init.zeros_(fc1.weight)|};
                {|INIT004:init.normal_(fc2.weight)|};
                init.ones_(fc3.bias);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => fc3.forward(fc2.forward(fc1.forward(x).relu()).tanh()).log_softmax(1);
        }
        """,
        Usings + """
        public sealed class Mixed : Module<Tensor, Tensor>
        {
            private readonly Linear fc1 = Linear(784, 256);
            private readonly Linear fc2 = Linear(256, 128);
            private readonly Linear fc3 = Linear(128, 10);

            public Mixed() : base("mixed")
            {
                init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);
                init.xavier_uniform_(fc2.weight, gain: init.calculate_gain(init.NonlinearityType.Tanh));
                init.ones_(fc3.bias);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => fc3.forward(fc2.forward(fc1.forward(x).relu()).tanh()).log_softmax(1);
        }
        """);

    [Fact]
    public Task Fix_All_rewrites_a_call_with_a_mismatch_and_a_pitfall_once_keeping_the_uniform_draw_it_made() =>
        VerifyFixAsync(
            Mlp("{|INIT003:{|INIT006:init.xavier_normal_(fc1.weight)|}|};"),
            Mlp("init.kaiming_uniform_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);"));

    [Theory]
    [InlineData("init.xavier_uniform_(fc2.weight, gain: {|INIT006:init.calculate_gain(init.NonlinearityType.LeakyReLU)|});", "init.xavier_uniform_(fc2.weight, gain: init.calculate_gain(init.NonlinearityType.LeakyReLU, 0.01));")]
    [InlineData("{|INIT006:init.xavier_normal_(fc2.weight)|};", "init.xavier_uniform_(fc2.weight);")]
    [InlineData("{|INIT006:init.glorot_normal_(fc2.weight)|};", "init.glorot_uniform_(fc2.weight);")]
    [InlineData("var gen = new Generator(42); init.normal_(fc2.weight, 0, 0.01, {|INIT006:generator: gen|});", "var gen = new Generator(42); init.normal_(fc2.weight, 0, 0.01);")]
    public Task Pitfalls_are_renamed_or_completed(string before, string after)
    {
        var test = CreateFixTest();
        test.TestState.Sources.Add(Mlp(before));
        test.FixedState.Sources.Add(Mlp(after));
        test.CodeActionEquivalenceKey = EquivalenceKeys.TorchSharpApiPitfall;
        return test.RunAsync();
    }
}
