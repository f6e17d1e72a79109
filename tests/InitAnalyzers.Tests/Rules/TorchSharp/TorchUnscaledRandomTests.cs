using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.TorchSharpVerifier;
using static InitAnalyzers.Tests.Rules.TorchSharp.TorchSources;

namespace InitAnalyzers.Tests.Rules.TorchSharp;

/// <summary>INIT004 on TorchSharp models: random weights whose scale ignores the fan-in, and the fixed ranges that are fine.</summary>
public sealed class TorchUnscaledRandomTests
{
    [Theory]
    [InlineData("{|INIT004:init.normal_(fc1.weight)|};")]
    [InlineData("{|INIT004:init.uniform_(fc1.weight)|};")]
    [InlineData("{|INIT004:init.uniform_(fc1.weight, -1, 1)|};")]
    [InlineData("{|INIT004:init.uniform_(fc1.weight, high: 1.0, low: -1.0)|};")]
    [InlineData("{|INIT004:init.normal_(fc1.weight, 0, 0.01)|};")]
    [InlineData("{|INIT004:init.trunc_normal_(fc1.weight, std: 1.0)|};")]
    [InlineData("using (torch.no_grad()) { {|INIT004:fc1.weight.normal_(0, 1)|}; }")]
    [InlineData("using (torch.no_grad()) { {|INIT004:fc1.weight.uniform_(-0.5, 0.5)|}; }")]
    [InlineData("{|INIT004:init.normal_(fc1.weight, std: Std)|}; } private const double Std = 1.0; private void Unused() {")]
    public Task Fixed_scales_on_a_784_input_ReLU_layer(string init) => VerifyAsync(Mlp(init));

    [Theory]
    [InlineData("Parameter({|INIT004:torch.randn(784, 256)|})")]
    [InlineData("{|INIT004:torch.rand(784, 256)|}.AsParameter()")]
    [InlineData("Parameter({|INIT004:torch.rand(784, 256) - 0.5|})")]
    [InlineData("Parameter({|INIT004:torch.randn(new long[] { 784, 256 }, dtype: ScalarType.Float32)|})")]
    public Task Random_tensors_made_into_Parameters(string creation) => VerifyAsync(Usings + $$"""
        public sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Parameter w1 = {{creation}};
            private readonly Parameter w2 = Parameter(torch.randn(256, 10) / Math.Sqrt(256));

            public Net() : base("net") => RegisterComponents();

            public override Tensor forward(Tensor x) => x.matmul(w1).relu().matmul(w2);
        }
        """);

    [Fact]
    public Task Text_classification_output_layer_with_a_large_fixed_range() => VerifyAsync(Usings + """
        public sealed class TextClassificationModel : Module<Tensor, Tensor, Tensor>
        {
            private readonly EmbeddingBag embedding;
            private readonly Linear fc;

            public TextClassificationModel(long vocabSize, long embedDim, long numClass) : base("TextClassification")
            {
                embedding = EmbeddingBag(vocabSize, embedDim, sparse: false);
                fc = Linear(embedDim, numClass);
                InitWeights();
                RegisterComponents();
            }

            private void InitWeights()
            {
                var initrange = 0.5;
                init.uniform_(embedding.weight, -initrange, initrange);
                {|INIT004:init.uniform_(fc.weight, -initrange, initrange)|};
                init.zeros_(fc.bias);
            }

            public override Tensor forward(Tensor input, Tensor offsets) => fc.forward(embedding.call(input, offsets));
        }
        """);

    [Fact]
    public Task Apply_over_a_Sequential_reports_once() => VerifyAsync(Usings + """
        public sealed class Deep : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> layers = Sequential(Linear(100, 100), ReLU(), Linear(100, 100), ReLU(), Linear(100, 1));

            public Deep() : base("deep")
            {
                RegisterComponents();
                apply(module =>
                {
                    if (module is Linear linear)
                    {
                        {|INIT004:init.normal_(linear.weight)|};
                        init.zeros_(linear.bias);
                    }
                });
            }

            public override Tensor forward(Tensor x) => layers.forward(x);
        }
        """);

    [Fact]
    public Task A_named_parameters_loop_drawing_every_weight_from_N_0_1() =>
        VerifyAsync(Mlp("foreach (var (name, param) in named_parameters()) { if (name.Contains(\"weight\")) {|INIT004:init.normal_(param, 0, 1)|}; }"));

    [Fact]
    public Task A_convolution_drawn_from_U_minus_1_1() => VerifyAsync(Usings + """
        public sealed class Cnn : Module<Tensor, Tensor>
        {
            private readonly Conv2d conv1 = Conv2d(64, 128, 3);
            private readonly Conv2d conv2 = Conv2d(128, 10, 1);

            public Cnn() : base("cnn")
            {
                using (torch.no_grad())
                {
                    {|INIT004:conv1.weight.uniform_(-1, 1)|};
                }

                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => conv2.forward(conv1.forward(x).relu());
        }
        """);

    // Scales that are fine.

    [Fact]
    public Task An_embeddings_fixed_range_is_fine() => VerifyAsync(Usings + """
        public sealed class Seq2Seq : Module<Tensor, Tensor>
        {
            private readonly Embedding encoder;
            private readonly Linear hidden;
            private readonly Linear decoder;

            public Seq2Seq(long tokens, long width) : base("seq2seq")
            {
                encoder = Embedding(tokens, width);
                hidden = Linear(width, width);
                decoder = Linear(width, tokens);
                var initrange = 0.1;
                init.uniform_(encoder.weight, -initrange, initrange);
                init.zeros_(decoder.bias);
                init.uniform_(decoder.weight, -initrange, initrange);
                RegisterComponents();
            }

            public override Tensor forward(Tensor t) => decoder.forward(hidden.forward(encoder.forward(t)).relu());
        }
        """);

    [Fact]
    public Task A_bound_computed_from_the_fan_in_is_scaled() =>
        VerifyAsync(Mlp("var (fanIn, _) = init.CalculateFanInAndFanOut(fc1.weight); var bound = 1 / Math.Sqrt(fanIn); init.uniform_(fc1.weight, -bound, bound); init.uniform_(fc1.bias, -bound, bound);"));

    [Fact]
    public Task A_draw_scaled_by_the_size_is_fine() => VerifyAsync(Usings + """
        public sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Parameter w1;
            private readonly Parameter w2;

            public Net(int inputs, int hidden) : base("net")
            {
                w1 = Parameter(torch.randn(inputs, hidden) * Math.Sqrt(2.0 / inputs));
                w2 = Parameter(torch.randn(hidden, 1) / Math.Sqrt(hidden));
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => x.matmul(w1).relu().matmul(w2);
        }
        """);

    [Fact]
    public Task A_small_fixed_std_on_wide_layers_is_within_the_scheme() => VerifyAsync(Usings + """
        public sealed class Classifier : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> classifier = Sequential(Linear(512 * 7 * 7, 4096), ReLU(true), Dropout(0.5), Linear(4096, 4096), ReLU(true), Dropout(0.5), Linear(4096, 1000));

            public Classifier() : base("classifier")
            {
                RegisterComponents();
                foreach (var (_, m) in named_modules())
                {
                    switch (m)
                    {
                        case Linear ln:
                            init.normal_(ln.weight, 0, 0.01);
                            init.constant_(ln.bias, 0);
                            break;
                    }
                }
            }

            public override Tensor forward(Tensor x) => classifier.forward(x);
        }
        """);

    [Fact]
    public Task A_small_fixed_std_where_the_fan_in_is_not_known_is_not_judged() =>
        VerifyAsync(Mlp("fc0 = Linear(inputs, 256); init.trunc_normal_(fc0.weight, std: 0.02);", "return fc2.forward(act.forward(fc0.forward(x)));").Replace("public Mlp()", "public Mlp(long inputs)").Replace("private readonly Linear fc1", "private readonly Linear fc0;\n    private readonly Linear fc1"));

    [Fact]
    public Task Random_biases_scales_and_buffers_are_not_weights() => VerifyAsync(Usings + """
        public sealed class Noisy : Module<Tensor, Tensor>
        {
            private readonly Linear fc1 = Linear(784, 256);
            private readonly LayerNorm norm = LayerNorm(256);
            private readonly Linear fc2 = Linear(256, 10);
            private readonly Tensor projection = torch.randn(10, 10);

            public Noisy() : base("noisy")
            {
                init.uniform_(fc1.bias);
                init.normal_(norm.weight);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => fc2.forward(norm.forward(fc1.forward(x + torch.randn_like(x) * 0.1)).relu());
        }
        """);

    [Fact]
    public Task A_single_layer_model_trains_from_any_scale() => VerifyAsync(Usings + """
        public sealed class Regression : Module<Tensor, Tensor>
        {
            private readonly Parameter w = Parameter(torch.randn(13, 1));
            private readonly Parameter b = Parameter(torch.zeros(1));

            public Regression() : base("regression") => RegisterComponents();

            public override Tensor forward(Tensor x) => x.matmul(w) + b;
        }
        """);

    [Fact]
    public Task The_framework_default_is_not_judged() => VerifyAsync(Mlp(string.Empty));

    [Fact]
    public Task A_fixed_range_that_suits_a_small_layer_is_fine() =>
        VerifyAsync(Mlp("init.uniform_(fc1.weight, -0.1, 0.1);").Replace("Linear(784, 256)", "Linear(100, 256)"));

    [Fact]
    public Task A_small_output_layer_is_fine_as_a_zero_one_is() =>
        VerifyAsync(Mlp("init.normal_(fc2.weight, 0, 0.001);"));

    [Fact]
    public Task A_large_output_layer_is_reported() =>
        VerifyAsync(Mlp("{|INIT004:init.normal_(fc2.weight)|};"));
}
