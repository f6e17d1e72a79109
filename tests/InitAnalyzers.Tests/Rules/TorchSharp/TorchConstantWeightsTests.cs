using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.TorchSharpVerifier;
using static InitAnalyzers.Tests.Rules.TorchSharp.TorchSources;

namespace InitAnalyzers.Tests.Rules.TorchSharp;

/// <summary>INIT002 on TorchSharp models: one constant in every weight of a hidden layer, and the constants that are fine.</summary>
public sealed class TorchConstantWeightsTests
{
    [Theory]
    [InlineData("{|INIT002:init.ones_(fc1.weight)|};")]
    [InlineData("{|INIT002:init.constant_(fc1.weight, 0.5)|};")]
    [InlineData("{|INIT002:torch.nn.init.constant_(fc1.weight, 1e-3)|};")]
    [InlineData("using (torch.no_grad()) { {|INIT002:fc1.weight.fill_(0.1)|}; }")]
    [InlineData("var c = 0.05; {|INIT002:init.constant_(fc1.weight, c)|};")]
    [InlineData("{|INIT002:init.constant_(fc1.weight, Fill)|}; } private const double Fill = 0.25; private void Unused() {")]
    public Task Every_spelling_of_a_constant_fill_is_read(string init) => VerifyAsync(Mlp(init));

    [Theory]
    [InlineData("Parameter({|INIT002:torch.ones(784, 128)|})")]
    [InlineData("{|INIT002:torch.full(new long[] { 784, 128 }, 0.01)|}.AsParameter()")]
    [InlineData("Parameter({|INIT002:torch.ones(784, 128) * 0.5|})")]
    public Task Constant_tensors_made_into_Parameters(string creation) => VerifyAsync(Usings + $$"""
        public sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Parameter w1 = {{creation}};
            private readonly Parameter w2 = Parameter(torch.randn(128, 10) * 0.05);

            public Net() : base("net") => RegisterComponents();

            public override Tensor forward(Tensor x) => x.matmul(w1).sigmoid().matmul(w2);
        }
        """);

    [Fact]
    public Task Apply_over_a_Sequential_built_in_a_loop() => VerifyAsync(Usings + """
        public sealed class Tower : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> layers;

            public Tower(int depth) : base("tower")
            {
                var list = new List<(string, Module<Tensor, Tensor>)>();
                for (var i = 0; i < depth; i++)
                {
                    list.Add(($"fc{i}", Linear(64, 64)));
                    list.Add(($"relu{i}", ReLU()));
                }

                list.Add(("head", Linear(64, 1)));
                layers = Sequential(list);
                RegisterComponents();
                apply(InitLayer);
            }

            private static void InitLayer(Module module)
            {
                if (module is Linear linear)
                {
                    {|INIT002:init.constant_(linear.weight, 0.01)|};
                }
            }

            public override Tensor forward(Tensor x) => layers.forward(x);
        }
        """);

    [Fact]
    public Task A_parameter_loop_over_matrices() =>
        VerifyAsync(Mlp("foreach (var p in parameters()) { if (p.dim() > 1) {|INIT002:init.constant_(p, 0.1)|}; else init.zeros_(p); }"));

    [Fact]
    public Task A_constant_convolution_in_a_Sequential_of_modules() => VerifyAsync(Usings + """
        public sealed class Features : Module<Tensor, Tensor>
        {
            private readonly Sequential features = Sequential(Conv2d(3, 16, 3), BatchNorm2d(16), ReLU(), Conv2d(16, 32, 3), ReLU(), Flatten(), Linear(32 * 28 * 28, 10));

            public Features() : base("features")
            {
                RegisterComponents();
                foreach (var m in modules())
                {
                    if (m is Conv2d conv)
                    {
                        {|INIT002:init.ones_(conv.weight)|};
                    }
                }
            }

            public override Tensor forward(Tensor x) => features.forward(x);
        }
        """);

    // Constants that are correct (DOMAIN.md section 4).

    [Fact]
    public Task Normalization_scales_of_one_are_fine() => VerifyAsync(Usings + """
        public sealed class Normed : Module<Tensor, Tensor>
        {
            private readonly Conv2d conv = Conv2d(3, 16, 3);
            private readonly BatchNorm2d bn = BatchNorm2d(16);
            private readonly GroupNorm gn = GroupNorm(4, 16);
            private readonly Conv2d head = Conv2d(16, 1, 1);

            public Normed() : base("normed")
            {
                init.ones_(bn.weight);
                init.constant_(gn.weight, 1);
                RegisterComponents();
                foreach (var (_, m) in named_modules())
                {
                    switch (m)
                    {
                        case BatchNorm2d norm:
                            init.constant_(norm.weight, 1);
                            init.constant_(norm.bias, 0);
                            break;
                    }
                }
            }

            public override Tensor forward(Tensor x) => head.forward(gn.forward(bn.forward(conv.forward(x))).relu());
        }
        """);

    [Fact]
    public Task Small_constant_biases_for_ReLU_are_fine() =>
        VerifyAsync(Mlp("init.constant_(fc1.bias, 0.1); init.constant_(fc2.bias, 0.01);"));

    [Fact]
    public Task The_LSTM_forget_gate_bias_of_one_is_fine() => VerifyAsync(Usings + """
        public sealed class Tagger : Module<Tensor, Tensor>
        {
            private readonly LSTM lstm = LSTM(100, 128, numLayers: 2, batchFirst: true);
            private readonly Linear head = Linear(128, 17);

            public Tagger() : base("tagger")
            {
                foreach (var (name, p) in lstm.named_parameters())
                {
                    if (name.Contains("bias")) init.constant_(p, 1.0);
                    else init.orthogonal_(p);
                }

                RegisterComponents();
            }

            public override Tensor forward(Tensor x)
            {
                var (output, _, _) = lstm.call(x);
                return head.forward(output);
            }
        }
        """);

    [Fact]
    public Task A_PReLU_slope_is_not_a_weight() =>
        VerifyAsync(Mlp("init.constant_(((PReLU)act).weight, 0.25);", activation: "PReLU(1)"));

    [Fact]
    public Task One_dimensional_scale_and_shift_parameters_are_fine() => VerifyAsync(Usings + """
        public sealed class Affine : Module<Tensor, Tensor>
        {
            private readonly Linear fc1 = Linear(32, 32);
            private readonly Parameter gamma = Parameter(torch.ones(32));
            private readonly Parameter beta = Parameter(torch.full(32, 0.1));
            private readonly Linear fc2 = Linear(32, 1);

            public Affine() : base("affine") => RegisterComponents();

            public override Tensor forward(Tensor x) => fc2.forward((fc1.forward(x) * gamma + beta).relu());
        }
        """);

    [Fact]
    public Task A_constant_output_layer_is_fine() =>
        VerifyAsync(Mlp("init.constant_(fc2.weight, 0.01);"));

    [Fact]
    public Task A_constant_overwritten_by_a_random_initializer_is_fine() =>
        VerifyAsync(Mlp("init.ones_(fc1.weight); InitRandom(); } private void InitRandom() { init.kaiming_uniform_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);"));
}
