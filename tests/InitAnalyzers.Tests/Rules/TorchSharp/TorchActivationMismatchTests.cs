using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.TorchSharpVerifier;
using static InitAnalyzers.Tests.Rules.TorchSharp.TorchSources;

namespace InitAnalyzers.Tests.Rules.TorchSharp;

/// <summary>INIT003 on TorchSharp models: the scheme written in front of the activation that forward actually applies.</summary>
public sealed class TorchActivationMismatchTests
{
    [Theory]
    [InlineData("{|INIT003:init.xavier_uniform_(fc1.weight)|};", "ReLU()")]
    [InlineData("{|INIT003:init.glorot_uniform_(fc1.weight)|};", "GELU()")]
    [InlineData("{|INIT003:init.xavier_uniform_(fc1.weight, gain: 1.0)|};", "SiLU()")]
    [InlineData("{|INIT003:init.kaiming_normal_(fc1.weight)|};", "Tanh()")]
    [InlineData("{|INIT003:init.kaiming_uniform_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU)|};", "Sigmoid()")]
    [InlineData("{|INIT003:init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.Tanh)|};", "ReLU()")]
    [InlineData("{|INIT003:init.kaiming_normal_(fc1.weight, mode: init.FanInOut.FanIn, nonlinearity: init.NonlinearityType.Linear)|};", "ELU()")]
    [InlineData("{|INIT003:init.xavier_uniform_(fc1.weight, gain: init.calculate_gain(init.NonlinearityType.ReLU))|};", "Tanh()")]
    [InlineData("{|INIT003:init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU)|};", "SELU()")]
    public Task A_scheme_derived_for_another_activation_warns(string init, string activation) => VerifyAsync(Mlp(init, activation: activation));

    [Fact]
    public Task Xavier_normal_before_ReLU_is_a_mismatch_and_a_pitfall() =>
        VerifyAsync(Mlp("{|INIT003:{|INIT006:init.xavier_normal_(fc1.weight)|}|};"));

    [Fact]
    public Task A_leaky_slope_difference_is_only_a_suggestion() =>
        VerifyAsync(Mlp("{|#0:init.kaiming_normal_(fc1.weight, a: 0.2, nonlinearity: init.NonlinearityType.LeakyReLU)|};"), Diagnostic("INIT003").WithSeverity(DiagnosticSeverity.Info).WithLocation(0));

    [Fact]
    public Task The_default_slope_against_a_leaky_activation_of_0_2_is_a_suggestion() =>
        VerifyAsync(Mlp("{|#0:init.kaiming_uniform_(fc1.weight, nonlinearity: init.NonlinearityType.LeakyReLU)|};", activation: "LeakyReLU(0.2)"), Diagnostic("INIT003").WithSeverity(DiagnosticSeverity.Info).WithLocation(0));

    [Fact]
    public Task Xavier_before_SELU_is_a_suggestion() =>
        VerifyAsync(Mlp("{|#0:init.xavier_uniform_(fc1.weight)|};", activation: "SELU()"), Diagnostic("INIT003").WithSeverity(DiagnosticSeverity.Info).WithLocation(0));

    [Fact]
    public Task The_message_names_the_scheme_the_activation_and_the_remedy() =>
        VerifyAsync(
            Mlp("{|#0:init.xavier_uniform_(fc1.weight)|};"),
            Diagnostic("INIT003").WithLocation(0).WithArguments(
                "fc1.weight",
                "Xavier (Glorot) uniform with gain 1",
                "ReLU",
                "the rectifier passes about half of the signal, so a scheme derived for gain 1 halves its variance at every layer and a deep stack fades (He et al. 2015)",
                "He uniform values, which suit the ReLU that follows (bound sqrt(6 / fan_in) = 0.0875 for fan_in 784)"));

    [Fact]
    public Task Apply_over_a_Sequential_judges_the_hidden_layers() => VerifyAsync(Usings + """
        public sealed class Deep : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> layers = Sequential(Linear(784, 512), ReLU(), Dropout(0.2), Linear(512, 512), ReLU(), Linear(512, 10), LogSoftmax(1));

            public Deep() : base("deep")
            {
                RegisterComponents();
                apply(m => { if (m is Linear l) {|INIT003:init.xavier_uniform_(l.weight)|}; });
            }

            public override Tensor forward(Tensor x) => layers.forward(x);
        }
        """);

    [Fact]
    public Task A_loop_built_tanh_stack_with_He_through_named_modules() => VerifyAsync(Usings + """
        public sealed class TanhStack : Module<Tensor, Tensor>
        {
            private readonly Sequential body;

            public TanhStack(long width, int depth) : base("tanh")
            {
                var list = new List<Module<Tensor, Tensor>>();
                for (var i = 0; i < depth; i++)
                {
                    list.Add(Linear(width, width));
                    list.Add(LayerNorm(width));
                    list.Add(Tanh());
                }

                body = Sequential(list);
                RegisterComponents();
                foreach (var (_, m) in named_modules())
                {
                    if (m is Linear linear) {|INIT003:init.kaiming_normal_(linear.weight, nonlinearity: init.NonlinearityType.ReLU)|};
                }
            }

            public override Tensor forward(Tensor x) => body.forward(x);
        }
        """);

    [Fact]
    public Task A_convolution_followed_by_a_tensor_method_activation() => VerifyAsync(Usings + """
        public sealed class Cnn : Module<Tensor, Tensor>
        {
            private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
            private readonly Conv2d conv2 = Conv2d(32, 10, 1);

            public Cnn() : base("cnn")
            {
                {|INIT003:init.xavier_uniform_(conv1.weight)|};
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => conv2.forward(functional.dropout(conv1.forward(x).relu(), 0.1)).mean(new long[] { 2, 3 });
        }
        """);

    [Fact]
    public Task A_Parameter_initialized_in_place_as_it_is_made() => VerifyAsync(Usings + """
        public sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Parameter w1 = Parameter({|INIT003:init.xavier_uniform_(torch.empty(784, 256))|});
            private readonly Parameter w2 = Parameter(init.xavier_uniform_(torch.empty(256, 10)));

            public Net() : base("net") => RegisterComponents();

            public override Tensor forward(Tensor x) => x.matmul(w1).relu().matmul(w2);
        }
        """);

    [Fact]
    public Task Sigmoid_after_reassignment() =>
        VerifyAsync(Mlp("{|INIT003:init.kaiming_uniform_(fc1.weight)|};", "x = fc1.forward(x); x = x.sigmoid(); return fc2.forward(x);"));

    // Schemes that suit their activation, and activations that are not judged.

    [Theory]
    [InlineData("init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);", "ReLU()")]
    [InlineData("init.kaiming_uniform_(fc1.weight);", "ReLU6()")]
    [InlineData("init.xavier_uniform_(fc1.weight);", "Tanh()")]
    [InlineData("init.xavier_uniform_(fc1.weight, gain: init.calculate_gain(init.NonlinearityType.Tanh));", "Tanh()")]
    [InlineData("init.xavier_uniform_(fc1.weight);", "Sigmoid()")]
    [InlineData("init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.Linear);", "SELU()")]
    [InlineData("init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.Sigmoid);", "Sigmoid()")]
    [InlineData("init.xavier_uniform_(fc1.weight, gain: Math.Sqrt(2));", "ReLU()")]
    [InlineData("init.kaiming_normal_(fc1.weight, a: 0.01, nonlinearity: init.NonlinearityType.LeakyReLU);", "LeakyReLU()")]
    [InlineData("init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);", "LeakyReLU(0.05)")]
    [InlineData("init.kaiming_uniform_(fc1.weight, a: Math.Sqrt(5));", "Tanh()")]
    [InlineData("init.orthogonal_(fc1.weight);", "Tanh()")]
    [InlineData("init.kaiming_normal_(fc1.weight, mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU);", "ReLU()")]
    public Task A_suitable_scheme_is_fine(string init, string activation) => VerifyAsync(Mlp(init, activation: activation));

    [Fact]
    public Task The_framework_default_is_never_judged() => VerifyAsync(Mlp(string.Empty, activation: "Tanh()"));

    [Theory]
    [InlineData("return fc2.forward(fc1.forward(x));")]
    [InlineData("return functional.log_softmax(fc2.forward(fc1.forward(x)), 1);")]
    public Task Any_scheme_suits_a_linear_or_softmax_output(string forward) =>
        VerifyAsync(Mlp("init.kaiming_normal_(fc2.weight, nonlinearity: init.NonlinearityType.ReLU); init.xavier_uniform_(fc1.weight);", forward));

    [Fact]
    public Task An_activation_hidden_in_a_helper_of_another_type_is_not_judged() =>
        VerifyAsync(Mlp("init.xavier_uniform_(fc1.weight);", "return fc2.forward(Helpers.Activate(fc1.forward(x)));") + """

            public static class Helpers
            {
                public static Tensor Activate(Tensor t) => t.relu();
            }
            """);

    [Fact]
    public Task A_layer_whose_output_goes_two_ways_is_not_judged() =>
        VerifyAsync(Mlp("init.xavier_uniform_(fc1.weight);", "var h = fc1.forward(x); return fc2.forward(h.relu()) + fc2.forward(h.tanh());"));

    [Fact]
    public Task An_activation_in_the_types_own_helper_is_followed() =>
        VerifyAsync(Mlp("{|INIT003:init.xavier_uniform_(fc1.weight)|};", "return fc2.forward(Block(x)); } private Tensor Block(Tensor input) { return functional.relu(fc1.forward(input));"));

    [Fact]
    public Task Through_batch_norm_and_dropout_in_a_Sequential_He_suits_ReLU() => VerifyAsync(Usings + """
        public sealed class Conv : Module<Tensor, Tensor>
        {
            private readonly Sequential features = Sequential(("c1", Conv2d(3, 64, 3)), ("bn1", BatchNorm2d(64)), ("r1", ReLU(true)), ("d1", Dropout2d(0.1)), ("c2", Conv2d(64, 64, 3)), ("r2", ReLU(true)));

            public Conv() : base("conv")
            {
                RegisterComponents();
                foreach (var (_, m) in named_modules())
                {
                    if (m is Conv2d c) init.kaiming_normal_(c.weight, mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU);
                }
            }

            public override Tensor forward(Tensor x) => features.forward(x);
        }
        """);

    [Fact]
    public Task Xavier_on_LSTM_weights_suits_their_gates() => VerifyAsync(Usings + """
        public sealed class Encoder : Module<Tensor, Tensor>
        {
            private readonly LSTM lstm = LSTM(32, 64);
            private readonly Linear head = Linear(64, 2);

            public Encoder() : base("encoder")
            {
                foreach (var (name, p) in lstm.named_parameters())
                {
                    if (name.StartsWith("weight")) init.xavier_uniform_(p); else init.zeros_(p);
                }

                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => head.forward(lstm.call(x).Item1);
        }
        """);
}
