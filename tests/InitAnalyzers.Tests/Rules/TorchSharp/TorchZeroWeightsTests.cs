using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.TorchSharpVerifier;
using static InitAnalyzers.Tests.Rules.TorchSharp.TorchSources;

namespace InitAnalyzers.Tests.Rules.TorchSharp;

/// <summary>INIT001 on TorchSharp models: zero weights of a hidden layer, however they are written, and the zeros that are fine.</summary>
public sealed class TorchZeroWeightsTests
{
    [Fact]
    public Task Zeros_on_a_hidden_Linear_layer_feeding_an_activation_module_field() =>
        VerifyAsync(Mlp("{|INIT001:init.zeros_(fc1.weight)|};"));

    [Theory]
    [InlineData("{|INIT001:torch.nn.init.zeros_(fc1.weight)|};")]
    [InlineData("{|INIT001:nn.init.constant_(fc1.weight, 0)|};")]
    [InlineData("{|INIT001:init.constant_(fc1.weight, 0.0)|};")]
    [InlineData("using (torch.no_grad()) { {|INIT001:fc1.weight.zero_()|}; }")]
    [InlineData("using (torch.no_grad()) { {|INIT001:fc1.weight.fill_(0)|}; }")]
    [InlineData("var zero = 0.0; {|INIT001:init.constant_(fc1.weight, zero)|};")]
    public Task Every_spelling_of_a_zero_fill_is_read(string init) => VerifyAsync(Mlp(init));

    [Fact]
    public Task Functional_activation_on_a_call_result() =>
        VerifyAsync(Mlp("{|INIT001:init.zeros_(fc1.weight)|};", "return fc2.call(functional.relu(fc1.call(x)));"));

    [Fact]
    public Task Tensor_method_activation_through_reassigned_locals() =>
        VerifyAsync(Mlp("{|INIT001:init.zeros_(fc1.weight)|};", "x = fc1.forward(x); x = x.tanh(); return fc2.forward(x);"));

    [Fact]
    public Task Static_import_of_init() =>
        VerifyAsync("using static TorchSharp.torch.nn.init;\n" + Mlp("{|INIT001:zeros_(fc1.weight)|};"));

    [Fact]
    public Task An_init_method_called_from_the_constructor() =>
        VerifyAsync(Mlp("InitWeights(); } private void InitWeights() { {|INIT001:init.zeros_(fc1.weight)|}; init.zeros_(fc1.bias);"));

    [Fact]
    public Task Zero_Parameter_fields_multiplied_in_forward() => VerifyAsync(Usings + """
        public sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Parameter w1 = Parameter({|INIT001:torch.zeros(784, 128)|});
            private readonly Parameter b1 = Parameter(torch.zeros(128));
            private readonly Parameter w2;

            public Net() : base("net")
            {
                w2 = torch.randn(128, 10).mul(0.05).AsParameter();
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => (x.matmul(w1) + b1).relu().matmul(w2);
        }
        """);

    [Fact]
    public Task Apply_with_a_type_test_reports_the_call_once() =>
        VerifyAsync(Usings + """
            public sealed class Deep : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> layers = Sequential(Linear(784, 256), ReLU(), Linear(256, 256), ReLU(), Linear(256, 10));

                public Deep() : base("deep")
                {
                    RegisterComponents();
                    apply(m => { if (m is Linear l) { {|INIT001:init.zeros_(l.weight)|}; } });
                }

                public override Tensor forward(Tensor x) => layers.forward(x);
            }
            """);

    [Fact]
    public Task A_named_parameters_loop_by_name() =>
        VerifyAsync(Mlp("""
            foreach (var (name, p) in named_parameters())
            {
                if (name.EndsWith("weight")) {|INIT001:init.zeros_(p)|};
                else init.zeros_(p);
            }
            """));

    [Fact]
    public Task A_named_modules_switch_over_a_Sequential_of_tuples() => VerifyAsync(Usings + """
        public sealed class Tagged : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;

            public Tagged() : base("tagged")
            {
                body = Sequential(("fc1", Linear(100, 50)), ("act1", LeakyReLU(0.2)), ("drop", Dropout(0.1)), ("fc2", Linear(50, 1)));
                RegisterComponents();
                foreach (var (_, m) in named_modules())
                {
                    switch (m)
                    {
                        case Linear linear:
                            {|INIT001:init.zeros_(linear.weight)|};
                            init.zeros_(linear.bias);
                            break;
                    }
                }
            }

            public override Tensor forward(Tensor x) => body.forward(x);
        }
        """);

    [Fact]
    public Task A_hidden_convolution() => VerifyAsync(Usings + """
        public sealed class Cnn : Module<Tensor, Tensor>
        {
            private readonly Conv2d conv1 = Conv2d(1, 32, 3);
            private readonly Conv2d conv2 = Conv2d(32, 64, 3);
            private readonly Module<Tensor, Tensor> pool = MaxPool2d(2);

            public Cnn() : base("cnn")
            {
                {|INIT001:init.constant_(conv1.weight, 0)|};
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => conv2.forward(pool.forward(functional.relu(conv1.forward(x))));
        }
        """);

    [Fact]
    public Task A_cast_from_a_Module_typed_field() =>
        VerifyAsync(Mlp("{|INIT001:init.zeros_(((Linear)hidden).weight)|};", "return fc2.forward(act.forward(hidden.forward(x)));").Replace("private readonly Module<Tensor, Tensor> act", "private readonly Module<Tensor, Tensor> hidden = Linear(784, 256);\n    private readonly Module<Tensor, Tensor> act").Replace("fc2 = Linear(256, 10)", "fc2 = Linear(256, 10)"));

    // Zeros that are correct (DOMAIN.md section 4).

    [Fact]
    public Task Zero_biases_are_fine() =>
        VerifyAsync(Mlp("init.zeros_(fc1.bias); init.constant_(fc2.bias, 0); using (torch.no_grad()) { fc2.bias.zero_(); }"));

    [Fact]
    public Task A_zero_initialized_output_head_is_fine() =>
        VerifyAsync(Mlp("init.zeros_(fc2.weight); init.zeros_(fc2.bias);"));

    [Fact]
    public Task A_model_without_a_hidden_layer_is_fine() => VerifyAsync(Usings + """
        public sealed class LogisticRegression : Module<Tensor, Tensor>
        {
            private readonly Linear linear = Linear(784, 10);

            public LogisticRegression() : base("logreg")
            {
                init.zeros_(linear.weight);
                init.zeros_(linear.bias);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => functional.log_softmax(linear.forward(x), 1);
        }
        """);

    [Fact]
    public Task Norm_shifts_running_statistics_and_buffers_are_fine() => VerifyAsync(Usings + """
        public sealed class Normed : Module<Tensor, Tensor>
        {
            private readonly Linear fc1 = Linear(64, 64);
            private readonly BatchNorm1d bn = BatchNorm1d(64);
            private readonly LayerNorm ln = LayerNorm(64);
            private readonly Linear fc2 = Linear(64, 2);
            private readonly Tensor steps = torch.zeros(1);
            private readonly Tensor mask;

            public Normed() : base("normed")
            {
                init.zeros_(bn.bias);
                init.zeros_(ln.bias);
                init.zeros_(bn.running_mean);
                mask = torch.zeros(64, 64);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => fc2.forward(ln.forward(bn.forward(fc1.forward(x)).relu()));
        }
        """);

    [Fact]
    public Task The_last_norm_scale_of_a_residual_block_is_fine() => VerifyAsync(Usings + """
        public sealed class BasicBlock : Module<Tensor, Tensor>
        {
            private readonly Conv2d conv1 = Conv2d(64, 64, 3, padding: 1, bias: false);
            private readonly BatchNorm2d bn1 = BatchNorm2d(64);
            private readonly Conv2d conv2 = Conv2d(64, 64, 3, padding: 1, bias: false);
            private readonly BatchNorm2d bn2 = BatchNorm2d(64);

            public BasicBlock(bool zeroInitResidual) : base("block")
            {
                RegisterComponents();
                if (zeroInitResidual)
                {
                    init.constant_(bn2.weight, 0);
                }
            }

            public override Tensor forward(Tensor x)
            {
                var y = bn1.forward(conv1.forward(x)).relu_();
                y = bn2.forward(conv2.forward(y));
                return (y + x).relu_();
            }
        }
        """);

    [Fact]
    public Task A_zero_residual_branch_is_fine() => VerifyAsync(Usings + """
        public sealed class Fixup : Module<Tensor, Tensor>
        {
            private readonly Linear branch1 = Linear(128, 128);
            private readonly Linear branch2 = Linear(128, 128);
            private readonly Parameter gate = Parameter(torch.zeros(1));

            public Fixup() : base("fixup")
            {
                init.zeros_(branch2.weight);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => x + gate * branch2.forward(branch1.forward(x).relu());
        }
        """);

    [Fact]
    public Task LoRA_B_starts_at_zero() => VerifyAsync(Usings + """
        public sealed class LoraLinear : Module<Tensor, Tensor>
        {
            private readonly Linear frozen;
            private readonly Parameter loraA;
            private readonly Parameter loraB;
            private readonly double scaling;

            public LoraLinear(long inFeatures, long outFeatures, long rank, double alpha) : base("lora")
            {
                frozen = Linear(inFeatures, outFeatures);
                loraA = Parameter(torch.empty(rank, inFeatures));
                init.kaiming_uniform_(loraA, a: Math.Sqrt(5));
                loraB = Parameter(torch.zeros(outFeatures, rank));
                scaling = alpha / rank;
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => frozen.forward(x) + x.matmul(loraA.T).matmul(loraB.T) * scaling;
        }
        """);

    [Fact]
    public Task Zeros_overwritten_later_in_construction_are_not_the_initialization() =>
        VerifyAsync(Mlp("init.zeros_(fc1.weight); init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);"));

    [Fact]
    public Task Weights_loaded_or_copied_after_the_zeros_are_not_reported() =>
        VerifyAsync(Mlp("init.zeros_(fc1.weight); using (torch.no_grad()) { fc1.weight.copy_(torch.load(\"fc1.pt\")); }"));

    [Fact]
    public Task A_checkpoint_loaded_in_the_constructor_replaces_every_parameter() =>
        VerifyAsync(Mlp("init.zeros_(fc1.weight); this.load(\"model.dat\");"));

    [Fact]
    public Task Zeros_under_an_option_are_not_known_to_run() =>
        VerifyAsync(Mlp("if (Environment.GetEnvironmentVariable(\"ZERO\") == \"1\") init.zeros_(fc1.weight);"));

    [Fact]
    public Task A_zero_embedding_is_a_lookup_table_not_a_layer() => VerifyAsync(Usings + """
        public sealed class Bag : Module<Tensor, Tensor>
        {
            private readonly Embedding embedding = Embedding(1000, 64);
            private readonly Linear fc = Linear(64, 64);
            private readonly Linear head = Linear(64, 2);

            public Bag() : base("bag")
            {
                init.zeros_(embedding.weight);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => head.forward(fc.forward(embedding.forward(x)).relu());
        }
        """);

    [Fact]
    public Task Identity_and_dirac_initializations_are_not_zero() =>
        VerifyAsync(Mlp("init.eye_(fc1.weight);"));

    [Fact]
    public Task Weights_written_by_another_type_are_not_judged() => VerifyAsync(Usings + """
        public sealed class Exposed : Module<Tensor, Tensor>
        {
            public readonly Linear fc1 = Linear(10, 10);
            public readonly Linear fc2 = Linear(10, 1);

            public Exposed() : base("exposed")
            {
                init.zeros_(fc1.weight);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => fc2.forward(fc1.forward(x).relu());
        }

        public static class Trainer
        {
            public static void Warm(Exposed model) => init.xavier_uniform_(model.fc1.weight);
        }
        """);
}
